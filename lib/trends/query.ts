// What /trends shows lives in its URL (?team=…&kpi=…&range=…), so a link reproduces the view.
import { z } from 'zod';
import { addMonths, currentMonth, MIN_MONTH, MONTH_RE } from '../dates/month';
import { searchParamsRecord } from '../search-params';

export const RANGES = ['12', '24', '36', 'all', 'custom'] as const;
export type Range = (typeof RANGES)[number];

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    (v === undefined ? [] : Array.isArray(v) ? v : [v])
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 20),
  );

export const trendsQuerySchema = z.object({
  team: list,
  kpi: list,
  range: z.enum(RANGES).catch('12').default('12'),
  from: z.string().regex(MONTH_RE).optional().catch(undefined),
  to: z.string().regex(MONTH_RE).optional().catch(undefined),
});
export type TrendsQuery = z.infer<typeof trendsQuerySchema>;

/** The months shown: the last N complete months, everything, or a chosen span (oldest first). */
export function monthWindow(
  q: TrendsQuery,
  earliest: string | null,
  now: Date = new Date(),
): { from: string; to: string } {
  const latest = addMonths(currentMonth(now), -1);
  // A chosen span is clamped to months that can hold figures (2000-01 … last month).
  const clamp = (m: string) => (m < MIN_MONTH ? MIN_MONTH : m > latest ? latest : m);
  if (q.range === 'custom' && q.from && q.to) {
    const [a, b] = q.from <= q.to ? [q.from, q.to] : [q.to, q.from];
    // Months before the team's first figures would only be empty rows: the span starts at them.
    const from = earliest && clamp(a) < earliest && earliest <= clamp(b) ? earliest : clamp(a);
    return { from, to: clamp(b) };
  }
  if (q.range === 'all') return { from: earliest ? clamp(earliest < latest ? earliest : latest) : latest, to: latest };
  const n = q.range === 'custom' ? 12 : Number(q.range);
  return { from: addMonths(latest, -(n - 1)), to: latest };
}

export function queryString(q: Partial<TrendsQuery>, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const t of q.team ?? []) p.append('team', t);
  for (const k of q.kpi ?? []) p.append('kpi', k);
  if (q.range) p.set('range', q.range);
  if (q.range === 'custom') {
    if (q.from) p.set('from', q.from);
    if (q.to) p.set('to', q.to);
  }
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

/**
 * A trends address in one canonical form, with everything the page reads from it (the period's
 * months even when the range is not "From – to": the form shows them), and whether it names a team
 * (without one, trends shows the reader's own). What the kept trends page (lib/kept/gate.ts) is
 * named by.
 */
export function canonicalTrendsQuery(params: URLSearchParams): { query: string; hasTeam: boolean } {
  const q = trendsQuerySchema.parse(searchParamsRecord(params));
  // The page shows teams in name order and KPIs in their catalogue's, whatever order the address
  // names them in: one kept page for every spelling.
  const sorted = (values: string[]) => [...new Set(values)].sort();
  const out = new URLSearchParams(queryString({ team: sorted(q.team), kpi: sorted(q.kpi), range: q.range }));
  if (q.from) out.set('from', q.from);
  if (q.to) out.set('to', q.to);
  return { query: out.toString(), hasTeam: q.team.length > 0 };
}
