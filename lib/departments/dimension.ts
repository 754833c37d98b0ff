// Which of a team's lists a department's contacts are counted from: pure, for lib, the edition's
// faces and the demo alike.

/**
 * Figures are monthly totals per list, and one contact is in a reason, a segment and a channel at
 * once: adding a department's reasons to its segments would count the same contacts twice. So, per
 * team, a department's contacts come from one list only: its reasons when it owns any of the team's
 * reasons, else its segments, else its channels (contacts received). Within one list each contact is
 * counted once.
 */
export type Dimension = 'reason' | 'segment' | 'channel';
export const DIMENSIONS: readonly Dimension[] = ['reason', 'segment', 'channel'];
export const DIMENSION_RULE =
  'A department’s contacts in a team come from one list only, never two added together: its reasons when it owns any of the team’s reasons, else its segments, else its channels.';

/** The list a department's contacts come from in a team, by the rule above; null when it owns nothing there. */
export function dimensionOf(owns: Partial<Record<Dimension, boolean>>): Dimension | null {
  return DIMENSIONS.find((d) => owns[d]) ?? null;
}
