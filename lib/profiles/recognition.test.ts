import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeQuote, makeTeam, makeUser, makeWin } from '../../prisma/factories';
import { listUncreditedTeammates } from './recognition';

const NOW = new Date('2026-06-15T10:00:00Z');
const daysAgo = (n: number) => new Date(Date.UTC(2026, 5, 15) - n * 86_400_000);

describe('fair recognition in the leader’s Needs you', () => {
  it('lists exactly the active teammates nobody credited in an approved quote or a live win for 90 days, by name', async () => {
    const team = await makeTeam(db);
    const other = await makeTeam(db);
    const s = team.slug;
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id, name: `Mia Lead ${s}` });
    const person = (name: string, role: 'AGENT' | 'LEADER' = 'AGENT', active = true) =>
      makeUser(db, { role, teamId: team.id, name: `${name} ${s}`, active });
    // Names chosen so that alphabetical order differs from the order they are made in.
    const quoted = await person('Quinn Quoted');
    const pendingOnly = await person('Zoe Pending');
    const deletedWin = await person('Dev Deleted');
    const longAgo = await person('Bea Longago');
    const winner = await person('Wes Winner');
    const edge = await person('Eli Edge');
    const coLeader = await person('Cal Colead', 'LEADER');
    const inactive = await person('Ivy Inactive', 'AGENT', false);
    const elsewhere = await makeUser(db, { role: 'AGENT', teamId: other.id, name: `Olly Other ${s}` });

    const quote = (creditIds: string[], receivedOn: Date, status: 'APPROVED' | 'PENDING' | 'REJECTED' = 'APPROVED') =>
      makeQuote(db, { teamId: team.id, submitterId: leader.id, status, receivedOn, creditIds });
    await quote([quoted.id], daysAgo(30));
    await quote([pendingOnly.id], daysAgo(5), 'PENDING');
    await quote([pendingOnly.id], daysAgo(6), 'REJECTED');
    await quote([longAgo.id], daysAgo(100));
    await quote([edge.id], daysAgo(90)); // the 90th day still counts
    await makeWin(db, { teamId: team.id, recordedById: leader.id, creditIds: [winner.id], occurredOn: daysAgo(10) });
    const removed = await makeWin(db, {
      teamId: team.id,
      recordedById: leader.id,
      creditIds: [deletedWin.id],
      occurredOn: daysAgo(3),
    });
    await db.win.update({ where: { id: removed.id }, data: { deletedAt: NOW, deletedById: leader.id } });
    // Credits of people who are not on the list either way.
    await quote([inactive.id], daysAgo(200));
    await makeQuote(db, { teamId: other.id, submitterId: elsewhere.id, status: 'PENDING', creditIds: [elsewhere.id] });

    const listed = await listUncreditedTeammates(leader, NOW);
    expect(listed).toEqual([longAgo, coLeader, deletedWin, pendingOnly].map((u) => ({ id: u.id, name: u.name })));
    // The other leader sees the first leader in turn, not themself.
    expect((await listUncreditedTeammates(coLeader, NOW)).map((u) => u.id)).toEqual([
      longAgo.id,
      deletedWin.id,
      leader.id,
      pendingOnly.id,
    ]);
    // A quote approved today credits them from now on.
    await quote([pendingOnly.id], daysAgo(0));
    expect((await listUncreditedTeammates(leader, NOW)).map((u) => u.id)).not.toContain(pendingOnly.id);
  });

  it('is for the team’s leaders only: agents, colleagues, executives and admins get nothing', async () => {
    const team = await makeTeam(db);
    await makeUser(db, { role: 'AGENT', teamId: team.id });
    const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    expect((await listUncreditedTeammates(leader, NOW)).length).toBe(2);
    for (const role of ['COLLEAGUE', 'EXEC', 'ADMIN'] as const)
      expect(await listUncreditedTeammates(await makeUser(db, { role }), NOW)).toEqual([]);
    expect(await listUncreditedTeammates(agent, NOW)).toEqual([]);
    const gone = await makeUser(db, { role: 'LEADER', teamId: team.id, active: false });
    expect(await listUncreditedTeammates(gone, NOW)).toEqual([]);
  });
});
