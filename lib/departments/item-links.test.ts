import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeDepartment, makeTeam, makeUser } from '../../prisma/factories';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { loadCatalog, writeMonthTx } from '../figures/figures';
import { buildDepartmentLensesUnchecked } from '../editions/department-lens-build';
import { lensChange, lensHeadline } from '../editions/department-lens';
import { declareSourceBreak } from '../figures/sources';
import { formatChange } from '../format';
import { NOT_COMPARABLE } from '../change';
import type { EditionContent } from '../editions/content';
import { countCausedUnchecked } from './counts';
import { setItemDepartments } from './links';
import { getDepartmentMap, getDepartmentPage } from './page';

// Segments and channels linked to departments, counted by the one-list rule (counts.ts, Dimension):
// a department's contacts in a team come from its reasons, else its segments, else its channels.

const NOW = new Date('2025-05-20T12:00:00Z');

async function setup() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, {
    reasons: ['Delivery', 'Billing'],
    segments: ['Consumers', 'Business'],
    channels: ['Phone', 'Email'],
    kpis: [],
  });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const catalog = await loadCatalog(db, team.id);
  const id = Object.fromEntries(
    [...catalog.reasons, ...catalog.segments, ...catalog.channels].map((r) => [r.name, r.id]),
  ) as Record<string, string>;
  /** One month's figures for the team, saved as a leader's save does (the catalog as it is now). */
  const writeMonth = async (month: string, change: Parameters<typeof writeMonthTx>[1]['change']) => {
    const current = await loadCatalog(db, team.id);
    await db.$transaction((tx) =>
      writeMonthTx(tx, {
        actor: leader,
        teamId: team.id,
        month,
        change,
        mode: 'replace',
        catalog: current,
        source: 'test',
      }),
    );
  };
  const write = (month: string, k: number) =>
    writeMonth(month, {
      volumes: {
        [id.Phone!]: { received: 55 * k, handled: 50 * k },
        [id.Email!]: { received: 45 * k, handled: 40 * k },
      },
      reasons: { [id.Delivery!]: 40 * k, [id.Billing!]: 60 * k },
      segments: { [id.Consumers!]: 70 * k, [id.Business!]: 30 * k },
      kpis: {},
    });
  await write('2025-04', 1);
  await write('2025-05', 2);
  const d = async (name: string) => makeDepartment(db, `${name} ${team.slug}`);
  const [logistics, sales, marketing] = [await d('Logistics'), await d('Sales'), await d('Marketing')];
  return { team, leader, id, logistics, sales, marketing, writeMonth };
}

