import 'server-only';
import { db, type DbClient, type Prisma } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { NotFoundError, ValidationError } from '../errors';
import { dayString } from '../dates/day';
import { monthOf } from '../dates/month';
import { citeFor } from '../quotes/attribution';
import { assertCanManageTeam, type TeamRef } from '../team-access';
import type { MeetTheTeamPerson } from './edition';

/** How much praise each featured person brings: "a few", newest first, never a tally. */
const QUOTES_EACH = 2;
const WINS_EACH = 2;

/** Who may be featured: active agents and leaders of the team who opted in (a profile row exists). */
const featurable = (teamId: string): Prisma.UserWhereInput => ({
  teamId,
  active: true,
  role: { in: ['AGENT', 'LEADER'] },
  teamProfile: { isNot: null },
});

/** The team's opted-in teammates, alphabetical, for the composer's "Meet the team" choice. */
export async function listOptedInTeammates(actor: Actor, team: TeamRef) {
  assertCanManageTeam(actor, team.id);
  const rows = await db.user.findMany({
    where: featurable(team.id),
    orderBy: { name: 'asc' },
    select: { id: true, name: true, teamProfile: { select: { title: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, title: r.teamProfile?.title ?? '' }));
}

/**
 * What the composer's "Meet the team" card offers: the opted-in teammates and who is chosen now.
 * Someone chosen who has since opted out is no longer in either list.
 */
export async function getMeetTheTeamChoice(actor: Actor, team: TeamRef, month: string) {
  const options = await listOptedInTeammates(actor, team);
  const review = await db.review.findUnique({
    where: { teamId_month: { teamId: team.id, month } },
    select: { meetTheTeamIds: true },
  });
  const available = new Set(options.map((o) => o.id));
  return { options, selected: (review?.meetTheTeamIds ?? []).filter((id) => available.has(id)) };
}

/**
 * The leader's choice of whom to feature, saved on the edition (draft or published: a correction
 * publishes it). Only opted-in teammates; the browser's list is never trusted.
 */
export async function setMeetTheTeam(actor: Actor, team: TeamRef, month: string, userIds: string[]) {
  assertCanManageTeam(actor, team.id);
  const review = await db.review.findUnique({
    where: { teamId_month: { teamId: team.id, month } },
    select: { id: true, meetTheTeamIds: true },
  });
  if (!review) throw new NotFoundError('Start the edition first.');
  return db.$transaction(async (tx) => {
    const found = await tx.user.count({ where: { id: { in: userIds }, ...featurable(team.id) } });
    if (found !== userIds.length)
      throw new ValidationError({
        userIds: ['Choose people from the list: only teammates who opted in to a profile can be featured.'],
      });
    await tx.review.update({ where: { id: review.id }, data: { meetTheTeamIds: userIds } });
    await recordAudit(tx, {
      actor,
      action: 'review.meet_the_team',
      entityType: 'Review',
      entityId: review.id,
      before: { meetTheTeamIds: review.meetTheTeamIds },
      after: { meetTheTeamIds: userIds },
    });
    return { count: userIds.length };
  });
}

/**
 * "Meet the team" as the edition shows it now: the people the leader chose who are STILL opted in
 * (and still active in the team), in the chosen order, each with a few approved quotes and wins
 * crediting them. Publishing freezes this; undefined when nobody is featured, so the snapshot keeps
 * the shape editions had before the section existed. Runs inside the publishing transaction.
 */
export async function loadMeetTheTeam(client: DbClient, reviewId: string): Promise<MeetTheTeamPerson[] | undefined> {
  const review = await client.review.findUnique({
    where: { id: reviewId },
    select: { teamId: true, meetTheTeamIds: true },
  });
  if (!review?.meetTheTeamIds.length) return undefined;
  const rows = await client.user.findMany({
    where: { id: { in: review.meetTheTeamIds }, ...featurable(review.teamId) },
    select: {
      id: true,
      name: true,
      teamProfile: { select: { title: true, bio: true, teamSince: true } },
      quoteCredits: {
        where: { quote: { status: 'APPROVED', teamId: review.teamId } },
        orderBy: [{ quote: { receivedOn: 'desc' } }, { quoteId: 'desc' }],
        take: QUOTES_EACH,
        select: {
          quote: {
            select: {
              id: true,
              text: true,
              pullQuote: true,
              attribution: true,
              customerName: true,
              customerOrganisation: true,
              receivedOn: true,
            },
          },
        },
      },
      winCredits: {
        where: { win: { deletedAt: null, teamId: review.teamId } },
        orderBy: [{ win: { occurredOn: 'desc' } }, { winId: 'desc' }],
        take: WINS_EACH,
        select: { win: { select: { id: true, title: true, occurredOn: true } } },
      },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const people = review.meetTheTeamIds.flatMap((id): MeetTheTeamPerson[] => {
    const row = byId.get(id);
    if (!row?.teamProfile) return [];
    return [
      {
        id: row.id,
        name: row.name,
        title: row.teamProfile.title,
        bio: row.teamProfile.bio,
        teamSince: monthOf(row.teamProfile.teamSince),
        quotes: row.quoteCredits.map(({ quote }) => ({
          id: quote.id,
          text: quote.pullQuote ?? quote.text,
          // The customer appears only as the attribution rule allows, as everywhere in an edition.
          cite: citeFor(quote),
          receivedOn: dayString(quote.receivedOn),
        })),
        wins: row.winCredits.map(({ win }) => ({
          id: win.id,
          title: win.title,
          occurredOn: dayString(win.occurredOn),
        })),
      },
    ];
  });
  return people.length ? people : undefined;
}
