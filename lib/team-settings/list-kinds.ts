// The team's three lists of named items; the figures of a month are counted against them.
export const LIST_KINDS = ['channel', 'reason', 'segment'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const LIST_LABELS: Record<ListKind, { singular: string; plural: string }> = {
  channel: { singular: 'channel', plural: 'Channels' },
  reason: { singular: 'contact reason', plural: 'Contact reasons' },
  segment: { singular: 'segment', plural: 'Who contacts (segments)' },
};
