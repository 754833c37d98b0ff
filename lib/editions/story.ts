// The grammar of the generated story: how two comparisons become one sentence. "Chat rose 18.1% on
// last month but fell 62.0% on last year", never "…against last month; and fell…". Pure, and fed
// changes already worked out by the one rule (lib/change.ts), so it only decides words: "and" when
// both moves go the same way, "but" when they part, "was level" at zero, one clause when a
// comparison is missing.
import { changeMagnitude, type Change } from '../change';
import { formatTarget, targetStatus } from '../format';

type Move = { change: Change; against: string };

const moved = (c: Change) => c.amount !== null;

/** "rose 18.1% on last month", "fell 4.0 pts on May 2024", "was level with last month". */
function clause({ change, against }: Move, verbs: { up: string; down: string; flat: string }): string {
  if (change.trend === 'flat') return `${verbs.flat} ${against}`;
  return `${change.trend === 'up' ? verbs.up : verbs.down} ${changeMagnitude(change)} on ${against}`;
}

export type Verbs = { up: string; down: string; flat: string };
/** For a subject that moves: "Chat rose 18.1% on last month". */
export const MOVE_VERBS: Verbs = { up: 'rose', down: 'fell', flat: 'was level with' };
/** After a figure: "1,300 contacts, up 8.3% on April 2025". */
export const TREND_WORDS: Verbs = { up: 'up', down: 'down', flat: 'level with' };

/**
 * Two comparisons of one subject as one predicate: "rose 8.3% on April but fell 2.0% on May 2024";
 * with the same verb twice it is said once ("rose 8.3% on April and 44.4% on May 2024"). Null when
 * neither comparison exists.
 */
export function comparePredicate(first: Move, second: Move, verbs: Verbs = MOVE_VERBS): string | null {
  const [a, b] = [first, second].filter((m) => moved(m.change));
  if (!a) return null;
  if (!b) return clause(a, verbs);
  if (a.change.trend === b.change.trend) {
    return a.change.trend === 'flat'
      ? `${verbs.flat} ${a.against} and ${b.against}`
      : `${clause(a, verbs)} and ${changeMagnitude(b.change)} on ${b.against}`;
  }
  // One moved and the other did not, or they went opposite ways: a contrast either way.
  return `${clause(a, verbs)} but ${clause(b, verbs)}`;
}

type Mover = { label: string; change: Change };

/**
 * The channel sentence from the biggest mover on last month and the biggest on last year: one
 * subject with both comparisons, or two subjects joined by "and" (same way) or "while" (opposite).
 */
export function channelMovesSentence(month: Mover | null, year: Mover | null): string | null {
  const onMonth: Move | null = month && moved(month.change) ? { change: month.change, against: 'last month' } : null;
  const onYear: Move | null = year && moved(year.change) ? { change: year.change, against: 'last year' } : null;
  if (onMonth && onYear && month!.label === year!.label) return `${month!.label} ${comparePredicate(onMonth, onYear)}.`;
  const parts = [
    onMonth && `${month!.label} ${clause(onMonth, MOVE_VERBS)}`,
    onYear && `${year!.label} ${clause(onYear, MOVE_VERBS)}`,
  ].filter((p): p is string => Boolean(p));
  if (!parts.length) return null;
  const join = onMonth?.change.trend === onYear?.change.trend ? ', and ' : ', while ';
  return `${parts.join(join)}.`;
}

/** "CSAT was 88.0%, off target (target 90.0%)"; without a target just "CSAT was 88.0%". */
export function kpiClause(
  label: string,
  value: string,
  target: { meets: boolean; target: number; unit: string; decimals: number } | null,
): string {
  if (!target) return `${label} was ${value}`;
  return `${label} was ${value}, ${targetStatus(target.meets)} (${formatTarget(target.target, target.unit, target.decimals)})`;
}
