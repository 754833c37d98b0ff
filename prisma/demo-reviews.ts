// Demo editions: each demo team has published the 11 months before the latest complete month
// (featured quotes, wins, project updates, readers and thanks, one correction), and the latest
// complete month waits: Customer Care has started its draft, Billing Support has not begun.
// Runs after the figures and stories seeders and builds content with lib/editions/content.ts, the
// same pure code the app publishes with (lib's database readers are server-only, so the few reads
// it needs are made here).
import type { Prisma, PrismaClient } from '../lib/generated/prisma/client';
import type { Catalog, MonthRecord } from '../lib/figures/figures';
import { addMonths, currentMonth, monthLabel } from '../lib/dates/month';
import { citeFor } from '../lib/quotes/attribution';
import { composeDepartmentLenses, type LensItem } from '../lib/editions/department-lens';
import { makeBasis } from '../lib/editions/basis';
import {
  buildContent,
  suggestAskBlocks,
  suggestAsks,
  suggestHighlightBlocks,
  suggestHighlights,
  type EditionContent,
  type EditionSnapshot,
} from '../lib/editions/content';
import type { DemoSeeder, DemoTeamSlug } from './demo';

const NOTES = [
  'I didn’t realise how many calls the invoice change caused. Thank you!',
  'Brilliant read, thanks for all you do.',
  'The quote from the customer with the missing parcel made my day.',
  'Useful numbers for our planning meeting, thanks.',
  'Thank you for the work you do.',
  null,
  null,
  null,
];

const STORY: Record<DemoTeamSlug, string> = {
  'customer-care': 'Thank you to everyone who covered extra shifts this month.',
  'billing-support': 'A big thank you to Finance for walking us through the new invoice layout.',
};

const day = (d: Date) => d.toISOString().slice(0, 10);
const monthStart = (month: string) => new Date(`${month}-01T00:00:00.000Z`);

export async function readCatalog(db: PrismaClient, teamId: string): Promise<Catalog> {
  const select = { id: true, name: true, nameKey: true, archivedAt: true } as const;
  const orderBy = { position: 'asc' } as const;
  const kpis = await db.kpi.findMany({
    where: { teamId },
    select: { ...select, unit: true, direction: true, target: true, decimals: true },
    orderBy,
  });
  return {
    channels: await db.channel.findMany({ where: { teamId }, select, orderBy }),
    reasons: await db.contactReason.findMany({ where: { teamId }, select, orderBy }),
    segments: await db.segment.findMany({ where: { teamId }, select, orderBy }),
    kpis: kpis.map((k) => ({ ...k, target: k.target?.toNumber() ?? null })),
  };
}

export async function readRecords(db: PrismaClient, teamId: string): Promise<MonthRecord[]> {
  const rows = await db.monthFigures.findMany({
    where: { teamId },
    include: { volumes: true, reasons: true, segments: true, kpis: true },
    orderBy: { month: 'asc' },
  });
  return rows.map((r) => ({
    month: r.month,
    version: r.version,
    updatedAt: r.updatedAt,
    updatedBy: null,
    state: {
      volumes: Object.fromEntries(r.volumes.map((v) => [v.channelId, { received: v.received, handled: v.handled }])),
      reasons: Object.fromEntries(r.reasons.map((v) => [v.reasonId, v.count])),
      segments: Object.fromEntries(r.segments.map((v) => [v.segmentId, v.count])),
      kpis: Object.fromEntries(r.kpis.map((v) => [v.kpiId, v.value.toNumber()])),
      note: r.note,
    },
  }));
}

