// A chart as the server specifies it and the browser draws it: plain data and one pure helper, so
// client components can import it without pulling in the server's figure code.
import { NOT_COMPARABLE, describeChange } from '../change';
import { formatColumnHeader, formatCsvNumber, formatNumber, formatNumberUpTo, SHARE_DECIMALS } from '../format';

/** A change of source between the month before `month` and `month` (lib/figures/breaks.ts). */
export type ChartBreak = {
  month: string;
  sentence: string;
  /**
   * The year-on-year chart only: the series (a year) the change falls in. Its x axis is calendar
   * months, so the break splits that year's line alone, at the month.
   */
  series?: string;
};

export type Series = { key: string; label: string };
export type Row = Record<string, string | number | null>;
/** An outcome (funded, consulted…) is numbered on the chart and listed under it, readable without hover. */
export type Annotation = { month: string; label: string; kind: 'win' | 'project' | 'outcome' };
export type OutcomeNote = { n: number; month: string; label: string };
export type ChartSpec = {
  id: string;
  title: string;
  description: string;
  kind: 'stacked-bar' | 'stacked-area' | 'line' | 'yoy';
  /** Column for the x axis and the first column of the table and CSV. */
  xKey: string;
  xLabel: string;
  series: Series[];
  rows: Row[];
  unit: string;
  target?: number | null;
  direction?: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  percent?: boolean;
  /** A KPI's decimals, so its tooltip and email table write it as its tile does (lib/format.ts). */
  decimals?: number;
  /** Wins and project milestones on the time axis: the "why did it move" beside the line. */
  annotations?: Annotation[];
  /** Changes of source inside the window: a marker on the chart, no change stated across it. */
  breaks?: ChartBreak[];
};

/** Whether a change from `a` to `b` (months of the chart's rows) spans one of its breaks. */
export function spansBreak(chart: Pick<ChartSpec, 'breaks'>, a: string, b: string): boolean {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return (chart.breaks ?? []).some((x) => lo < x.month && x.month <= hi);
}

/** The contacts chart's total column (a table and CSV column, not a drawn series). */
export const ALL_KEY = 'total';

/** The column whose change on the previous month the table and CSV spell out, if any. */
function changeKey(chart: ChartSpec): string | null {
  if (chart.id === 'contacts') return ALL_KEY;
  if (chart.kind === 'line') return chart.series[0]?.key ?? null;
  return null;
}

/**
 * The chart's rows as CSV columns: the x column, every series, and for the contacts total and a
 * KPI the change on the previous month written by the one change rule — as the table shows them.
 */
/**
 * A number of a chart's data table as the rest of the edition writes it: a share or a KPI in its
 * decimals (the unit is in the column's header), other numbers as they are. The table on the page
 * and its CSV both write it so.
 */
export function chartNumber(spec: ChartSpec, n: number, { csv = false } = {}): string {
  const fixed = Boolean(spec.percent) || spec.unit === '%' || spec.decimals !== undefined;
  const decimals = fixed ? (spec.decimals ?? SHARE_DECIMALS) : 3;
  // A CSV groups no thousands: a spreadsheet reads "1234", not "1,234".
  if (csv) return formatCsvNumber(n, decimals, { upTo: !fixed });
  return fixed ? formatNumber(n, decimals) : formatNumberUpTo(n, decimals);
}

export function chartTable(chart: ChartSpec): { header: string[]; rows: (string | number | null)[][] } {
  const keys = [chart.xKey, ...chart.series.map((s) => s.key), ...(chart.id === 'contacts' ? [ALL_KEY] : [])];
  const header = [
    chart.xLabel,
    ...chart.series.map((s) => (chart.percent && s.key !== 'Target' ? formatColumnHeader(s.label, '%') : s.label)),
    ...(chart.id === 'contacts' ? ['Total'] : []),
  ];
  const key = changeKey(chart);
  if (key) header.push('Change on previous month');
  const outcomes = outcomeNotes(chart);
  if (outcomes.length) header.push('Outcomes');
  const value = (r: Row | undefined) => (r && typeof r[key ?? ''] === 'number' ? (r[key ?? ''] as number) : null);
  return {
    header,
    rows: chart.rows.map((r, i) => {
      const cells = keys.map((k) => r[k] ?? null);
      if (key) {
        const prev = chart.rows[i - 1];
        const change = describeChange(value(r), value(prev), {
          percent: Boolean(chart.percent),
          direction: chart.id === 'contacts' ? null : (chart.direction ?? null),
          comparable: !prev || !spansBreak(chart, String(prev[chart.xKey]), String(r[chart.xKey])),
        });
        cells.push(change.amount !== null || change.text === NOT_COMPARABLE ? change.text : null);
      }
      if (outcomes.length) {
        const own = outcomes.filter((o) => o.month === String(r[chart.xKey]));
        cells.push(own.length ? own.map((o) => `${o.n}. ${o.label}`).join('; ') : null);
      }
      return cells;
    }),
  };
}

/**
 * Annotations with the same month and words told once: a win filed twice ("Chat wait time
 * halved" by two agents) is one event on the chart.
 */
export function mergeAnnotations(annotations: Annotation[]): Annotation[] {
  const seen = new Set<string>();
  return annotations.filter((a) => {
    const key = `${a.month}\u0000${a.kind}\u0000${a.label.trim().toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The chart's outcomes in month order, numbered 1, 2, 3… as the markers, the list and the table show them. */
export function outcomeNotes(chart: Pick<ChartSpec, 'annotations' | 'rows' | 'xKey'>): OutcomeNote[] {
  const months = new Set(chart.rows.map((r) => String(r[chart.xKey])));
  return mergeAnnotations(chart.annotations ?? [])
    .filter((a) => a.kind === 'outcome' && months.has(a.month))
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((a, i) => ({ n: i + 1, month: a.month, label: a.label }));
}
