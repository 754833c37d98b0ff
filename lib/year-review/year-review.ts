import 'server-only';
import { db, type Prisma } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { ValidationError, isUniqueViolation } from '../errors';
import { assertCanManageTeam, type TeamRef } from '../team-access';
import { teamMonthNow } from '../time-zone';
import { suggestYearHighlights } from '../editions/year-content';
import { listYearQuotes, loadYearContent } from '../editions/year-load';
import { YEAR_RE } from '../editions/period';

const startedSelect = { id: true, month: true, status: true } as const satisfies Prisma.ReviewSelect;

/**
 * The years a leader may start a year in review for: the current year (in the team's zone) and
 * every earlier year the team has figures for, newest first, with whether it was started.
 */
export async function listYearReviewChoices(actor: Actor, team: TeamRef) {
  assertCanManageTeam(actor, team.id);
  const current = (await teamMonthNow(team.id)).slice(0, 4);
  const months = await db.monthFigures.findMany({
    where: { teamId: team.id, month: { lt: `${current}-01` } },
    select: { month: true },
  });
  const years = [...new Set([current, ...months.map((m) => m.month.slice(0, 4))])].sort().reverse();
  const started = await db.review.findMany({
    where: { teamId: team.id, kind: 'YEAR', month: { in: years } },
    select: startedSelect,
  });
  return years.map((year) => ({ year, review: started.find((r) => r.month === year) ?? null }));
}

/**
 * Starts the team's year in review: a draft like a monthly one, pre-filled from the year's data
 * (a title, a story written from the numbers, the year's first pull quotes featured). Starting
 * twice returns the first. Allowed for the current year and past years with figures.
 */
export async function startYearReview(actor: Actor, team: TeamRef, year: string) {
  assertCanManageTeam(actor, team.id);
  if (!YEAR_RE.test(year)) throw new ValidationError({ year: ['Use a year like 2026.'] });
  const current = (await teamMonthNow(team.id)).slice(0, 4);
  if (year > current) throw new ValidationError({ year: ['That year has not started yet.'] });
  if (year < current) {
    const any = await db.monthFigures.findFirst({
      where: { teamId: team.id, month: { startsWith: `${year}-` } },
      select: { month: true },
    });
    if (!any) throw new ValidationError({ year: [`${team.name} has no figures for ${year}: nothing to review.`] });
  }
  const existing = await db.review.findUnique({
    where: { teamId_month: { teamId: team.id, month: year } },
    select: startedSelect,
  });
  if (existing) return existing;
  const quotes = await listYearQuotes(db, team.id, year);
  const featured = [...quotes]
    .sort((a, b) => Number(Boolean(b.pullQuote)) - Number(Boolean(a.pullQuote)))
    .slice(0, 4)
    .map((q) => q.id);
  const { year: content } = await loadYearContent(db, team, year, featured);
  // The distribution list carries over from the team's latest edition: leaders set it once.
  const earlier = await db.review.findFirst({
    where: { teamId: team.id },
    orderBy: { updatedAt: 'desc' },
    select: { distribution: true },
  });
  const data = {
    title: `${team.name}: ${year} in review`,
    highlights: suggestYearHighlights(content)
      .map((b) => b.text)
      .join('\n\n'),
    asks: '',
    distribution: earlier?.distribution ?? '',
  };
  try {
    return await db.$transaction(async (tx) => {
      const review = await tx.review.create({
        data: {
          teamId: team.id,
          month: year,
          kind: 'YEAR',
          ...data,
          updatedById: actor.id,
          quotes: { createMany: { data: featured.map((quoteId, position) => ({ quoteId, position })) } },
        },
        select: startedSelect,
      });
      await recordAudit(tx, {
        actor,
        action: 'review.start',
        entityType: 'Review',
        entityId: review.id,
        after: { month: year, kind: 'YEAR', ...data, featured },
      });
      return review;
    });
  } catch (error) {
    // Two leaders started it at once: the other one's draft is the answer.
    if (!isUniqueViolation(error)) throw error;
    return db.review.findUniqueOrThrow({
      where: { teamId_month: { teamId: team.id, month: year } },
      select: startedSelect,
    });
  }
}
