// The one rule for a change between two months, used by every page, the email, the TV, the trend
// tooltips and the CSV: a percentage moves in points ("+4.0 pts" — a CSAT of 90% becoming 94% is
// not "+4.4%"), a count or a duration moves in per cent ("+10.1%"). The KPI's direction decides
// whether the move is good news; volumes have no direction and stay neutral. How it is written
// is lib/format.ts's `formatChange`.
// Plain code with no server imports: the TV and chart tooltips use it in the browser too.
import { CHANGE_WORDS, formatChange, formatChangeMagnitude } from './format';

export type ChangeDirection = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | null;
export type ChangeTone = 'better' | 'worse' | 'neutral';

export type Change = {
  /**
   * "+4.0 pts", "−10.1%", "no change", "no comparison" when there is nothing to compare with, or
   * "not comparable — source changed" when the two months came from different sources.
   */
  text: string;
  /** The signed change in its own unit (points or per cent), rounded as shown; null without a base. */
  amount: number | null;
  unit: 'pts' | '%';
  /** The sign of the shown change: a change that rounds to zero is flat. */
  trend: 'up' | 'down' | 'flat' | null;
  tone: ChangeTone;
};

export type ChangeOptions = {
  /** The value is itself a percentage (CSAT, resolution rate, a share): its change is in points. */
  percent: boolean;
  direction?: ChangeDirection;
  /** False when the two months span a change of source (lib/figures/breaks.ts): no change is stated. */
  comparable?: boolean;
};

/** Said wherever a change would span a change of source; lib/figures/breaks.ts decides when. */
export const NOT_COMPARABLE = 'not comparable — source changed';

const NONE = (unit: 'pts' | '%'): Change => ({
  text: CHANGE_WORDS.none,
  amount: null,
  unit,
  trend: null,
  tone: 'neutral',
});

/** The change from `base` to `value` by the rule above. */
export function describeChange(
  value: number | null | undefined,
  base: number | null | undefined,
  { percent, direction = null, comparable = true }: ChangeOptions,
): Change {
  const unit = percent ? 'pts' : '%';
  if (!comparable) return { ...NONE(unit), text: NOT_COMPARABLE };
  if (
    value === null ||
    value === undefined ||
    base === null ||
    base === undefined ||
    !Number.isFinite(value) ||
    !Number.isFinite(base)
  )
    return NONE(unit);
  // A count from zero has no per cent change: "+∞ %" helps nobody.
  if (!percent && base === 0) return NONE(unit);
  const raw = percent ? value - base : ((value - base) / Math.abs(base)) * 100;
  // Rounded once, here, so the sign, the colour and the words all describe the number shown.
  const amount = Math.round(raw * 10) / 10 || 0;
  if (amount === 0) return { text: formatChange(0, unit), amount: 0, unit, trend: 'flat', tone: 'neutral' };
  const trend = amount > 0 ? 'up' : 'down';
  const tone: ChangeTone =
    direction === null ? 'neutral' : (trend === 'up') === (direction === 'HIGHER_IS_BETTER') ? 'better' : 'worse';
  return { text: formatChange(amount, unit), amount, unit, trend, tone };
}

/** The change without its sign, for sentences that say "rose" or "fell": "4.0 pts", "10.1%". */
export function changeMagnitude(change: Change): string {
  return change.amount === null || change.amount === 0
    ? change.text
    : formatChangeMagnitude(change.amount, change.unit);
}

/** Tailwind text colour for a tone: the same three colours wherever a change is shown. */
export const TONE_CLASS: Record<ChangeTone, string> = {
  better: 'text-success',
  worse: 'text-danger',
  neutral: 'text-ink-muted',
};

/** Words for screen readers and print, where colour is not seen. */
export const TONE_WORDS: Record<ChangeTone, string> = { better: 'better', worse: 'worse', neutral: '' };
