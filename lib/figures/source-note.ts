// The short note under an edition's data tables and in its CSV: where the months' counts came
// from, newest first ("Sep–Nov 2026: Salesforce Service Cloud export imported 6 Dec 2026; earlier:
// Freshdesk export"). Pure, so every face and the CSV say the same.
import { formatDay } from '../dates/day';

export type SourceSpan = { month: string; kind: string; label: string; at: Date };

const SHORT = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });
const monthShort = (m: string) => SHORT.format(new Date(`${m}-01T00:00:00Z`));
const year = (m: string) => m.slice(0, 4);

function range(from: string, to: string): string {
  if (from === to) return `${monthShort(from)} ${year(from)}`;
  if (year(from) === year(to)) return `${monthShort(from)}–${monthShort(to)} ${year(to)}`;
  return `${monthShort(from)} ${year(from)}–${monthShort(to)} ${year(to)}`;
}

/** How and when one source gave figures: "Freshdesk export imported 4 Aug 2026", "entered by hand 3 Aug 2026". */
export function sourceHow(s: Pick<SourceSpan, 'kind' | 'label' | 'at'>): string {
  if (s.kind === 'MANUAL') return `entered by hand ${formatDay(s.at)}`;
  if (s.kind === 'API') return `${s.label} ${formatDay(s.at)}`;
  return `${s.label}${/export|csv/i.test(s.label) ? '' : ' export'} imported ${formatDay(s.at)}`;
}

/** The note, or null when no month has a recorded source. */
export function sourceNote(spans: SourceSpan[]): string | null {
  if (!spans.length) return null;
  const sorted = [...spans].sort((a, b) => a.month.localeCompare(b.month));
  // Consecutive months from the same source on the same day are one run.
  const runs: { from: string; to: string; span: SourceSpan; text: string }[] = [];
  for (const s of sorted) {
    const text = sourceHow(s);
    const last = runs.at(-1);
    if (last && last.text === text) last.to = s.month;
    else runs.push({ from: s.month, to: s.month, span: s, text });
  }
  const latest = runs.at(-1)!;
  const head = `${range(latest.from, latest.to)}: ${latest.text.charAt(0).toUpperCase()}${latest.text.slice(1)}`;
  if (runs.length === 1) return `${head}.`;
  const earlier = [...new Set(runs.slice(0, -1).map((r) => r.span.label))].reverse();
  return `${head}; earlier: ${earlier.join(', ')}.`;
}

/** A source of one part of one month, as read for a window (lib/figures/sources.ts). */
export type PartSpan = SourceSpan & { part: string };

/** The note of one part ("counts" or a KPI's id) over the months `from`–`to`. */
export function sourceNoteOf(rows: PartSpan[], part: string, from: string, to: string): string | null {
  return sourceNote(rows.filter((r) => r.part === part && r.month >= from && r.month <= to));
}

/** The line a CSV ends with and a table carries below it: "Source: …". */
export const sourceLine = (note: string) => `Source: ${note}`;
