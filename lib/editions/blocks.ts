// Telling generated paragraphs from the leader's own, and rewriting only the generated ones.
// No server imports: the composer marks paragraphs live as the leader types.
export type TextBlock = { key: string; text: string };

export type Separator = 'paragraph' | 'line';
// Browsers submit a textarea's line breaks as CRLF: a paragraph is a paragraph either way.
const split = (text: string, sep: Separator) => {
  const lf = text.replace(/\r\n?/g, '\n');
  return (sep === 'paragraph' ? lf.split(/\n[ \t]*\n/) : lf.split('\n'))
    .map((p) => p.trim().replace(/[ \t]*\n[ \t]*/g, '\n'))
    .filter(Boolean);
};
const join = (parts: string[], sep: Separator) => parts.join(sep === 'paragraph' ? '\n\n' : '\n');

/** Each paragraph (or line) of a text, marked generated when it is still exactly as written from the figures. */
export function markBlocks(
  text: string,
  generated: TextBlock[],
  sep: Separator,
): { text: string; generated: boolean }[] {
  const known = new Set(generated.map((b) => b.text.trim()));
  return split(text, sep).map((p) => ({ text: p, generated: known.has(p) }));
}

/**
 * Replaces the paragraphs still exactly as generated with the ones written from today's figures,
 * in place; the leader's own paragraphs stay where they are. A generated paragraph the leader
 * deleted stays deleted; one about something new (another reason moved most) goes after the last
 * generated paragraph, or at the start when none is left.
 */
export function rewriteBlocks(text: string, old: TextBlock[], fresh: TextBlock[], sep: Separator): string {
  const oldKeyByText = new Map(old.map((b) => [b.text.trim(), b.key]));
  const freshByKey = new Map(fresh.map((b) => [b.key, b.text]));
  const oldKeys = new Set(old.map((b) => b.key));
  const out: string[] = [];
  let lastGenerated = -1;
  for (const p of split(text, sep)) {
    const key = oldKeyByText.get(p);
    if (key === undefined) {
      out.push(p);
      continue;
    }
    const replacement = freshByKey.get(key);
    if (replacement !== undefined) {
      out.push(replacement);
      lastGenerated = out.length - 1;
    }
  }
  const added = fresh.filter((b) => !oldKeys.has(b.key)).map((b) => b.text);
  out.splice(lastGenerated + 1, 0, ...added);
  return join(out, sep);
}
