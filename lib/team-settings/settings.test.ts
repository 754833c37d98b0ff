import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeTeam, makeUser } from '../../prisma/factories';
import { ForbiddenError } from '../errors';
import { listKpis } from './kpis';
import { listItems } from './lists';
import { readTeamSettings } from './settings';

async function setup() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, { channels: ['Phone', 'Chat'], kpis: [{ name: 'CSAT', unit: 'PERCENT' }] });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const admin = await makeUser(db, { role: 'ADMIN' });
  const strangers = [
    await makeUser(db, { role: 'LEADER', teamId: (await makeTeam(db)).id }),
    await makeUser(db, { role: 'AGENT', teamId: team.id }),
    await makeUser(db, { role: 'EXEC' }),
    await makeUser(db, { role: 'COLLEAGUE' }),
    await makeUser(db, { role: 'LEADER', teamId: team.id, active: false }),
  ];
  return { team, leader, admin, strangers };
}

describe('team settings reads', () => {
  it('give the team’s KPIs and lists to its leader and admins, and refuse everyone else', async () => {
    const { team, leader, admin, strangers } = await setup();
    for (const actor of [leader, admin]) {
      expect((await listKpis(actor, team.id)).map((k) => k.name)).toEqual(['CSAT']);
      expect((await listItems(actor, team.id, 'channel')).map((c) => c.name)).toEqual(['Phone', 'Chat']);
    }
    for (const actor of strangers) {
      await expect(listKpis(actor, team.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listItems(actor, team.id, 'channel')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(readTeamSettings(actor, team.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('leave archived entries out only when asked', async () => {
    const { team, leader } = await setup();
    const chat = await db.channel.findFirstOrThrow({ where: { teamId: team.id, name: 'Chat' } });
    await db.channel.update({ where: { id: chat.id }, data: { archivedAt: new Date() } });
    expect((await listItems(leader, team.id, 'channel', { includeArchived: false })).map((c) => c.name)).toEqual([
      'Phone',
    ]);
    expect(await listItems(leader, team.id, 'channel')).toHaveLength(2);
  });
});
