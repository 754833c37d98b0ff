/**
 * Reads until `ok` holds, every `everyMs`, and throws with the last value read once `ms` have passed:
 * for tests that wait on work done elsewhere (a queue, another process), never a fixed sleep.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  ms: number,
  everyMs = 200,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