describe('segment and channel links', () => {
  it('count a department from one list only: reasons, else segments, else channels — never twice', async () => {
    const s = await setup();
    const { changed } = await setItemDepartments(s.leader, s.team.id, [
      // Logistics owns a reason and a segment: only its reason counts, the segment would double count.
      { kind: 'reason', itemId: s.id.Delivery!, departmentId: s.logistics.id },
      { kind: 'segment', itemId: s.id.Consumers!, departmentId: s.logistics.id },
      // Sales owns a segment and a channel: its segment counts.
      { kind: 'segment', itemId: s.id.Business!, departmentId: s.sales.id },
      { kind: 'channel', itemId: s.id.Phone!, departmentId: s.sales.id },
      // Marketing owns a channel only: contacts received on it.
      { kind: 'channel', itemId: s.id.Email!, departmentId: s.marketing.id },
    ]);
    expect(changed).toBe(5);

    const caused = await countCausedUnchecked({ from: '2025-04', to: '2025-05', teamId: s.team.id });
    const of = (departmentId: string, month: string) =>
      caused.find((c) => c.departmentId === departmentId && c.month === month)?.contacts;
    expect([of(s.logistics.id, '2025-05'), of(s.sales.id, '2025-05'), of(s.marketing.id, '2025-05')]).toEqual([
      80, 60, 90,
    ]);
    expect([of(s.logistics.id, '2025-04'), of(s.sales.id, '2025-04'), of(s.marketing.id, '2025-04')]).toEqual([
      40, 30, 45,
    ]);

    // The edition's section follows the same rule, and says which list it counted.
    const content = { quotes: [], outcomes: [] } as unknown as EditionContent;
    const lenses = await buildDepartmentLensesUnchecked(db, s.team.id, '2025-05', content);
    const lens = (departmentId: string) => lenses.find((l) => l.departmentId === departmentId)!;
    expect(lens(s.logistics.id)).toMatchObject({ dimension: 'reason', contacts: 80, lastMonth: 40 });
    expect(lens(s.logistics.id).reasons).toEqual([{ name: 'Delivery', count: 80 }]);
    expect(lens(s.sales.id)).toMatchObject({ dimension: 'segment', contacts: 60, lastMonth: 30 });
    expect(lens(s.sales.id).reasons).toEqual([{ name: 'Business', count: 60 }]);
    expect(lens(s.marketing.id)).toMatchObject({ dimension: 'channel', contacts: 90, lastMonth: 45 });
    expect(lensHeadline(lens(s.sales.id))).toBe(`60 contacts this month came from segments ${s.sales.name} owns.`);

    // The department page and the exec map count the same, and the page says what is not counted.
    const page = await getDepartmentPage(s.leader, s.sales.id, NOW);
    const may = page.chart.rows.find((r) => r.month === '2025-05')!;
    expect(may[s.team.slug]).toBe(60);
    expect(page.reasons).toEqual([
      { team: s.team.name, reason: 'Business', kind: 'segment', archived: false, countedFrom: 'segment' },
      { team: s.team.name, reason: 'Phone', kind: 'channel', archived: false, countedFrom: 'segment' },
    ]);
    const exec = await makeUser(db, { role: 'EXEC' });
    const map = await getDepartmentMap(exec, NOW);
    const row = (departmentId: string) => map.rows.find((r) => r.id === departmentId)!.counts.at(-1);
    expect([row(s.logistics.id), row(s.sales.id), row(s.marketing.id)]).toEqual([80, 60, 90]);

    // Audited per item as <kind>.department.
    const audit = await db.auditEvent.findMany({
      where: { actorId: s.leader.id, action: { endsWith: '.department' } },
      select: { action: true, after: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'channel.department',
      'channel.department',
      'reason.department',
      'segment.department',
      'segment.department',
    ]);
    expect(audit).toContainEqual({
      action: 'segment.department',
      after: { teamId: s.team.id, segment: 'Business', department: s.sales.name },
    });
  });

  it('a month without counts in the list a department is counted from is a gap on its page, not a zero', async () => {
    const s = await setup();
    await setItemDepartments(s.leader, s.team.id, [
      { kind: 'reason', itemId: s.id.Delivery!, departmentId: s.logistics.id },
      { kind: 'channel', itemId: s.id.Email!, departmentId: s.marketing.id },
    ]);
    // June's figures hold channel volumes but no reasons.
    await s.writeMonth('2025-06', {
      volumes: { [s.id.Email!]: { received: 45, handled: 40 } },
      reasons: {},
      segments: {},
      kpis: {},
    });
    const june = async (departmentId: string) =>
      (await getDepartmentPage(s.leader, departmentId, new Date('2025-07-20T12:00:00Z'))).chart.rows.find(
        (r) => r.month === '2025-06',
      )![s.team.slug];
    expect(await june(s.logistics.id)).toBeNull();
    expect(await june(s.marketing.id)).toBe(45);
  });

  it('an archived reason counts in the months it holds counts; in later months its department’s segment counts', async () => {
    const s = await setup();
    // Sales owned Billing and, for business customers, Business. Billing is archived after May: June
    // counts Delivery only.
    await setItemDepartments(s.leader, s.team.id, [
      { kind: 'reason', itemId: s.id.Billing!, departmentId: s.sales.id },
      { kind: 'segment', itemId: s.id.Business!, departmentId: s.sales.id },
    ]);
    await db.contactReason.update({ where: { id: s.id.Billing! }, data: { archivedAt: new Date('2025-06-02') } });
    await s.writeMonth('2025-06', {
      volumes: { [s.id.Phone!]: { received: 100, handled: 100 } },
      reasons: { [s.id.Delivery!]: 100 },
      segments: { [s.id.Consumers!]: 75, [s.id.Business!]: 25 },
      kpis: {},
    });
    // History is unchanged: April and May still count Billing; June, with no Billing, counts Business.
    const caused = await countCausedUnchecked({ from: '2025-04', to: '2025-06', teamId: s.team.id });
    const of = (month: string) => caused.find((c) => c.departmentId === s.sales.id && c.month === month)?.contacts;
    expect([of('2025-04'), of('2025-05'), of('2025-06')]).toEqual([60, 120, 25]);

    // June's edition counts Business, and compares with no month counted from another list.
    const content = { quotes: [], outcomes: [] } as unknown as EditionContent;
    const june = (await buildDepartmentLensesUnchecked(db, s.team.id, '2025-06', content)).find(
      (l) => l.departmentId === s.sales.id,
    );
    expect(june).toMatchObject({ dimension: 'segment', contacts: 25, lastMonth: null });
    expect(june?.reasons).toEqual([{ name: 'Business', count: 25 }]);
    const may = (await buildDepartmentLensesUnchecked(db, s.team.id, '2025-05', content)).find(
      (l) => l.departmentId === s.sales.id,
    );
    expect(may).toMatchObject({ dimension: 'reason', contacts: 120, lastMonth: 60 });

    // The page and the map agree, and the page says how the archived reason counts.
    const page = await getDepartmentPage(s.leader, s.sales.id, new Date('2025-07-20T12:00:00Z'));
    const row = (month: string) => page.chart.rows.find((r) => r.month === month)![s.team.slug];
    expect([row('2025-04'), row('2025-05'), row('2025-06')]).toEqual([60, 120, 25]);
    expect(page.reasons).toEqual([
      { team: s.team.name, reason: 'Billing', kind: 'reason', archived: true, countedFrom: 'segment' },
      { team: s.team.name, reason: 'Business', kind: 'segment', archived: false, countedFrom: 'segment' },
    ]);
    const exec = await makeUser(db, { role: 'EXEC' });
    const map = await getDepartmentMap(exec, new Date('2025-07-20T12:00:00Z'));
    expect(map.rows.find((r) => r.id === s.sales.id)!.counts.slice(-3)).toEqual([60, 120, 25]);
  });

  it('across a source break, the section’s changes say “not comparable — source changed”', async () => {
    const s = await setup();
    await setItemDepartments(s.leader, s.team.id, [
      { kind: 'segment', itemId: s.id.Business!, departmentId: s.sales.id },
    ]);
    const content = { quotes: [], outcomes: [] } as unknown as EditionContent;
    const before = (await buildDepartmentLensesUnchecked(db, s.team.id, '2025-05', content))[0]!;
    expect(before).toMatchObject({ contacts: 60, lastMonth: 30 });
    expect(before.notComparable).toBeUndefined();
    expect(lensChange(before, 'lastMonth').text).toBe(formatChange(100, '%'));
    await declareSourceBreak(s.leader, s.team.id, { month: '2025-05', reason: 'We moved from Zendesk to Front.' });
    const after = (await buildDepartmentLensesUnchecked(db, s.team.id, '2025-05', content))[0]!;
    expect(after).toMatchObject({ contacts: 60, lastMonth: null, notComparable: ['lastMonth', 'lastYear'] });
    expect(lensChange(after, 'lastMonth').text).toBe(NOT_COMPARABLE);
  });

  it('is for the team’s leaders only, refuses another team’s item and an unknown department, writing nothing', async () => {
    const s = await setup();
    const agent = await makeUser(db, { role: 'AGENT', teamId: s.team.id });
    const link = [{ kind: 'segment' as const, itemId: s.id.Business!, departmentId: s.sales.id }];
    await expect(setItemDepartments(agent, s.team.id, link)).rejects.toBeInstanceOf(ForbiddenError);
    const other = await makeTeam(db);
    await makeCatalog(db, other.id, { kpis: [] });
    const foreign = await db.channel.findFirstOrThrow({ where: { teamId: other.id } });
    await expect(
      setItemDepartments(s.leader, s.team.id, [{ kind: 'channel', itemId: foreign.id, departmentId: s.sales.id }]),
    ).rejects.toBeInstanceOf(NotFoundError);
    const error = await setItemDepartments(s.leader, s.team.id, [
      ...link,
      { kind: 'channel', itemId: s.id.Email!, departmentId: 'no-such-department' },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      [`channel:${s.id.Email}`]: ['Choose a department from the list.'],
    });
    expect(await db.segment.findUniqueOrThrow({ where: { id: s.id.Business! } })).toMatchObject({
      departmentId: null,
    });
  });
});
