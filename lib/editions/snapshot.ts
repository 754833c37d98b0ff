import 'server-only';
import type { DbClient, Prisma } from '../db';
import type { TeamRef } from '../team-access';
import { trackedAsksForSnapshot } from '../asks/carry';
import { loadMeetTheTeam } from '../profiles/meet-the-team';
import { loadYearContent } from './year-load';
import { isYearPeriod } from './period';
import type { EditionSnapshot } from './content';
import { loadContent, withMeetTheTeam } from './load';
import { buildDepartmentLensesUnchecked } from './department-lens-build';

/** The saved draft's fields a snapshot is built from: what publishing freezes. */
export const snapshotDraftSelect = {
  id: true,
  title: true,
  highlights: true,
  asks: true,
  followUps: true,
  omittedWinIds: true,
  omittedUpdateIds: true,
  quotes: { select: { quoteId: true }, orderBy: { position: 'asc' } },
} as const satisfies Prisma.ReviewSelect;

export type SnapshotDraft = Prisma.ReviewGetPayload<{ select: typeof snapshotDraftSelect }>;

/**
 * The one snapshot builder: the saved draft over the data as it is now, for a month or a year.
 * Publishing and corrections freeze what this returns; the preview, the test email and the
 * composer's checks show it, so none of them can show what publishing would not freeze.
 * Callers have checked the actor (the name says so: lib only).
 */
export async function buildSnapshotUnchecked(
  client: DbClient,
  team: TeamRef,
  period: string,
  draft: SnapshotDraft,
): Promise<EditionSnapshot> {
  const featured = draft.quotes.map((q) => q.quoteId);
  const omitted = { wins: draft.omittedWinIds, updates: draft.omittedUpdateIds };
  // A year in review is an edition over a year: its own parts, the same draft fields.
  const { content, year } = isYearPeriod(period)
    ? await loadYearContent(client, team, period, featured, draft.omittedWinIds)
    : { content: await loadContent(client, team, period, featured, omitted), year: undefined };
  // Only teammates still opted in at this moment are featured (lib/profiles), month or year.
  const people = await loadMeetTheTeam(client, draft.id);
  // Frozen per department, so every member of one reads the same section (month editions only).
  const departments = year ? [] : await buildDepartmentLensesUnchecked(client, team.id, period, content);
  return {
    title: draft.title,
    highlights: draft.highlights,
    asks: draft.asks,
    content: withMeetTheTeam(content, people),
    trackedAsks: await trackedAsksForSnapshot(client, draft.id),
    followUps: draft.followUps,
    ...(year ? { year } : {}),
    ...(departments.length ? { departments } : {}),
  };
}

/** The saved draft of the team's period, read for the snapshot; null when not started. */
export function readSnapshotDraft(client: DbClient, teamId: string, period: string): Promise<SnapshotDraft | null> {
  return client.review.findUnique({
    where: { teamId_month: { teamId, month: period } },
    select: snapshotDraftSelect,
  });
}
