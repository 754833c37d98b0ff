import { describe, expect, it } from 'vitest';
import { db } from '../lib/db';
import { currentMonth } from '../lib/dates/month';
import { formatMetric } from '../lib/reviews/content';
import { readEdition } from '../lib/reviews/readers';
import { seedDemo } from './demo';

describe('demo year in review', () => {
  it('publishes Customer Care’s last complete year, readable by a colleague, its story agreeing with its table', async () => {
    expect(await seedDemo(db)).toBe(true);
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
  }, 90_000); // the whole demo is seeded: over 30 s when the machine is busy
});
