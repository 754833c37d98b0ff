// The demo as `npm start` seeds it, checked area by area. Seeding the whole demo takes seconds (over
// 30 s on a busy machine), so it is seeded once for the file and each area reads what it needs; the
// reads below change nothing another block depends on (the year in review, which reads an edition
// as a colleague, comes last).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../lib/db';
import { listAsks } from '../lib/asks/list';
import { addMonths, currentMonth } from '../lib/dates/month';
import { getImpact } from '../lib/impact/impact';
import { listEditionOutcomesUnchecked } from '../lib/outcomes/edition';
import { formatMetric, type EditionSnapshot } from '../lib/editions/content';
import { getReach } from '../lib/readership/reach';
import { readEdition } from '../lib/readership/readers';
import { seedDemo } from './demo';
import { CAMPAIGN_MONTHS_AGO } from './seed-departments';
import { getDepartmentMap, getDepartmentPage } from '../lib/departments/page';

beforeAll(async () => {
  expect(await seedDemo(db)).toBe(true);
}, 120_000);

describe('demo editions', () => {
  it('publishes 11 months per team, with one correction, readers and thanks, and leaves the latest month to finish', async () => {
    const latest = addMonths(currentMonth(), -1);
    const published = await db.review.findMany({
      where: { status: 'PUBLISHED', kind: 'MONTHLY' },
      select: {
        month: true,
        team: { select: { slug: true } },
        _count: { select: { revisions: true, views: true, thanks: true, quotes: true } },
      },
    });
    expect(published).toHaveLength(22);
    expect(published.every((r) => r.month < latest && r.month >= addMonths(latest, -11))).toBe(true);
    expect(published.filter((r) => r._count.revisions === 2)).toHaveLength(1);
    expect(published.every((r) => r._count.views > 0 && r._count.thanks > 0)).toBe(true);
    expect(published.some((r) => r._count.quotes > 0)).toBe(true);
    const drafts = await db.review.findMany({
      where: { status: 'DRAFT' },
      select: { month: true, team: { select: { slug: true } } },
    });
    expect(drafts).toEqual([{ month: latest, team: { slug: 'customer-care' } }]);
    const correction = await db.reviewRevision.findFirstOrThrow({ where: { revision: 2 } });
    expect(correction.note).toMatch(/^CSAT corrected from/);
    // The Reach view tells a story on a fresh start: departments read, three have not lately (each
    // of three people or more, so each is named rather than counted under "Other departments").
    const exec = await db.user.findUniqueOrThrow({ where: { email: 'exec@demo.test' } });
    const reach = await getReach(exec, 'customer-care');
    expect(reach.editions).toHaveLength(11);
    expect(reach.notReached.sort()).toEqual(['HR', 'Logistics', 'Marketing']);
    expect(reach.chart.series.map((s) => s.key)).toEqual(expect.arrayContaining(['Sales', 'Finance', 'Product']));
  });
});

describe('demo outcomes', () => {
  it('gives each demo team a year of outcomes; only the newest wait for Customer Care’s draft', async () => {
    const care = await db.team.findUniqueOrThrow({ where: { slug: 'customer-care' } });
    const outcomes = await db.outcome.findMany({ where: { teamId: care.id }, orderBy: { occurredOn: 'asc' } });
    expect(outcomes.length).toBeGreaterThanOrEqual(8);
    expect(outcomes.every((o) => o.occurredOn <= new Date() && o.recordedById)).toBe(true);
    expect(outcomes.filter((o) => o.reviewId).length).toBeGreaterThan(4);

    const latest = addMonths(currentMonth(), -1);
    const draft = await listEditionOutcomesUnchecked(db, care.id, latest);
    expect(draft.map((o) => o.occurredOn.slice(0, 7))).toEqual([latest, latest]);

    const colleague = await db.user.findUniqueOrThrow({ where: { email: 'colleague@demo.test' } });
    const impact = await getImpact({ ...colleague, teamId: null }, 'customer-care');
    // Editions of the 12 months up to this one: the oldest demo edition is 12 months back.
    expect(impact.totals.editions).toBe(10);
    // The year in review's seeder may add outcomes of last year, before the impact view's window.
    const inWindow = outcomes.filter((o) => o.occurredOn.toISOString().slice(0, 7) >= impact.from);
    expect(inWindow.length).toBeGreaterThanOrEqual(8);
    expect(impact.totals.outcomes).toBe(inWindow.length);
    expect(impact.charts.readers.annotations?.length).toBe(inWindow.length);
  });
});

describe('demo asks', () => {
  it('a year of asks with answers; the draft opens with what was done and what is still open', async () => {
    const asks = await db.ask.findMany({ select: { status: true, answer: true, answeredById: true, reviewId: true } });
    expect(new Set(asks.map((a) => a.status))).toEqual(new Set(['OPEN', 'IN_PROGRESS', 'DONE', 'DECLINED']));
    expect(new Set(asks.map((a) => a.reviewId)).size).toBeGreaterThanOrEqual(12);
    expect(asks.filter((a) => a.answer).every((a) => a.answeredById)).toBe(true);
    // Every edition that raised asks went out with them.
    const revisions = await db.reviewRevision.findMany({
      where: { reviewId: { in: asks.map((a) => a.reviewId) } },
      select: { snapshot: true },
    });
    expect(revisions.every((r) => ((r.snapshot as unknown as EditionSnapshot).trackedAsks ?? []).length > 0)).toBe(
      true,
    );
    const draft = await db.review.findFirstOrThrow({ where: { status: 'DRAFT' } });
    expect(draft.followUps).toContain('**You asked, we did**');
    expect(draft.followUps).toContain('Warn us two weeks before price changes');
    expect(draft.followUps).toContain('**Still open**');
    // Demo accounts answer for their departments; the draft raises an ask of its own.
    const colleague = await db.user.findUniqueOrThrow({ where: { email: 'colleague@demo.test' } });
    expect(asks.some((a) => a.answeredById === colleague.id)).toBe(true);
    expect(await db.ask.count({ where: { reviewId: draft.id } })).toBe(1);
    // Two signed-in demo users of two departments can answer asks to their department.
    for (const email of ['colleague@demo.test', 'exec@demo.test']) {
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      const page = await listAsks(user, { page: 1 });
      expect(page.mine.length, email).toBeGreaterThan(0);
      expect(page.mine.every((a) => a.canAnswer)).toBe(true);
    }
  });
});

