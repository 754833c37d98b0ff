// A chart spec turned into what an SVG draws: pure, so the server renders it (and tests check it)
// without a browser. The marks live in a 1000-unit-wide box stretched to the chart's width
// (strokes keep their width with vector-effect), so one drawing fits any screen; text is placed in
// per cent of the width and never stretched.
import { NOT_COMPARABLE, describeChange } from '../change';
import { formatWithUnit, SHARE_DECIMALS } from '../format';
import { mergeAnnotations, outcomeNotes, spansBreak, type Annotation, type ChartSpec } from './chart-spec';
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { chooseValueAxis, placeTargetLabel, xLabelBands, type TargetLabelPlace, type ValueAxis } from './axis';

export const PLOT_WIDTH = 1000;
export const PLOT_HEIGHT = 220;

export type Bar = { x: number; y: number; width: number; height: number; series: number };
export type SeriesPath = {
  series: number;
  d: string;
  fill?: boolean;
  dashed?: boolean;
  dots: { x: number; y: number }[];
};
export type Marker = { xPct: number; kind: Exclude<Annotation['kind'], 'outcome'>; months: string };
/** An outcome's numbered marker: the numbers of the month's outcomes, as the list under the chart has them. */
export type OutcomeMarker = { xPct: number; month: string; numbers: number[] };
/** A change of source: a vertical line between the month before and `month`, with its sentence. */
export type BreakMarker = { xPct: number; month: string; sentence: string };
export type Geometry = {
  axis: ValueAxis;
  /** Gridline y positions in px from the plot's top, with their labels. */
  grid: { y: number; label: string }[];
  bars: Bar[];
  paths: SeriesPath[];
  xLabels: { xPct: number; text: string; bands: boolean[] }[];
  target: { y: number; label: string; place: TargetLabelPlace } | null;
  markers: Marker[];
  outcomeMarkers: OutcomeMarker[];
  breakMarkers: BreakMarker[];
  /** One hover/focus column per month: its words for the tooltip and screen readers. */
  columns: { xPct: number; widthPct: number; lines: string[] }[];
};

