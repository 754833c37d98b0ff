// The one way to write a figure for people, on every face: the edition page, print, email, chat
// posts, the dashboard, the TV, trend tooltips and CSV headers. One spelling per thing:
//   counts      1,234                 (en-GB grouping, no decimals)
//   percentages 76.6%                 (no space: "%" never wraps onto a line of its own)
//   shares      15.0%                 (always one decimal, wherever a share is shown)
//   KPI values  92.0%, 45 seconds     (the KPI's own decimals, fixed; value and target alike;
//                                      a word unit after a non-breaking space)
//   changes     +4.0 pts, −10.1%      (a percentage moves in points, anything else in per cent;
//                                      one decimal, a real minus sign, "no change", "no comparison")
//   targets     on target / off target, "target 90.0%"
// Plain code with no server imports: the TV and chart tooltips run it in the browser too.
//
// Intl formatters are costly to build — a `toLocaleString` call with options builds one each time,
// which cost the dashboard milliseconds per request — so each shape is built once and reused.
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits, maximumFractionDigits });
    formats.set(key, format);
  }
  return format;
}

/** Between a number and a word unit ("45 seconds", "+4.0 pts"): the two never part at a line end. */
export const NBSP = '\u00a0';
/** The sign of a fall: a real minus, as wide as the plus. */
export const MINUS = '\u2212';
/** What an empty cell or a missing figure shows. */
export const NO_VALUE = '–';
/** Every share of a whole (a reason's share of the month, a department's share of readers). */
export const SHARE_DECIMALS = 1;

/** 12,345 — or with exactly `decimals` decimals: formatNumber(92.5, 1) → "92.5", (92, 1) → "92.0". */
export function formatNumber(n: number, decimals = 0): string {
  return numberFormat(decimals, decimals).format(n);
}

/** For a CSV cell: as formatNumber or formatNumberUpTo, but never grouped ("1234.0"), so spreadsheets read it. */
export function formatCsvNumber(n: number, decimals: number, { upTo = false } = {}): string {
  return new Intl.NumberFormat('en-GB', {
    useGrouping: false,
    minimumFractionDigits: upTo ? 0 : decimals,
    maximumFractionDigits: decimals,
  }).format(n);
}

/** Up to `decimals` decimals, none shown when they are zero: (92, 1) → "92", (92.46, 1) → "92.5". */
export function formatNumberUpTo(n: number, decimals: number): string {
  return numberFormat(0, decimals).format(n);
}

/** A count: "1,234"; a missing one "–". */
export function formatCount(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? formatNumber(n) : NO_VALUE;
}

/** A percentage with exactly `decimals` decimals: (76.61, 1) → "76.6%". */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${formatNumber(value, decimals)}%` : NO_VALUE;
}

/** A share of a whole, already in per cent (15 → "15.0%"): the same decimals on every face. */
export function formatShare(share: number | null | undefined): string {
  return formatPercent(share, SHARE_DECIMALS);
}

const SINGULAR: Record<string, string> = { seconds: 'second', minutes: 'minute', hours: 'hour', days: 'day' };

/**
 * A value and its unit as two parts, for faces that style the unit apart (the dashboard's tile):
 * joined they are exactly `formatWithUnit`. The unit part carries its own leading space.
 */
export function formatValueParts(
  value: number | null | undefined,
  unit = '',
  decimals = 0,
): { number: string; unit: string } {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { number: NO_VALUE, unit: '' };
  const number = formatNumber(value, decimals);
  if (!unit) return { number, unit: '' };
  if (unit === '%') return { number, unit: '%' };
  return { number, unit: `${NBSP}${number === '1' ? (SINGULAR[unit] ?? unit) : unit}` };
}

/** A value with its unit: ("92", "%", 1) → "92.0%", (45, "seconds") → "45 seconds", (1234) → "1,234". */
export function formatWithUnit(value: number | null | undefined, unit = '', decimals = 0): string {
  const parts = formatValueParts(value, unit, decimals);
  return `${parts.number}${parts.unit}`;
}

/** What a KPI's unit reads as after its value: a count and a score need no word ("336", not "336 count"). */
export function kpiUnitText(unit: 'PERCENT' | 'SECONDS' | 'MINUTES' | 'COUNT' | 'SCORE'): string {
  return unit === 'PERCENT' ? '%' : unit === 'SECONDS' ? 'seconds' : unit === 'MINUTES' ? 'minutes' : '';
}

/** A table or CSV column for values in a unit: "CSAT (%)", "First reply (minutes)", "Contacts". */
export function formatColumnHeader(label: string, unit = ''): string {
  return unit ? `${label} (${unit})` : label;
}

export const CHANGE_WORDS = { none: 'no comparison', flat: 'no change' } as const;

/** A change's size without its sign, for sentences that say "rose" or "fell": "4.0 pts", "10.1%". */
export function formatChangeMagnitude(amount: number, unit: 'pts' | '%'): string {
  const n = formatNumber(Math.abs(amount), 1);
  return unit === '%' ? `${n}%` : `${n}${NBSP}pts`;
}

/**
 * A change already rounded to one decimal (lib/change.ts decides points or per cent):
 * "+4.0 pts", "−10.1%", "no change" at zero, "no comparison" without a base.
 */
export function formatChange(amount: number | null, unit: 'pts' | '%'): string {
  if (amount === null || !Number.isFinite(amount)) return CHANGE_WORDS.none;
  if (amount === 0) return CHANGE_WORDS.flat;
  return `${amount > 0 ? '+' : MINUS}${formatChangeMagnitude(amount, unit)}`;
}

/** The one word for each state of a KPI against its target. */
export const TARGET_WORDS = { met: 'on target', missed: 'off target' } as const;

export function targetStatus(meets: boolean): (typeof TARGET_WORDS)[keyof typeof TARGET_WORDS] {
  return meets ? TARGET_WORDS.met : TARGET_WORDS.missed;
}

/** "target 90.0%": the target in the KPI's own unit and decimals, like its value. */
export function formatTarget(target: number, unit = '', decimals = 0): string {
  return `target ${formatWithUnit(target, unit, decimals)}`;
}

/** "On target · target 90.0%" / "Off target · target 90.0%": every tile, row and post says this. */
export function formatTargetLine(meets: boolean, target: number, unit = '', decimals = 0): string {
  const status = targetStatus(meets);
  return `${status.charAt(0).toUpperCase()}${status.slice(1)} · ${formatTarget(target, unit, decimals)}`;
}

/** A count and its noun: (1, "save") → "1 save", (1234, "contact") → "1,234 contacts". */
export function formatCountOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/**
 * A draft's save counter, in the composer. Readers see published states as "Revision 1, 2…";
 * the counter of saves is a different thing and is never called a version or a revision.
 */
export function formatDraftSaves(saves: number): string {
  return formatCountOf(saves, 'save');
}