async function monthContent(
  db: PrismaClient,
  team: { id: string; name: string; slug: string },
  month: string,
  catalog: Catalog,
  records: MonthRecord[],
) {
  const range = { gte: monthStart(month), lt: monthStart(addMonths(month, 1)) };
  const quotes = await db.quote.findMany({
    where: { teamId: team.id, status: 'APPROVED', receivedOn: range },
    orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      text: true,
      pullQuote: true,
      attribution: true,
      customerName: true,
      customerOrganisation: true,
      channel: true,
      receivedOn: true,
      credits: { select: { user: { select: { id: true, name: true } } } },
    },
  });
  const featured = [...quotes].sort((a, b) => Number(Boolean(b.pullQuote)) - Number(Boolean(a.pullQuote))).slice(0, 3);
  const wins = await db.win.findMany({
    where: { teamId: team.id, deletedAt: null, occurredOn: range },
    orderBy: { occurredOn: 'asc' },
    select: {
      id: true,
      title: true,
      story: true,
      occurredOn: true,
      credits: { select: { user: { select: { id: true, name: true } } } },
    },
  });
  const updates = await db.projectUpdate.findMany({
    where: { teamId: team.id, postedOn: range },
    orderBy: { postedOn: 'asc' },
    select: {
      id: true,
      body: true,
      postedOn: true,
      project: { select: { id: true, name: true } },
      author: { select: { name: true } },
    },
  });
  const content = buildContent({
    team: { name: team.name, slug: team.slug },
    month,
    catalog,
    records: records.filter((r) => r.month >= addMonths(month, -12) && r.month <= month),
    quotes: featured.map((q) => ({
      id: q.id,
      text: q.text,
      pullQuote: q.pullQuote,
      cite: citeFor(q),
      channel: q.channel,
      receivedOn: day(q.receivedOn),
      credited: q.credits.map((c) => c.user),
    })),
    wins: wins.map((w) => ({
      id: w.id,
      title: w.title,
      story: w.story,
      occurredOn: day(w.occurredOn),
      credited: w.credits.map((c) => c.user),
    })),
    updates: updates.map((u) => ({
      id: u.id,
      projectId: u.project.id,
      projectName: u.project.name,
      body: u.body,
      postedOn: day(u.postedOn),
      author: u.author.name,
    })),
  });
  return { content, featured: featured.map((q) => q.id) };
}

const json = (snapshot: EditionSnapshot) => JSON.parse(JSON.stringify(snapshot)) as Prisma.InputJsonValue;

/** The team's reasons, segments and channels linked to departments (seed-departments.ts ran before). */
async function readLensItems(db: PrismaClient, teamId: string): Promise<LensItem[]> {
  const linked = {
    where: { teamId, departmentId: { not: null } },
    orderBy: [{ position: 'asc' as const }, { name: 'asc' as const }],
    select: { id: true, name: true, archivedAt: true, departmentId: true, department: { select: { name: true } } },
  };
  const [reasons, segments, channels] = await Promise.all([
    db.contactReason.findMany(linked),
    db.segment.findMany(linked),
    db.channel.findMany(linked),
  ]);
  const item =
    (dimension: LensItem['dimension']) =>
    (i: (typeof reasons)[number]): LensItem => ({
      id: i.id,
      name: i.name,
      departmentId: i.departmentId!,
      department: i.department!.name,
      dimension,
      archived: i.archivedAt !== null,
    });
  return [...reasons.map(item('reason')), ...segments.map(item('segment')), ...channels.map(item('channel'))];
}

/** Every item's count per month from the team's stored months, and which months hold each list. */
function lensCounts(records: MonthRecord[]) {
  const counts = records.flatMap((r) => [
    ...Object.entries(r.state.reasons).map(([id, count]) => ({ id, month: r.month, count })),
    ...Object.entries(r.state.segments).map(([id, count]) => ({ id, month: r.month, count })),
    ...Object.entries(r.state.volumes).map(([id, v]) => ({ id, month: r.month, count: v.received })),
  ]);
  const holding = (part: 'reasons' | 'segments' | 'volumes') =>
    new Set(records.filter((r) => Object.keys(r.state[part]).length).map((r) => r.month));
  return {
    counts,
    withFigures: { reason: holding('reasons'), segment: holding('segments'), channel: holding('volumes') },
  };
}

