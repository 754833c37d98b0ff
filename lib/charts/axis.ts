// How a chart's axes are chosen: pure functions, so the rules a careful reader relies on are tested
// rather than left to a chart library's defaults.
// - Gridlines sit at round values (1, 2, 2.5 or 5 × 10ⁿ apart) and each label is exactly its
//   gridline's value, with as many decimals as the step needs (7.5, never "8" on a line at 7.95).
// - A target is always inside the domain, with room for its label.
// - Month labels thin out by the width the chart has, always keeping the latest month.
// No server imports: the server draws the charts, but nothing here needs it.
import { formatWithUnit } from '../format';

export type ValueAxis = {
  min: number;
  max: number;
  step: number;
  /** The gridline values, bottom to top; each one's label is `labels[i]`. */
  ticks: number[];
  labels: string[];
  /** Decimals every label is written with: those of the step. */
  decimals: number;
};

const MANTISSAS = [1, 2, 2.5, 5, 10];

/** The smallest round step (1, 2, 2.5 or 5 × 10ⁿ) that is at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const mantissa = MANTISSAS.find((m) => m * power >= rough * (1 - 1e-9)) ?? 10;
  return roundTo(mantissa * power, 12);
}

/** Decimals needed to write every multiple of `step` exactly: 2.5 → 1, 0.25 → 2, 50 → 0. */
export function stepDecimals(step: number): number {
  for (let d = 0; d <= 10; d++) if (Math.abs(roundTo(step, d) - step) < step * 1e-9) return d;
  return 10;
}

function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

export type AxisOptions = {
  /** Drawn as a line: the domain must include it, with room for its label above or below. */
  target?: number | null;
  /** Bars and stacks start at zero (their length is the value). */
  fromZero?: boolean;
  /** The most gridlines wanted (a 240 px tall chart reads well with about six). */
  maxTicks?: number;
  /** Unit after each label: "%" for percentages. */
  suffix?: string;
};

/** The value axis for `values` (nulls ignored): round gridlines covering every value and the target. */
export function chooseValueAxis(values: (number | null | undefined)[], options: AxisOptions = {}): ValueAxis {
  const { target = null, fromZero = false, maxTicks = 6, suffix = '' } = options;
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const all = target !== null && Number.isFinite(target) ? [...finite, target] : finite;
  let lo = all.length ? Math.min(...all) : 0;
  let hi = all.length ? Math.max(...all) : 1;
  if (fromZero) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (lo === hi) {
    // One value (or a flat line): a little room either side, without going below zero for a
    // quantity that cannot.
    const pad = Math.abs(hi) * 0.1 || 1;
    lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
    hi += pad;
  }
  // Counts (every value and the target whole numbers) get whole gridlines: "1.5 asks" reads as an error.
  const whole = finite.length > 0 && all.every((v) => Number.isInteger(v));
  let step = niceStep((hi - lo) / Math.max(1, maxTicks - 1));
  if (whole) step = Math.max(1, step);
  let min = Math.floor(roundTo(lo / step, 9)) * step;
  let max = Math.ceil(roundTo(hi / step, 9)) * step;
  // Floors and ceilings can add a gridline at each end; a larger step keeps the count in bounds.
  while ((max - min) / step + 1 > maxTicks) {
    step = niceStep(step * 1.01);
    min = Math.floor(roundTo(lo / step, 9)) * step;
    max = Math.ceil(roundTo(hi / step, 9)) * step;
  }
  // A target on the top or bottom gridline leaves its label no room inside the chart: one more
  // step on that side (never below zero when the values cannot be).
  if (target !== null && Number.isFinite(target)) {
    if (max - target < step * 0.3) max += step;
    if (target - min < step * 0.3 && !(min === 0 && lo >= 0)) min -= step;
  }
  const decimals = stepDecimals(step);
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(roundTo(v, decimals) || 0);
  return {
    min: ticks[0]!,
    max: ticks.at(-1)!,
    step,
    ticks,
    labels: ticks.map((t) => formatWithUnit(t, suffix, decimals)),
    decimals,
  };
}

/**
 * The widths (of the chart's container, in CSS px) from which each band of month labels applies.
 * Band n applies from `LABEL_BANDS[n]` up to the next; CSS container queries switch between them,
 * so a server-drawn chart thins its labels at any width without measuring anything.
 */
export const LABEL_BANDS = [0, 440, 600, 760, 840] as const;
/** Space the axis gutters take from the container (left labels + right padding). */
export const GUTTERS_PX = 72;
/** Steps between labelled months that read naturally: every month, 2, 3, 4, 6 months, yearly… */
const MONTH_STEPS = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120];

/** Every how many months a label fits in a plot `plotPx` wide, labels about `labelPx` wide ("2026-10" in 12 px type and a gap). */
export function labelStep(count: number, plotPx: number, labelPx: number): number {
  const fits = Math.max(1, Math.floor(plotPx / labelPx));
  return MONTH_STEPS.find((s) => Math.ceil(count / s) <= fits) ?? Math.ceil(count / fits);
}

/**
 * For each of `count` labels, the bands in which it is shown. Counting back from the last label,
 * so the latest month always has its label; the narrowest width a band covers decides its step.
 */
export function xLabelBands(count: number, labelPx = 54): boolean[][] {
  const steps = LABEL_BANDS.map((from, band) =>
    labelStep(count, Math.max(from, band === 0 ? 280 : from) - GUTTERS_PX, labelPx),
  );
  return Array.from({ length: count }, (_, i) => steps.map((s) => (count - 1 - i) % s === 0));
}

export type TargetLabelPlace = 'above' | 'below' | 'legend-only';

/**
 * Where the target's label goes at the right end of its line, so no line runs through it: above
 * the target line when every value near the right end is below it, below when they are all above,
 * else only in the legend. `share` is the part of the plot's width the label may cover.
 */
export function placeTargetLabel(
  values: (number | null)[],
  axis: ValueAxis,
  target: number,
  plotHeightPx: number,
  share = 0.35,
  labelPx = 16,
): TargetLabelPlace {
  const y = (v: number) => plotHeightPx * (1 - (v - axis.min) / (axis.max - axis.min));
  const ty = y(target);
  // The points under the label and the one before them (its line runs into the label's span).
  const first = Math.max(0, Math.floor(values.length * (1 - share)) - 1);
  const near = values.slice(first).filter((v): v is number => v !== null);
  const roomAbove = ty >= labelPx + 2;
  const roomBelow = plotHeightPx - ty >= labelPx + 2;
  if (roomAbove && near.every((v) => y(v) > ty + 3)) return 'above';
  if (roomBelow && near.every((v) => y(v) < ty - labelPx - 3)) return 'below';
  return 'legend-only';
}
