// The path of a 12-month line for small server-rendered charts (dashboard tiles, TV). A month
// without figures breaks the line instead of dropping to zero, and so does a change of source: the
// line never joins two help desks' counts as if they were a rise or fall.
export type SparkPoint = {
  month: string;
  total: number | null;
  /** The sentence of a change of source between the month before and this one (lib/figures/breaks.ts). */
  sourceChanged?: string;
};

/** SVG path in a 100-wide box: values span from `bottom` up by `span`. Null with fewer than 2 values. */
export function sparklinePath(
  points: SparkPoint[],
  bottom: number,
  span: number,
): { d: string; first: number; last: number; breaks: { x: number; sentence: string }[] } | null {
  const values = points.map((p) => p.total).filter((v): v is number => v !== null);
  if (values.length < 2) return null;
  const max = Math.max(...values);
  const min = Math.min(...values);
  const x = (i: number) => (i / (points.length - 1)) * 100;
  const y = (v: number) => bottom - ((v - min) / (max - min || 1)) * span;
  let d = '';
  const breaks: { x: number; sentence: string }[] = [];
  points.forEach((p, i) => {
    // Half-way between the two months, where the chart's own marker stands.
    if (p.sourceChanged && i > 0) breaks.push({ x: Number(x(i - 0.5).toFixed(1)), sentence: p.sourceChanged });
    if (p.total === null) return;
    const joins = d && points[i - 1]?.total !== null && !p.sourceChanged;
    const next = points[i + 1];
    // A month alone between gaps or breaks is drawn as a dot (a tiny stroke with round caps).
    const alone = !joins && (!next || next.total === null || next.sourceChanged);
    d += `${joins ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.total).toFixed(1)} ${alone ? 'l0.01,0 ' : ''}`;
  });
  return { d, first: values[0]!, last: values.at(-1)!, breaks };
}
