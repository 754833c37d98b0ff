// Ties the words of an edition to the figures they were written from. Pure functions (no
// database): the composer, publishing and the "figures changed since publishing" check share them.
//
// The figures an edition states are reduced to "facts" (one number each, keyed by item id and
// which month it is about); a digest of them tells at a glance whether anything moved, and a diff
// says what. The generated story and asks are kept as keyed blocks beside the facts, so a rewrite
// replaces only the paragraphs that are still exactly as generated: a paragraph the leader wrote or
// edited is theirs and is never touched.
import { createHash } from 'node:crypto';
import { addMonths, monthLabel } from '../dates/month';
import { markBlocks } from './blocks';
import { formatMetric, type EditionContent, type Metric, type TextBlock } from './content';

export { markBlocks, rewriteBlocks } from './blocks';

export type Fact = { key: string; label: string; value: number | null; unit: string; decimals: number };
export type FactChange = { key: string; label: string; before: string; after: string };
export type TextBasis = { digest: string; facts: Fact[]; highlights: TextBlock[]; asks: TextBlock[] };

/** Every number an edition states about its month, last month and the same month last year. */
export function figureFacts(content: EditionContent): Fact[] {
  const prev = monthLabel(addMonths(content.month, -1));
  const year = monthLabel(addMonths(content.month, -12));
  const facts: Fact[] = [];
  const metric = (kind: string, m: Metric, unit = '', decimals = 0) => {
    facts.push({ key: `${kind}:${m.key}:month`, label: m.label, value: m.value, unit, decimals });
    facts.push({ key: `${kind}:${m.key}:lastMonth`, label: `${m.label}, ${prev}`, value: m.lastMonth, unit, decimals });
    facts.push({ key: `${kind}:${m.key}:lastYear`, label: `${m.label}, ${year}`, value: m.lastYear, unit, decimals });
  };
  metric('total', content.total);
  for (const c of content.channels) metric('channel', c);
  for (const k of content.kpis) metric('kpi', k, k.unit, k.decimals);
  for (const r of content.reasons) {
    facts.push({
      key: `reason:${r.name}:month`,
      label: `Contacts about ${r.name}`,
      value: r.count,
      unit: '',
      decimals: 0,
    });
    facts.push({
      key: `reason:${r.name}:lastMonth`,
      label: `Contacts about ${r.name}, ${prev}`,
      value: r.lastMonth,
      unit: '',
      decimals: 0,
    });
  }
  for (const s of content.segments)
    facts.push({
      key: `segment:${s.name}:month`,
      label: `Contacts from ${s.name}`,
      value: s.count,
      unit: '',
      decimals: 0,
    });
  return facts;
}

export function factsDigest(facts: Fact[]): string {
  const canonical = facts.map((f) => [f.key, f.value] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 22);
}

/** What changed between two sets of facts, in the order the edition states them. */
export function diffFacts(before: Fact[], after: Fact[]): FactChange[] {
  const old = new Map(before.map((f) => [f.key, f]));
  const now = new Map(after.map((f) => [f.key, f]));
  const show = (f: Fact | undefined) => (f ? formatMetric(f.value, f.unit || undefined, f.decimals) : '–');
  const changes: FactChange[] = [];
  for (const key of new Set([...after.map((f) => f.key), ...before.map((f) => f.key)])) {
    const a = old.get(key);
    const b = now.get(key);
    if ((a?.value ?? null) === (b?.value ?? null)) continue;
    changes.push({ key, label: (b ?? a)!.label, before: show(a), after: show(b) });
  }
  return changes;
}

export function makeBasis(content: EditionContent, highlights: TextBlock[], asks: TextBlock[]): TextBasis {
  const facts = figureFacts(content);
  return { digest: factsDigest(facts), facts, highlights, asks };
}

/** A stored basis, checked: JSON from the database is never trusted to have the right shape. */
export function parseBasis(value: unknown): TextBasis | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<TextBasis>;
  if (typeof v.digest !== 'string' || !Array.isArray(v.facts) || !Array.isArray(v.highlights) || !Array.isArray(v.asks))
    return null;
  return v as TextBasis;
}

/** Whether any paragraph of the text is still one written from the figures. */
export function hasGeneratedText(highlights: string, asks: string, basis: TextBasis): boolean {
  return (
    markBlocks(highlights, basis.highlights, 'paragraph').some((b) => b.generated) ||
    markBlocks(asks, basis.asks, 'line').some((b) => b.generated)
  );
}

/**
 * What changed under the text since it was written, or null when nothing needs the leader: no
 * basis (an old edition), the same figures, figures the leader already said the text stands for,
 * or no generated paragraph left (every word is the leader's own).
 */
export function textStaleness(
  basisValue: unknown,
  confirmedDigest: string | null,
  highlights: string,
  asks: string,
  content: EditionContent,
): FactChange[] | null {
  const basis = parseBasis(basisValue);
  if (!basis) return null;
  const facts = figureFacts(content);
  const digest = factsDigest(facts);
  if (digest === basis.digest || digest === confirmedDigest) return null;
  if (!hasGeneratedText(highlights, asks, basis)) return null;
  const changes = diffFacts(basis.facts, facts);
  return changes.length ? changes : null;
}
