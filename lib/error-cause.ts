// An error in one line with everything under it: "fetch failed" alone hides the ECONNREFUSED or
// ENOTFOUND that says what went wrong, which lives in its `cause` (or its code). For log lines and
// for the reasons stored beside a failed email or delivery. No 'server-only': scripts use it too.

/** "message (CODE) ← cause message (CODE) ← …", at most five deep. */
export function describeErrorCause(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      const text = current.message || current.name;
      parts.push(typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text);
      if (current instanceof AggregateError)
        parts.push(...current.errors.slice(0, 3).map((e: unknown) => describeErrorCause(e)));
      current = current.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(' ← ');
}
