import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeTeam, makeUser } from '../../prisma/factories';
import { stopSharedBoss } from '../jobs/queue';
import { startReview } from './reviews';
import { publishDueReviews, scheduleReview } from './schedule';

afterAll(() => stopSharedBoss());

async function scheduledDraft(month: string) {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const ref = { id: team.id, name: team.name, slug: team.slug };
  const review = await startReview(leader, ref, month);
  const at = new Date(Date.now() + 60_000);
  const fields = {
    version: 1,
    title: `Scheduled ${team.slug}`,
    highlights: 'Calls rose.',
    asks: '',
    distribution: 'x@example.test',
    featured: [],
  };
  await scheduleReview(leader, ref, month, fields, at);
  return { team, leader, review, at, due: new Date(at.getTime() + 1000) };
}

describe('scheduled publishing', () => {
  it('a publish that fails after the claim leaves the draft scheduled, and the next pass publishes it once', async () => {
    const { review, at, due } = await scheduledDraft('2025-09');
    // The database refuses the publish midway (after the schedule was claimed): a real failure
    // inside the transaction, as a crash or a full disk would be.
    const trigger = `fail_publish_${review.id}`;
    await db.$executeRawUnsafe(
      `CREATE FUNCTION "${trigger}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "${trigger}" BEFORE INSERT ON "ReviewRevision" FOR EACH ROW WHEN (NEW."reviewId" = '${review.id}') EXECUTE FUNCTION "${trigger}"()`,
    );
    try {
      const [result] = await publishDueReviews(due);
      expect(result).toMatchObject({ reviewId: review.id, published: false });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "${trigger}" ON "ReviewRevision"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "${trigger}"()`);
    }
    const after = await db.review.findUniqueOrThrow({ where: { id: review.id } });
    expect(after).toMatchObject({ status: 'DRAFT', scheduledAt: at });
    expect(after.scheduleError).toContain('disk full');
    expect(await db.reviewRevision.count({ where: { reviewId: review.id } })).toBe(0);
    expect(await db.reviewEmail.count({ where: { reviewId: review.id } })).toBe(0);

    await Promise.all([publishDueReviews(due), publishDueReviews(due)]);
    expect(await db.review.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      status: 'PUBLISHED',
      scheduledAt: null,
      scheduleError: null,
    });
    expect(await db.reviewRevision.count({ where: { reviewId: review.id } })).toBe(1);
    expect(await db.reviewEmail.count({ where: { reviewId: review.id } })).toBe(1);
  });

  it('a publish refused for good (the leader lost the rights) ends the schedule and says why', async () => {
    const { leader, review, due } = await scheduledDraft('2025-10');
    await db.user.update({ where: { id: leader.id }, data: { role: 'AGENT' } });
    const [result] = await publishDueReviews(due);
    expect(result).toMatchObject({ reviewId: review.id, published: false });
    const after = await db.review.findUniqueOrThrow({ where: { id: review.id } });
    expect(after).toMatchObject({ status: 'DRAFT', scheduledAt: null });
    expect(after.scheduleError).toBeTruthy();
    expect(await publishDueReviews(due)).toEqual([]);
  });
});
