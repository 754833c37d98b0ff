// A chart as the server specifies it and the browser draws it: plain data and one pure helper, so
// client components can import it without pulling in the server's figure code.
export type Series = { key: string; label: string };
export type Row = Record<string, string | number | null>;
export type Annotation = { month: string; label: string; kind: 'win' | 'project' };
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
  /** Wins and project milestones on the time axis: the "why did it move" beside the line. */
  annotations?: Annotation[];
};

/** The contacts chart's total column (a table and CSV column, not a drawn series). */
export const ALL_KEY = 'total';

/** The chart's rows as CSV columns: the x column then every series, as the table shows them. */
export function chartTable(chart: ChartSpec): { header: string[]; rows: (string | number | null)[][] } {
  const keys = [chart.xKey, ...chart.series.map((s) => s.key), ...(chart.id === 'contacts' ? [ALL_KEY] : [])];
  const header = [chart.xLabel, ...chart.series.map((s) => (chart.percent && s.key !== 'Target' ? `${s.label} (%)` : s.label)), ...(chart.id === 'contacts' ? ['Total'] : [])];
  return { header, rows: chart.rows.map((r) => keys.map((k) => r[k] ?? null)) };
}
