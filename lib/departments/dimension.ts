// Which of a team's lists a department's contacts are counted from: pure, for lib, the edition's
// faces and the demo alike.

/**
 * Figures are monthly totals per list, and one contact is in a reason, a segment and a channel at
 * once: adding a department's reasons to its segments would count the same contacts twice. So, per
 * team, a department's contacts come from one list only: its reasons when it owns any of the team's
 * reasons, else its segments, else its channels (contacts received). Within one list each contact is
 * counted once.
 *
 * An archived item is owned only in the months it holds a count: archiving a reason stops it counting
 * for new months without changing the months it was counted in, so a department whose last reason
 * was archived counts from its segments (or channels) in the months after, rather than from nothing.
 * The list is decided month by month (see `dimensionIn`); a change is only compared within one list.
 */
export type Dimension = 'reason' | 'segment' | 'channel';
export const DIMENSIONS: readonly Dimension[] = ['reason', 'segment', 'channel'];
export const DIMENSION_RULE =
  'A department’s contacts in a team come from one list only, never two added together: its reasons when it owns any of the team’s reasons, else its segments, else its channels. An archived item counts only in the months it holds counts.';

/** The list a department's contacts come from in a team, by the rule above; null when it owns nothing there. */
export function dimensionOf(owns: Partial<Record<Dimension, boolean>>): Dimension | null {
  return DIMENSIONS.find((d) => owns[d]) ?? null;
}

/** A department's linked item as the rule reads it: whether it is archived, and whether it holds a count in the month. */
export type OwnedItem = { dimension: Dimension; archived: boolean; counted: boolean };

/** The list a department's contacts come from in a team in one month: its items in use, and its archived items counted that month. */
export function dimensionIn(items: OwnedItem[]): Dimension | null {
  return dimensionOf(
    Object.fromEntries(DIMENSIONS.map((d) => [d, items.some((i) => i.dimension === d && (!i.archived || i.counted))])),
  );
}
