// A headline's change by the one rule (lib/change.ts), for the dashboard tiles and the TV (a
// client component, hence no server imports here).
import { describeChange, type Change } from '../change';
import type { Change as HeadlineDelta, Headline } from './headlines';

export function headlineChange(h: Pick<Headline, 'value' | 'unit' | 'goodDirection'>, against: HeadlineDelta): Change {
  return describeChange(h.value, against.previous, {
    percent: h.unit === '%',
    direction: h.goodDirection === 1 ? 'HIGHER_IS_BETTER' : h.goodDirection === -1 ? 'LOWER_IS_BETTER' : null,
    comparable: against.comparable !== false,
  });
}
