import { describe, expect, it } from 'vitest';
import { db } from '../lib/db';
import { addMonths, currentMonth } from '../lib/dates/month';
import { getImpact } from '../lib/impact/impact';
import { listEditionOutcomesUnchecked } from '../lib/outcomes/edition';
import { seedDemo } from './demo';

describe('demo outcomes', () => {
  it('gives each demo team a year of outcomes; only the newest wait for Customer Care’s draft', async () => {
    expect(await seedDemo(db)).toBe(true);
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
