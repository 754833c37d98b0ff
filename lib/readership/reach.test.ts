import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeDepartment, makeReview, makeTeam, makeUser } from '../../prisma/factories';
import type { Actor } from '../authz';
import { ForbiddenError, NotFoundError } from '../errors';
import { chartTable } from '../charts/chart-spec';
import { getReach, listReachTeams, reachCsv } from './reach';
import { readershipFor, recordEditionView } from './readers';

// 13 published months, so the view must drop the oldest; the last three are 2026-02 … 2026-04.
const MONTHS = [
  '2025-04',
  '2025-05',
  '2025-06',
  '2025-07',
  '2025-08',
  '2025-09',
  '2025-10',
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
];

async function setup() {
  const team = await makeTeam(db, { name: `Care ${Math.random().toString(36).slice(2, 7)}` });
  const other = await makeTeam(db);
  // Sales, Finance and Legal have three active people each; IT and Marketing one; HR none left.
  const tag = team.slug;
  const [sales, finance, it, hr, marketing, legal] = await Promise.all(
    ['Sales', 'Finance', 'IT', 'HR', 'Marketing', 'Legal'].map((n) => makeDepartment(db, `${n} ${tag}`)),
  );
  const person = (departmentId: string | null, extra: Partial<Parameters<typeof makeUser>[1]> = {}) =>
    makeUser(db, { role: 'COLLEAGUE', departmentId, ...extra });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const agent = await makeUser(db, { role: 'AGENT', teamId: team.id, departmentId: sales!.id });
  const s2 = await person(sales!.id);
  await person(sales!.id);
  const f1 = await person(finance!.id);
  await person(finance!.id);
  await person(finance!.id);
  for (let i = 0; i < 3; i++) await person(legal!.id);
  const it1 = await person(it!.id);
  const m1 = await person(marketing!.id);
  const none = await person(null);
  await person(null); // with the leader, three people without a department
  // HR's only person left: they read, but HR has nobody left to reach.
  const gone = await person(hr!.id, { active: false });
  const editions = new Map<string, { id: string; team: { id: string } }>();
  for (const month of MONTHS) {
    const r = await makeReview(db, { teamId: team.id, month, status: 'PUBLISHED', publishedById: leader.id });
    editions.set(month, { id: r.id, team: { id: team.id } });
  }
  // A draft is nobody's reading yet.
  await makeReview(db, { teamId: team.id, month: '2026-05', status: 'DRAFT' });
  const read = async (who: Actor, month: string) => recordEditionView(who, editions.get(month)!);
  await read(agent, '2026-04');
  await read(agent, '2026-04'); // the same reader opening twice is one reader
  await read(s2, '2026-04');
  await read(f1, '2026-04');
  await read(none, '2026-04');
  await read(leader, '2026-04'); // the author checking their work is no reader
  await read(agent, '2026-03'); // a reader in two editions
  await read(it1, '2026-03');
  await read(f1, '2026-02');
  await read(m1, '2025-06'); // Marketing read once, long ago
  await read(m1, '2025-04'); // outside the last 12
  // The deactivated person read before leaving.
  await db.reviewView.create({ data: { reviewId: editions.get('2026-04')!.id, userId: gone.id, teamId: team.id } });
  const april = editions.get('2026-04')!.id;
  await db.reviewThanks.create({ data: { reviewId: april, teamId: team.id, userId: agent.id, note: 'Useful.' } });
  await db.reviewThanks.create({ data: { reviewId: april, teamId: team.id, userId: f1.id } });
  await db.reviewThanks.create({
    data: { reviewId: april, teamId: team.id, userId: s2.id, note: 'Rude words', hiddenAt: new Date() },
  });
  const names = { sales: sales!.name, finance: finance!.name, it: it!.name, hr: hr!.name };
  return {
    team,
    other,
    leader,
    agent,
    s2,
    f1,
    it1,
    m1,
    none,
    gone,
    april,
    names,
    marketing: marketing!,
    legal: legal!,
  };
}