describe('demo department lens', () => {
  it('Logistics causes the December delivery peak and answers an ask; Marketing’s campaign month spikes “Promotion”', async () => {
    const exec = await db.user.findUniqueOrThrow({ where: { email: 'exec@demo.test' } });
    const map = await getDepartmentMap(exec);
    const row = (name: string) => map.rows.find((r) => r.name === name)!;
    const peak = (name: string) => {
      const counts = row(name).counts;
      return map.months[counts.indexOf(Math.max(...counts.filter((c) => c !== null)))];
    };
    expect(peak('Logistics')?.endsWith('-12')).toBe(true);
    const campaign = addMonths(addMonths(currentMonth(), -1), -CAMPAIGN_MONTHS_AGO);
    expect(peak('Marketing')).toBe(campaign);
    const promotion = await db.contactReason.findFirstOrThrow({
      where: { name: 'Promotion', team: { slug: 'customer-care' } },
      include: { department: true },
    });
    expect(promotion.department?.name).toBe('Marketing');
    // Logistics answered the team's ask, and its page shows the answer.
    const logistics = await db.department.findUniqueOrThrow({ where: { key: 'logistics' } });
    const page = await getDepartmentPage(exec, logistics.id);
    expect(page.asks.some((a) => a.status === 'DONE' && a.answer)).toBe(true);
    // The December edition froze a "For your department" part for Logistics.
    const december = map.months.find((m) => m.endsWith('-12'))!;
    const colleague = await db.user.findUniqueOrThrow({ where: { email: 'colleague@demo.test' } });
    const edition = await readEdition(colleague, 'customer-care', december);
    const lens = edition.snapshot.departments?.find((d) => d.departmentId === logistics.id);
    expect(lens?.contacts).toBe(row('Logistics').counts[map.months.indexOf(december)]);
    // Its section carries the team's ask to Logistics, answered in December, as it went out.
    const answered = await db.ask.findFirstOrThrow({
      where: { departmentId: logistics.id, review: { team: { slug: 'customer-care' }, month: december } },
    });
    expect(answered.closedAt?.toISOString().slice(0, 7)).toBe(december);
    expect(answered.answer).toBeTruthy();
    expect(lens?.asks).toContainEqual({
      id: answered.id,
      title: answered.title,
      status: 'DONE',
      answer: answered.answer,
    });
    // Every published section lists only asks raised by then, closed or answered only if they were.
    const revisions = await db.reviewRevision.findMany({ select: { createdAt: true, snapshot: true } });
    const frozen = revisions.flatMap((r) =>
      ((r.snapshot as unknown as EditionSnapshot).departments ?? []).flatMap((d) =>
        d.asks.map((a) => ({ ...a, at: r.createdAt })),
      ),
    );
    expect(frozen.length).toBeGreaterThan(5);
    const stored = new Map((await db.ask.findMany()).map((a) => [a.id, a]));
    for (const a of frozen) {
      const ask = stored.get(a.id)!;
      expect(ask.createdAt <= a.at, a.title).toBe(true);
      if (a.status === 'DONE' || a.status === 'DECLINED') expect(ask.closedAt! <= a.at, a.title).toBe(true);
      if (a.answer) expect(ask.answeredAt! <= a.at, a.title).toBe(true);
    }
  });
});

describe('demo year in review', () => {
  it('publishes Customer Care’s last complete year, readable by a colleague, its story agreeing with its table', async () => {
    const year = String(Number(currentMonth().slice(0, 4)) - 1);
    const colleague = await db.user.findUniqueOrThrow({ where: { email: 'colleague@demo.test' } });
    const edition = await readEdition(colleague, 'customer-care', year);
    const review = await db.review.findUniqueOrThrow({ where: { id: edition.id } });
    expect(review).toMatchObject({ kind: 'YEAR', status: 'PUBLISHED' });
    const content = edition.snapshot.year!;
    expect(content.months.map((m) => m.month)).toHaveLength(12);
    expect(content.months.every((m) => m.contacts !== null)).toBe(true);
    expect(content.months.reduce((a, m) => a + m.contacts!, 0)).toBe(content.total);
    expect(edition.snapshot.highlights).toContain(`**${formatMetric(content.total)} contacts**`);
    expect(content.kpis.some((k) => k.target !== null && k.monthsMet !== null)).toBe(true);
    expect(content.outcomes.length).toBeGreaterThan(0);
    expect(content.people.length).toBeGreaterThan(0);
    const names = content.people.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(edition.snapshot.content.quotes.length).toBeGreaterThan(0);
    // Billing Support has none: the year in review is a leader's choice, not automatic.
    expect(await db.review.count({ where: { kind: 'YEAR' } })).toBe(1);
  });
});
