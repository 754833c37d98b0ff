import { describe, expect, it } from 'vitest';
import { db } from '../lib/db';
import { listAsks } from '../lib/asks/list';
import type { EditionSnapshot } from '../lib/reviews/content';
import { seedDemo } from './demo';

describe('demo asks', () => {
  it('a year of asks with answers; the draft opens with what was done and what is still open', async () => {
    expect(await seedDemo(db)).toBe(true);
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
  }, 120_000);
});
