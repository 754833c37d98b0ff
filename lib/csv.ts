import { stringify } from 'csv-stringify/sync';

// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula:
// `=HYPERLINK(…)` or `+cmd|' /C calc'!A0` in a team's list names would run on a reader's machine.
// Such cells get a leading "'" so they show as text. A plain signed figure with its unit, the way
// lib/format.ts writes it ("+4.0 pts" with a non-breaking space, "+10.1%"), is no formula a
// spreadsheet could run, so it stays as readers see it on the page.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const SIGNED_FIGURE = /^[+-]\d{1,3}(,\d{3})*(\.\d+)?[ \u00a0]?(%|pts)?$/;

export function escapeFormulaCell<T>(cell: T): T | string {
  return typeof cell === 'string' && FORMULA_START.test(cell) && !SIGNED_FIGURE.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 CSV of the rows, with formula-like text cells escaped. */
export function toSafeCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return stringify(rows.map((row) => row.map(escapeFormulaCell)));
}

/** A CSV download: the file, named, never kept by a shared cache (it holds what this reader may see). */
export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
