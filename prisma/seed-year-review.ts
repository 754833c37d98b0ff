// Demo year in review: Customer Care published its year in review for the last complete year,
// built with lib/editions/year-content.ts (the same pure code the app publishes with), with readers
// and thanks. Runs after the reviews seeder: the year's thanked editions are read from it.
import type { Prisma, PrismaClient } from '../lib/generated/prisma/client';
import { currentMonth } from '../lib/dates/month';
import { citeFor } from '../lib/quotes/attribution';
import type { EditionSnapshot } from '../lib/editions/content';
import { buildYearContent, suggestYearHighlights } from '../lib/editions/year-content';
import type { DemoSeeder } from './demo';
import { readCatalog, readRecords } from './demo-reviews';

const day = (d: Date) => d.toISOString().slice(0, 10);
const credits = { select: { user: { select: { id: true, name: true } } } } as const;

/** Outcomes of the year, when nothing else seeded any: the year in review should show some. */
async function ensureOutcomes(db: PrismaClient, teamId: string, year: string, recordedById: string) {
  const range = { gte: new Date(`${year}-01-01`), lt: new Date(`${Number(year) + 1}-01-01`) };
  if (await db.outcome.count({ where: { teamId, occurredOn: range, deletedAt: null } })) return;
  await db.outcome.createMany({
    data: [
      {
        teamId,
        kind: 'CONSULTED',
        occurredOn: new Date(`${year}-03-18`),
        text: 'Product asked us to review the new returns flow before launch.',
        recordedById,
      },
      {
        teamId,
        kind: 'PROJECT_FUNDED',
        occurredOn: new Date(`${year}-09-30`),
        text: 'Self-service order tracking funded for next year, after the delivery questions we reported.',
        recordedById,
      },
      {
        teamId,
        kind: 'HEADCOUNT_OR_BUDGET',
        occurredOn: new Date(`${year}-11-12`),
        text: 'Two seasonal agents approved for the December peak.',
        recordedById,
      },
    ],
  });
}

export const seedDemoYearReview: DemoSeeder = async (db, org) => {
  const year = String(Number(currentMonth(org.now).slice(0, 4)) - 1);
  const team = org.teams['customer-care'];
  const leader = org.users['leader@demo.test']!;
  await ensureOutcomes(db, team.id, year, leader.id);
  const range = { gte: new Date(`${year}-01-01`), lt: new Date(`${Number(year) + 1}-01-01`) };
  const quotes = await db.quote.findMany({
    where: { teamId: team.id, status: 'APPROVED', receivedOn: range },
    orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
    include: { credits },
  });
  const wins = await db.win.findMany({
    where: { teamId: team.id, deletedAt: null, occurredOn: range },
    orderBy: [{ occurredOn: 'asc' }, { id: 'asc' }],
    include: { credits },
  });
  const editions = await db.review.findMany({
    where: { teamId: team.id, kind: 'MONTHLY', status: 'PUBLISHED', month: { startsWith: `${year}-` } },
    select: { month: true, title: true, _count: { select: { thanks: true } } },
  });
  const outcomes = await db.outcome.findMany({
    where: { teamId: team.id, deletedAt: null, occurredOn: range },
    select: { id: true, kind: true, occurredOn: true, text: true },
  });
  const featured = quotes.filter((q) => q.pullQuote).slice(0, 4);
  const built = buildYearContent({
    team: { name: team.name, slug: team.slug },
    year,
    catalog: await readCatalog(db, team.id),
    records: (await readRecords(db, team.id)).filter(
      (r) => r.month >= `${Number(year) - 1}-01` && r.month <= `${year}-12`,
    ),
    quotes: featured.map((q) => ({
      id: q.id,
      text: q.text,
      pullQuote: q.pullQuote,
      cite: citeFor(q),
      channel: q.channel,
      receivedOn: day(q.receivedOn),
      credited: q.credits.map((c) => c.user),
    })),
    // The same win entered twice is one win, as the app's year loader merges them (lib/editions/load.ts).
    wins: [...new Map(wins.map((w) => [w.title.trim().toLowerCase(), w])).values()].map((w) => ({
      id: w.id,
      title: w.title,
      story: w.story,
      occurredOn: day(w.occurredOn),
      credited: w.credits.map((c) => c.user),
    })),
    editions: editions.map((e) => ({ month: e.month, title: e.title, thanks: e._count.thanks })),
    outcomes: outcomes.map((o) => ({ id: o.id, kind: o.kind, occurredOn: day(o.occurredOn), text: o.text })),
    credited: [...quotes.flatMap((q) => q.credits), ...wins.flatMap((w) => w.credits)].map((c) => c.user),
  });
  const title = `${team.name}: ${year} in review`;
  const highlights = [
    ...suggestYearHighlights(built.year).map((b) => b.text),
    'Thank you to every colleague who read, replied and helped us fix the causes of contacts this year.',
  ].join('\n\n');
  const asks = '- **Everyone**: tell us which numbers you would like to see in next year’s editions.';
  const publishedAt = new Date(`${Number(year) + 1}-01-09T10:00:00.000Z`);
  const snapshot: EditionSnapshot = { title, highlights, asks, ...built };
  const review = await db.review.create({
    data: {
      teamId: team.id,
      month: year,
      kind: 'YEAR',
      title,
      highlights,
      asks,
      status: 'PUBLISHED',
      version: 2,
      publishedAt,
      updatedById: leader.id,
      quotes: { createMany: { data: featured.map((q, position) => ({ quoteId: q.id, position })) } },
      revisions: {
        create: {
          teamId: team.id,
          revision: 1,
          snapshot: JSON.parse(JSON.stringify(snapshot)) as Prisma.InputJsonValue,
          publishedById: leader.id,
          createdAt: publishedAt,
        },
      },
    },
  });
  const readers = Object.values(org.users).filter((u) => u.id !== leader.id);
  await db.reviewView.createMany({
    data: readers.map((u, n) => ({
      teamId: team.id,
      reviewId: review.id,
      userId: u.id,
      createdAt: new Date(publishedAt.getTime() + (n + 1) * 3_600_000),
    })),
  });
  const thankers = readers.filter((u) => u.teamId !== team.id).slice(0, 3);
  await db.reviewThanks.createMany({
    data: thankers.map((u, n) => ({
      teamId: team.id,
      reviewId: review.id,
      userId: u.id,
      note: n === 0 ? 'What a year. Thank you, Customer Care.' : null,
      createdAt: new Date(publishedAt.getTime() + (n + 2) * 3_600_000),
    })),
  });
};
