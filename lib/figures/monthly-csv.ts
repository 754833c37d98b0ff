// The monthly CSV layout: one figure per row, so it opens in any spreadsheet and round-trips.
//   month,kind,item,value
//   2026-10,received,Phone,1234      (kind: received | handled | reason | segment | kpi | note)
import { parse } from 'csv-parse/sync';
import { toSafeCsv } from '../csv';
import type { Catalog, MonthRecord } from './figures';
import { MONTH_RE, currentMonth } from '../dates/month';
import { ENTRY_KINDS, type Entry, type EntryKind, type Problem } from './resolve';
import { sourceLine } from './source-note';

const isSourceLine = (cells: string[]) =>
  cells[0]?.startsWith(sourceLine('')) === true && cells.slice(1).every((c) => c.trim() === '');

export const MONTHLY_HEADER = ['month', 'kind', 'item', 'value'] as const;

/** A plain decimal (1234, 91.5, -2): Number() alone would also read "0x10", "1e3" or "Infinity". */
export const DECIMAL_RE = /^-?\d{1,15}(\.\d{1,6})?$/;

// Exports prefix cells that start like a formula with "'" so a spreadsheet shows them as text
// (lib/csv.ts); importing our own export takes the prefix off again.
const unescapeFormula = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

export function detectDelimiter(firstLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  return (Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0] as ',' | ';' | '\t') ?? ',';
}

export function parseMonthlyCsv(text: string, now: Date = new Date()): { entries: Entry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const clean = text.replace(/^\uFEFF/, '');
  let rows: string[][];
  try {
    rows = parse(clean, {
      delimiter: detectDelimiter(clean.split(/\r?\n/, 1)[0] ?? ''),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    return { entries: [], problems: [{ ref: {}, message: `This is not readable CSV: ${(error as Error).message}` }] };
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const col = Object.fromEntries(MONTHLY_HEADER.map((name) => [name, header.indexOf(name)])) as Record<
    (typeof MONTHLY_HEADER)[number],
    number
  >;
  const missing = MONTHLY_HEADER.filter((name) => col[name] < 0);
  if (missing.length) {
    return {
      entries: [],
      problems: [
        {
          ref: { row: 1 },
          message: `The first row must name the columns month, kind, item, value (missing: ${missing.join(', ')}).`,
        },
      ],
    };
  }
  const latest = currentMonth(now);
  const entries: Entry[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2; // 1-based, after the header, as a spreadsheet numbers it
    // The source note our own export ends with says where figures came from; it is no figure.
    if (isSourceLine(cells)) return;
    const get = (name: (typeof MONTHLY_HEADER)[number]) => (cells[col[name]] ?? '').trim();
    const month = get('month');
    const kind = get('kind').toLowerCase() as EntryKind;
    const item = unescapeFormula(get('item'));
    const raw = unescapeFormula(get('value'));
    if (!MONTH_RE.test(month))
      return problems.push({ ref: { row, column: 'month' }, message: `“${month}” is not a month like 2026-10.` });
    if (month > latest)
      return problems.push({ ref: { row, column: 'month' }, message: `${month} has not started yet.` });
    if (!ENTRY_KINDS.includes(kind))
      return problems.push({
        ref: { row, column: 'kind' },
        message: `“${get('kind')}” is not one of ${ENTRY_KINDS.join(', ')}.`,
      });
    if (kind === 'note') return entries.push({ ref: { row, column: 'value' }, month, kind, item: '', value: raw });
    if (!item)
      return problems.push({ ref: { row, column: 'item' }, message: 'Name the channel, reason, segment or KPI.' });
    const decimal = raw.replace(/\s/g, '').replace(',', '.');
    const value = Number(decimal);
    if (!DECIMAL_RE.test(decimal) || !Number.isFinite(value))
      return problems.push({ ref: { row, column: 'value' }, message: `“${raw}” is not a number.` });
    entries.push({ ref: { row, column: 'value' }, month, kind, item, value });
  });
  return { entries, problems };
}

/**
 * Months in the same layout the import reads, so an export can be edited and imported back. With a
 * source note (lib/figures/source-note.ts) the file ends with it on a line of its own, which the
 * import skips.
 */
export function formatMonthlyCsv(records: MonthRecord[], catalog: Catalog, note: string | null = null): string {
  const name = (items: { id: string; name: string }[], id: string) => items.find((i) => i.id === id)?.name ?? id;
  const rows: (string | number)[][] = [[...MONTHLY_HEADER]];
  for (const r of records) {
    for (const c of catalog.channels) {
      const v = r.state.volumes[c.id];
      if (v) rows.push([r.month, 'received', c.name, v.received], [r.month, 'handled', c.name, v.handled]);
    }
    for (const item of catalog.reasons)
      if (r.state.reasons[item.id] !== undefined) rows.push([r.month, 'reason', item.name, r.state.reasons[item.id]!]);
    for (const item of catalog.segments)
      if (r.state.segments[item.id] !== undefined)
        rows.push([r.month, 'segment', item.name, r.state.segments[item.id]!]);
    for (const k of catalog.kpis)
      if (r.state.kpis[k.id] !== undefined) rows.push([r.month, 'kpi', name(catalog.kpis, k.id), r.state.kpis[k.id]!]);
    if (r.state.note) rows.push([r.month, 'note', '', r.state.note]);
  }
  if (note) rows.push([sourceLine(note), '', '', '']);
  return toSafeCsv(rows);
}
