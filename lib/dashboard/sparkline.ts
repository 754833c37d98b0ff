// The path of a 12-month line for small server-rendered charts (dashboard tiles, TV). A month
// without figures breaks the line instead of dropping to zero.
export type SparkPoint = { month: string; total: number | null };

/** SVG path in a 100-wide box: values span from `bottom` up by `span`. Null with fewer than 2 values. */
export function sparklinePath(
  points: SparkPoint[],
  bottom: number,
  span: number,
): { d: string; first: number; last: number } | null {
  const values = points.map((p) => p.total).filter((v): v is number => v !== null);
  if (values.length < 2) return null;
  const max = Math.max(...values);
  const min = Math.min(...values);
  const x = (i: number) => (i / (points.length - 1)) * 100;
  const y = (v: number) => bottom - ((v - min) / (max - min || 1)) * span;
  let d = '';
  points.forEach((p, i) => {
    if (p.total === null) return;
    d += `${d && points[i - 1]?.total !== null ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.total).toFixed(1)} `;
  });
  return { d, first: values[0]!, last: values.at(-1)! };
}
