import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeTeam, makeUser, makeWin } from '../../prisma/factories';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { getPersonPage } from '../people/people';
import { createWinSchema, updateWinSchema } from './schemas';
import { createWin, deleteWin, listWins, updateWin } from './wins';
import { z } from 'zod';

async function team() {
  const t = await makeTeam(db);
  return {
    team: t,
    leader: await makeUser(db, { role: 'LEADER', teamId: t.id }),
    agent: await makeUser(db, { role: 'AGENT', teamId: t.id }),
  };
}

describe('wins', () => {
  it('anyone on the team records one, crediting teammates only; limits enforced', async () => {
    const { agent, leader } = await team();
    const outsider = await makeUser(db, { role: 'AGENT', teamId: (await makeTeam(db)).id });
    const input = createWinSchema.parse({
      title: 'Backlog cleared',
      story: 'All **done**.',
      occurredOn: '2025-06-03',
      creditIds: `${agent.id},${leader.id}`,
      submissionKey: `win-${Date.now()}-a`,
    });
    const win = await createWin(agent, input);
    expect(await db.winCredit.count({ where: { winId: win.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: 'win.create', entityId: win.id, actorId: agent.id } })).toBe(1);
    await expect(
      createWin(agent, { ...input, submissionKey: `win-${Date.now()}-b`, creditIds: [outsider.id] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(createWin(await makeUser(db, { role: 'COLLEAGUE' }), input)).rejects.toBeInstanceOf(ForbiddenError);
    const tooLong = createWinSchema.safeParse({
      title: 'x'.repeat(121),
      story: 'y'.repeat(2001),
      occurredOn: '2025-06-03',
      creditIds: agent.id,
      submissionKey: 'form-key-123',
    });
    expect(Object.keys(z.flattenError(tooLong.error!).fieldErrors).sort()).toEqual(['story', 'title']);
  });

  it('leaders of the team edit and remove (a soft delete); others cannot; both audited', async () => {
    const { team: t, agent, leader } = await team();
    const other = await team();
    const win = await makeWin(db, {
      teamId: t.id,
      recordedById: agent.id,
      title: 'Original title',
      occurredOn: new Date('2025-07-10'),
    });
    const edit = updateWinSchema.parse({
      winId: win.id,
      title: 'Better title',
      story: 'Story',
      occurredOn: '2025-07-11',
      creditIds: agent.id,
    });
    await expect(updateWin(agent, edit)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateWin(other.leader, edit)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteWin(other.leader, win.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.win.findUniqueOrThrow({ where: { id: win.id } })).title).toBe('Original title');

    await updateWin(leader, edit);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'win.update', entityId: win.id } });
    expect(audit).toMatchObject({
      actorId: leader.id,
      before: { title: 'Original title' },
      after: { title: 'Better title', occurredOn: '2025-07-11' },
    });

    const viewer = await makeUser(db, { role: 'EXEC' });
    expect((await listWins(viewer, { team: t.slug, month: '2025-07' })).wins.map((w) => w.id)).toEqual([win.id]);
    expect((await getPersonPage(viewer, agent.id)).wins.map((w) => w.id)).toContain(win.id);

    await deleteWin(leader, win.id);
    expect((await db.win.findUniqueOrThrow({ where: { id: win.id } })).deletedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: 'win.delete', entityId: win.id, actorId: leader.id } })).toBe(
      1,
    );
    expect((await listWins(viewer, { team: t.slug, month: '2025-07' })).wins).toEqual([]);
    expect((await getPersonPage(viewer, agent.id)).wins).toEqual([]);
    await expect(updateWin(leader, edit)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists by team and month', async () => {
    const a = await team();
    const b = await team();
    const viewer = await makeUser(db, { role: 'COLLEAGUE' });
    const june = await makeWin(db, { teamId: a.team.id, recordedById: a.agent.id, occurredOn: new Date('2024-06-30') });
    await makeWin(db, { teamId: a.team.id, recordedById: a.agent.id, occurredOn: new Date('2024-07-01') });
    const bJune = await makeWin(db, {
      teamId: b.team.id,
      recordedById: b.agent.id,
      occurredOn: new Date('2024-06-01'),
    });
    expect((await listWins(viewer, { team: a.team.slug, month: '2024-06' })).wins.map((w) => w.id)).toEqual([june.id]);
    const all = (await listWins(viewer, { month: '2024-06' })).wins.map((w) => w.id);
    expect(all).toEqual(expect.arrayContaining([june.id, bJune.id]));
  });
});