export const seedDemoReviews: DemoSeeder = async (db, org) => {
  const latest = addMonths(currentMonth(org.now), -1);
  const readers = Object.values(org.users);
  const leaders: Record<DemoTeamSlug, string> = {
    'customer-care': org.users['leader@demo.test']!.id,
    'billing-support': org.users['billing.leader@demo.test']!.id,
  };
  for (const slug of ['customer-care', 'billing-support'] as const) {
    const team = org.teams[slug];
    const catalog = await readCatalog(db, team.id);
    const records = await readRecords(db, team.id);
    const lensItems = await readLensItems(db, team.id);
    let previousThanks: number | null = null;
    for (let i = 11; i >= 0; i--) {
      const month = addMonths(latest, -i);
      const { content, featured } = await monthContent(db, team, month, catalog, records);
      const title = `${team.name}: ${monthLabel(month)}`;
      const highlights = `${suggestHighlights(content, previousThanks)}\n\n${STORY[slug]}`;
      const asks = suggestAsks(content);
      if (i === 0) {
        // The latest complete month: Customer Care has started; Billing Support has not.
        if (slug === 'customer-care') {
          // Written from the figures, as the composer does: it tells when they change.
          const textBasis = JSON.parse(
            JSON.stringify(
              makeBasis(content, suggestHighlightBlocks(content, previousThanks), suggestAskBlocks(content)),
            ),
          ) as Prisma.InputJsonValue;
          await db.review.create({
            data: {
              teamId: team.id,
              month,
              title,
              highlights: suggestHighlights(content, previousThanks),
              asks,
              textBasis,
              updatedById: leaders[slug],
              quotes: { createMany: { data: featured.map((quoteId, position) => ({ quoteId, position })) } },
            },
          });
        }
        continue;
      }
      const publishedAt = new Date(monthStart(addMonths(month, 1)).getTime() + (3 + (i % 4)) * 86_400_000);
      const review = await db.review.create({
        data: {
          teamId: team.id,
          month,
          title,
          highlights,
          asks,
          status: 'PUBLISHED',
          version: 2,
          publishedAt,
          updatedById: leaders[slug],
          quotes: { createMany: { data: featured.map((quoteId, position) => ({ quoteId, position })) } },
        },
      });
      // Frozen as publishing freezes it: the demo has no source breaks. Its asks do not exist yet: seed-asks.ts
      // raises them and gives each section the asks as they stood when the edition went out.
      const departments = composeDepartmentLenses({
        month,
        items: lensItems,
        ...lensCounts(records),
        comparable: { lastMonth: true, lastYear: true },
        asks: [],
        content,
      });
      const snapshot: EditionSnapshot = {
        title,
        highlights,
        asks,
        content,
        ...(departments.length ? { departments } : {}),
      };
      // One correction: Customer Care's edition three months back first went out with CSAT two points too high.
      if (slug === 'customer-care' && i === 3) {
        const csat = content.kpis.find((k) => k.label === 'CSAT');
        const wrong: EditionContent = {
          ...content,
          kpis: content.kpis.map((k) =>
            k === csat && k.value !== null ? { ...k, value: Math.round((k.value + 2) * 10) / 10 } : k,
          ),
        };
        await db.reviewRevision.create({
          data: {
            teamId: team.id,
            reviewId: review.id,
            revision: 1,
            snapshot: json({ ...snapshot, content: wrong }),
            publishedById: leaders[slug],
            createdAt: publishedAt,
          },
        });
        const note =
          csat?.value != null
            ? `CSAT corrected from ${Math.round((csat.value + 2) * 10) / 10}% to ${csat.value}% (a survey export had counted one week twice).`
            : 'Figures corrected.';
        await db.reviewRevision.create({
          data: {
            teamId: team.id,
            reviewId: review.id,
            revision: 2,
            note,
            snapshot: json(snapshot),
            publishedById: leaders[slug],
            createdAt: new Date(publishedAt.getTime() + 2 * 86_400_000),
          },
        });
      } else {
        await db.reviewRevision.create({
          data: {
            teamId: team.id,
            reviewId: review.id,
            revision: 1,
            snapshot: json(snapshot),
            publishedById: leaders[slug],
            createdAt: publishedAt,
          },
        });
      }
      // Readers and thanks vary by month, deterministically.
      const monthReaders = readers.filter((_, n) => (n + i) % 3 !== 0);
      await db.reviewView.createMany({
        data: monthReaders.map((u, n) => ({
          teamId: team.id,
          reviewId: review.id,
          userId: u.id,
          createdAt: new Date(publishedAt.getTime() + (n + 1) * 3_600_000),
        })),
      });
      const thankers = monthReaders.filter((u) => u.teamId !== team.id).slice(0, 1 + (i % 4));
      await db.reviewThanks.createMany({
        data: thankers.map((u, n) => ({
          teamId: team.id,
          reviewId: review.id,
          userId: u.id,
          note: NOTES[(n + i) % NOTES.length] ?? null,
          createdAt: new Date(publishedAt.getTime() + (n + 2) * 3_600_000),
        })),
      });
      previousThanks = thankers.length;
    }
  }
};