describe('a team’s reach', () => {
  it('counts unique readers, share of the active organisation, thanks and notes per edition', async () => {
    const s = await setup();
    const active = await db.user.count({ where: { active: true } });
    const reach = await getReach(s.agent, s.team.slug);
    expect(reach.editions.map((e) => e.month)).toEqual(MONTHS.slice(1));
    const april = reach.editions.at(-1)!;
    // agent, s2, f1, the person without a department and the deactivated reader; not the author.
    expect(april.readers).toBe(5);
    expect(april.share).toBe(Math.round((4 / active) * 1000) / 10);
    expect(april).toMatchObject({ thanks: 2, notes: 1 });
    expect(reach.editions.find((e) => e.month === '2026-03')).toMatchObject({ readers: 2, thanks: 0 });
    expect(reach.editions.find((e) => e.month === '2025-07')).toMatchObject({ readers: 0, share: 0 });
    expect(reach.activeUsers).toBe(active);
  });

  it('groups readers by department, lists the departments not reached lately, and never names a reader', async () => {
    const s = await setup();
    const { sales, finance } = s.names;
    const reach = await getReach(s.leader, s.team.slug);
    const april = reach.chart.rows.find((r) => r.month === '2026-04')!;
    // HR's one (deactivated) reader counts under "Other departments", with IT and Marketing.
    expect(april).toEqual({
      month: '2026-04',
      [sales]: 2,
      [finance]: 1,
      'Other departments': 1,
      'No department': 1,
    });
    expect(reach.chart.rows.find((r) => r.month === '2026-03')).toEqual({
      month: '2026-03',
      [sales]: 1,
      [finance]: 0,
      'Other departments': 1,
      'No department': 0,
    });
    const byName = Object.fromEntries(reach.departments.map((d) => [d.name, d]));
    expect(byName[sales]).toMatchObject({ people: 3, readers: 3, thanks: 1, notes: 1 });
    expect(byName[finance]).toMatchObject({ people: 3, readers: 2, thanks: 1, notes: 0 });
    expect(byName['Other departments']).toMatchObject({ readers: 3, thanks: 0 });
    expect(reach.departments.slice(-2).map((d) => d.name)).toEqual(['Other departments', 'No department']);
    // Legal (three people) never read; Marketing's one person read only in 2025-06 but is not named.
    expect(reach.notReached).toContain(s.legal.name);
    expect(reach.notReached).not.toContain(sales);
    expect(reach.notReached).not.toContain('Other departments');
    expect(reach.notReached).not.toContain('No department');
    const text = JSON.stringify(reach);
    // A department of one or two is never named: its counts would be those people's.
    for (const small of [s.names.it, s.names.hr, s.marketing.name]) expect(text).not.toContain(small);
    for (const p of [s.agent, s.s2, s.f1, s.it1, s.m1, s.none, s.gone]) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.email);
    }
  });

  it('writes a CSV that says what the chart’s table says, plus each edition’s counts', async () => {
    const s = await setup();
    const reach = await getReach(s.leader, s.team.slug);
    const rows = parse(reachCsv(reach).csv) as string[][];
    const table = chartTable(reach.chart);
    expect(rows[0]).toEqual([...table.header, 'Unique readers', 'Share of organisation (%)', 'Thanks', 'Notes']);
    expect(rows).toHaveLength(13);
    const last = rows.at(-1)!;
    expect(last[0]).toBe('2026-04');
    expect(last.slice(1, table.header.length)).toEqual(table.rows.at(-1)!.slice(1).map(String));
    expect(Number(last[table.header.length])).toBe(5);
    expect(rows[0]).toContain('Other departments');
    expect(reachCsv(reach).csv).not.toMatch(new RegExp(`${s.names.it}|${s.names.hr}|${s.marketing.name}`));
  });

  it('is for the team, executives and admins; others are refused', async () => {
    const s = await setup();
    const exec = await makeUser(db, { role: 'EXEC' });
    const admin = await makeUser(db, { role: 'ADMIN' });
    await expect(getReach(exec, s.team.slug)).resolves.toMatchObject({ team: { id: s.team.id } });
    await expect(getReach(admin, s.team.slug)).resolves.toMatchObject({ team: { id: s.team.id } });
    const colleague = await makeUser(db, { role: 'COLLEAGUE' });
    const otherLeader = await makeUser(db, { role: 'LEADER', teamId: s.other.id });
    const otherAgent = await makeUser(db, { role: 'AGENT', teamId: s.other.id });
    for (const who of [colleague, otherLeader, otherAgent])
      await expect(getReach(who, s.team.slug)).rejects.toBeInstanceOf(ForbiddenError);
    // A colleague learns nothing about whether a team exists.
    await expect(getReach(colleague, 'no-such-team')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getReach(admin, 'no-such-team')).rejects.toBeInstanceOf(NotFoundError);
    expect((await listReachTeams(otherAgent)).map((t) => t.id)).toEqual([]);
    expect((await listReachTeams(s.agent)).map((t) => t.id)).toEqual([s.team.id]);
    expect((await listReachTeams(colleague)).length).toBe(0);
  });

  it('an edition with no publish yet has no reach, and no department is “not reached”', async () => {
    const team = await makeTeam(db);
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    await makeDepartment(db, 'Logistics');
    await makeUser(db, { role: 'COLLEAGUE', departmentId: (await makeDepartment(db, 'Logistics')).id });
    const reach = await getReach(leader, team.slug);
    expect(reach.editions).toEqual([]);
    expect(reach.notReached).toEqual([]);
  });
});

describe('an edition’s readership by department', () => {
  it('counts readers and thanks by department, leaving out the author and hidden thanks', async () => {
    const s = await setup();
    const readership = await readershipFor(s.agent, s.april);
    expect(readership.readers).toBe(5);
    // HR's one reader is counted under "Other departments".
    expect(readership.byDepartment).toEqual([
      { label: s.names.sales, count: 2 },
      { label: s.names.finance, count: 1 },
      { label: 'No department', count: 1 },
      { label: 'Other departments', count: 1 },
    ]);
    expect(readership.thanksByDepartment).toEqual([
      { label: s.names.finance, count: 1 },
      { label: s.names.sales, count: 1 },
    ]);
  });
});
