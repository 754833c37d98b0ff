import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeReview, makeTeam, makeUser } from '../../prisma/factories';
import { ForbiddenError } from '../errors';
import { readershipFor } from './readers';

async function setup() {
  const team = await makeTeam(db);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
  const reader = await makeUser(db, { role: 'COLLEAGUE' });
  const review = await makeReview(db, { teamId: team.id, status: 'PUBLISHED', publishedById: leader.id });
  await db.reviewView.create({ data: { reviewId: review.id, userId: reader.id, teamId: team.id } });
  await db.reviewThanks.create({ data: { reviewId: review.id, userId: reader.id, teamId: team.id, note: 'Useful' } });
  const rude = await makeUser(db, { role: 'EXEC' });
  await db.reviewThanks.create({
    data: { reviewId: review.id, userId: rude.id, teamId: team.id, note: 'Rude', hiddenAt: new Date() },
  });
  return { team, leader, agent, reader, review };
}

describe('readership of an edition', () => {
  it('shows hidden notes to the team’s leader and admins, not to its agents', async () => {
    const { leader, agent, review } = await setup();
    const admin = await makeUser(db, { role: 'ADMIN' });
    for (const manager of [leader, admin]) {
      const seen = await readershipFor(manager, review.id);
      expect(seen.readers).toBe(1);
      expect(seen.notes.map((n) => [n.note, n.hidden])).toEqual(
        expect.arrayContaining([
          ['Useful', false],
          ['Rude', true],
        ]),
      );
    }
    const forAgent = await readershipFor(agent, review.id);
    expect(forAgent.notes.map((n) => n.note)).toEqual(['Useful']);
    expect(forAgent.thanksCount).toBe(1);
  });

  it('refuses readers outside the team, and an unknown edition alike', async () => {
    const { reader, leader, review } = await setup();
    const otherLeader = await makeUser(db, { role: 'LEADER', teamId: (await makeTeam(db)).id });
    const exec = await makeUser(db, { role: 'EXEC' });
    const gone = await makeUser(db, { role: 'LEADER', teamId: review.teamId, active: false });
    for (const actor of [reader, otherLeader, exec, gone])
      await expect(readershipFor(actor, review.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(readershipFor(leader, 'no-such-review')).rejects.toBeInstanceOf(ForbiddenError);
  });
});
