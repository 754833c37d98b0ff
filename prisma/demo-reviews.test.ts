import { describe, expect, it } from 'vitest';
import { db } from '../lib/db';
import { addMonths, currentMonth } from '../lib/dates/month';
import { getReach } from '../lib/reviews/reach';
import { seedDemo } from './demo';

describe('demo editions', () => {
  it('publishes 11 months per team, with one correction, readers and thanks, and leaves the latest month to finish', async () => {
    expect(await seedDemo(db)).toBe(true);
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
    // The Reach view tells a story on a fresh start: departments read, two have not lately.
    const exec = await db.user.findUniqueOrThrow({ where: { email: 'exec@demo.test' } });
    const reach = await getReach(exec, 'customer-care');
    expect(reach.editions).toHaveLength(11);
    expect(reach.notReached.sort()).toEqual(['HR', 'Logistics', 'Marketing']);
    expect(reach.chart.series.map((s) => s.key)).toEqual(expect.arrayContaining(['Sales', 'Finance', 'Product']));
  }, 90_000); // the whole demo is seeded: over 30 s when the machine is busy
});