const num = (v: number | string | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;
const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A value as the chart writes it, by lib/format.ts like every other face: "91.5%", "1,234",
 * "45 minutes". A KPI's chart carries the KPI's decimals; a share has the shares' one decimal.
 */
export function formatValue(v: number | null, spec: Pick<ChartSpec, 'unit' | 'percent' | 'decimals'>): string {
  const percent = Boolean(spec.percent) || spec.unit === '%';
  const unit = percent ? '%' : spec.unit === 'minutes' || spec.unit === 'seconds' ? spec.unit : '';
  return formatWithUnit(v, unit, spec.decimals ?? (percent ? SHARE_DECIMALS : 0));
}

type Point = { x: number; y: number };

/** Path through the points, broken where a month has no figure (a gap, never a zero): d3-shape's line. */
const linePath = (points: (Point | null)[]): string =>
  line<Point | null>()
    .defined((p) => p !== null)
    .x((p) => p!.x)
    .y((p) => p!.y)
    .digits(1)(points) ?? '';

/** Closed areas between a lower and an upper edge, one per run of months with figures: d3-shape's area. */
const areaPath = (upper: (Point | null)[], lower: (Point | null)[]): string =>
  area<number>()
    .defined((i) => upper[i] !== null && lower[i] !== null)
    .x((i) => upper[i]!.x)
    .y1((i) => upper[i]!.y)
    .y0((i) => lower[i]!.y)
    .digits(1)(upper.map((_, i) => i)) ?? '';

export function chartGeometry(spec: ChartSpec): Geometry {
  const rows = spec.rows;
  const n = Math.max(1, rows.length);
  const series = spec.series.filter((s) => s.key !== 'Target');
  const stacked = spec.kind === 'stacked-bar' || spec.kind === 'stacked-area';
  const target = spec.target ?? null;

  // Stacks: each month's running totals, so the axis covers the tallest stack.
  const tops = rows.map((r) => {
    let sum = 0;
    return series.map((s) => (sum += num(r[s.key]) ?? 0));
  });
  const values = stacked ? tops.map((t) => t.at(-1) ?? null) : rows.flatMap((r) => series.map((s) => num(r[s.key])));
  const axis =
    spec.kind === 'stacked-area' && spec.percent
      ? chooseValueAxis([0, 100], { fromZero: true, suffix: '%' })
      : chooseValueAxis(values, { target, fromZero: stacked, suffix: spec.percent ? '%' : '' });
  // The scales are d3-scale's; the gridline rule stays ours (axis.ts): d3's nice steps are 1, 2 and
  // 5 × 10ⁿ only, without 2.5, a bound on the count, whole steps for counts or room for a target label.
  const y = scaleLinear().domain([axis.min, axis.max]).range([PLOT_HEIGHT, 0]);
  const slot = PLOT_WIDTH / n;
  const cx = scaleLinear()
    .domain([-0.5, n - 0.5])
    .range([0, PLOT_WIDTH]);

  // A change of source splits every line and area: nothing is drawn from one source into the other
  // (a reason that exists only on one side would otherwise slope to or from nothing).
  // The year-on-year chart's x axis is calendar months: a change splits the one year's line it falls in.
  const yoyBreaks =
    spec.kind === 'yoy'
      ? (spec.breaks ?? [])
          .filter((b) => b.series !== undefined)
          .map((b) => ({ index: Number(b.month.slice(5)) - 1, series: b.series!, sentence: b.sentence }))
          .filter((b) => b.index > 0 && b.index < rows.length)
      : [];
  const breakAt = new Set(
    spec.kind === 'yoy'
      ? []
      : rows.flatMap((r, i) =>
          i > 0 && spansBreak(spec, String(rows[i - 1]![spec.xKey]), String(r[spec.xKey])) ? [i] : [],
        ),
  );
  const split = <T>(points: (T | null)[], draw: (part: (T | null)[]) => string, at: Set<number> = breakAt): string => {
    if (!at.size) return draw(points);
    const starts = [0, ...[...at].sort((a, b) => a - b), points.length];
    return starts
      .slice(0, -1)
      .map((start, k) => draw(points.map((p, i) => (i >= start && i < starts[k + 1]! ? p : null))))
      .join('');
  };
  const bars: Bar[] = [];
  const paths: SeriesPath[] = [];
  if (spec.kind === 'stacked-bar') {
    rows.forEach((r, i) => {
      let base = 0;
      series.forEach((s, si) => {
        const v = num(r[s.key]);
        if (v === null || v <= 0) return;
        bars.push({
          x: r1(i * slot + slot * 0.15),
          y: r1(y(base + v)),
          width: r1(slot * 0.7),
          height: r1(y(base) - y(base + v)),
          series: si,
        });
        base += v;
      });
    });
  } else if (spec.kind === 'stacked-area') {
    const has = rows.map((r) => series.some((s) => num(r[s.key]) !== null));
    series.forEach((_, si) => {
      const upper = rows.map((__, i) => (has[i] ? { x: cx(i), y: y(tops[i]![si]!) } : null));
      const lower = rows.map((__, i) => (has[i] ? { x: cx(i), y: y(si === 0 ? 0 : tops[i]![si - 1]!) } : null));
      const d = split(
        upper.map((p, i) => (p && lower[i] ? i : null)),
        (kept) =>
          areaPath(
            upper.map((p, i) => (kept[i] === null ? null : p)),
            lower,
          ),
      );
      paths.push({ series: si, d, fill: true, dots: [] });
    });
  } else {
    series.forEach((s, si) => {
      const points = rows.map((r, i) => {
        const v = num(r[s.key]);
        return v === null ? null : { x: r1(cx(i)), y: r1(y(v)) };
      });
      // Dots mark each month on short ranges and any month standing alone between gaps.
      const dots = points.filter(
        (p, i): p is { x: number; y: number } => p !== null && (n <= 24 || (!points[i - 1] && !points[i + 1])),
      );
      const own =
        spec.kind === 'yoy' ? new Set(yoyBreaks.filter((b) => b.series === s.key).map((b) => b.index)) : breakAt;
      paths.push({ series: si, d: split(points, linePath, own), dashed: spec.kind === 'yoy' && si === 1, dots });
    });
  }

  const bands = xLabelBands(rows.length);
  const xLabels = rows.map((r, i) => ({
    xPct: r1((cx(i) / PLOT_WIDTH) * 100),
    text: String(r[spec.xKey] ?? ''),
    bands: bands[i]!,
  }));

  const targetLine =
    target === null
      ? null
      : {
          y: r1(y(target)),
          label: `Target ${formatValue(target, spec)}`,
          place: placeTargetLabel(
            rows.map((r) => {
              const vs = series.map((s) => num(r[s.key])).filter((v): v is number => v !== null);
              // The label must clear every series: the one nearest the target decides.
              return vs.length ? vs.reduce((a, b) => (Math.abs(b - target) < Math.abs(a - target) ? b : a)) : null;
            }),
            axis,
            target,
            PLOT_HEIGHT,
          ),
        };

  const index = new Map(rows.map((r, i) => [String(r[spec.xKey]), i]));
  const notes = mergeAnnotations(spec.annotations ?? []).filter((a) => a.kind !== 'outcome');
  const outcomes = outcomeNotes(spec);
  const byMonth = new Map<string, Annotation[]>();
  for (const a of notes) if (index.has(a.month)) byMonth.set(a.month, [...(byMonth.get(a.month) ?? []), a]);
  const markers: Marker[] = [...byMonth].map(([month, list]) => ({
    xPct: r1((cx(index.get(month)!) / PLOT_WIDTH) * 100),
    kind: list.some((a) => a.kind === 'win') ? 'win' : 'project',
    months: month,
  }));
  const outcomeMarkers: OutcomeMarker[] = [...new Set(outcomes.map((o) => o.month))].map((month) => ({
    xPct: r1((cx(index.get(month)!) / PLOT_WIDTH) * 100),
    month,
    numbers: outcomes.filter((o) => o.month === month).map((o) => o.n),
  }));

  const breakMarkers: BreakMarker[] = [
    ...[...breakAt].map((i) => {
      const month = String(rows[i]![spec.xKey]);
      const b = (spec.breaks ?? []).filter((x) => spansBreak({ breaks: [x] }, String(rows[i - 1]![spec.xKey]), month));
      return { xPct: r1((cx(i - 0.5) / PLOT_WIDTH) * 100), month, sentence: b.map((x) => x.sentence).join(' ') };
    }),
    ...yoyBreaks.map((b) => ({
      xPct: r1((cx(b.index - 0.5) / PLOT_WIDTH) * 100),
      month: String(rows[b.index]![spec.xKey]),
      sentence: b.sentence,
    })),
  ];

  const columns = rows.map((r, i) => {
    const prev = rows[i - 1];
    const lines = [String(r[spec.xKey] ?? '')];
    const broken = breakAt.has(i);
    for (const s of series) {
      const v = num(r[s.key]);
      // The change on the month before, by the one rule (points for percentages); the
      // year-on-year chart's months are calendar months of two years, so it has none.
      const change =
        spec.kind === 'yoy' || !prev
          ? null
          : describeChange(v, num(prev[s.key]), {
              percent: Boolean(spec.percent),
              direction: stacked ? null : (spec.direction ?? null),
              comparable: !broken,
            });
      const shown = change && (change.amount !== null || (change.text === NOT_COMPARABLE && v !== null));
      lines.push(`${s.label}: ${formatValue(v, spec)}${shown ? ` (${change.text})` : ''}`);
    }
    for (const b of breakMarkers) if (b.month === String(r[spec.xKey])) lines.push(b.sentence);
    if (target !== null) lines.push(`Target: ${formatValue(target, spec)}`);
    for (const a of byMonth.get(String(r[spec.xKey])) ?? []) lines.push(`${a.kind === 'win' ? '★' : '◆'} ${a.label}`);
    for (const o of outcomes) if (o.month === String(r[spec.xKey])) lines.push(`Outcome ${o.n}: ${o.label}`);
    return { xPct: r1((i / n) * 100), widthPct: r1(100 / n), lines };
  });

  return {
    axis,
    grid: axis.ticks.map((t, i) => ({ y: r1(y(t)), label: axis.labels[i]! })),
    bars,
    paths,
    xLabels,
    target: targetLine,
    markers,
    outcomeMarkers,
    breakMarkers,
    columns,
  };
}
