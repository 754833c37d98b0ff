import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeDepartment, makeTeam, makeUser } from '../../prisma/factories';
import { ValidationError } from '../errors';
import { applyMonthlyImport, ImportError, previewMonthlyImport } from './monthly-import';
import { loadCatalog } from './figures';
import { readTicketBytes } from './ticket-file';
import { applyTicketImport, loadTicketImportContext } from './ticket-import';
import { departmentChoicesFrom, departmentField } from './new-reason-departments';
import {
  importInput,
  initialSettings,
  newReasons,
  NO_OVERRIDES,
  planImport,
  type ImportContext,
} from './ticket-session';

// A new reason from an import asks for its department in the preview. The help-desk export: the file
// is read, planned and turned into the action's input by the functions the import page calls, then
// applied. The monthly CSV: the choices travel as the form's `department:…` fields, read as its
// action reads them.

const CSV = [
  'Ticket ID,Created at,Channel,Reason',
  '1,2026-10-02 09:00,Phone,Delivery',
  '2,2026-10-03 10:00,Email,Parcel lost',
  '3,2026-10-04 11:00,Email,Parcel lost',
  '4,2026-10-05 12:00,Phone,Invoice copy',
  '5,2026-10-06 13:00,Phone,Delivery',
].join('\n');

/** A team with Billing and Delivery, its leader, and two departments of its own. */
async function organisation() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, { reasons: ['Billing', 'Delivery'] });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const logistics = await makeDepartment(db, `Logistics ${team.slug}`);
  const finance = await makeDepartment(db, `Finance ${team.slug}`);
  return { team, leader, logistics, finance };
}

async function setup() {
  const { team, leader, logistics, finance } = await organisation();
  const catalog = await loadCatalog(db, team.id);
  const context = await loadTicketImportContext(leader, team.id);
  const ctx: ImportContext = {
    channel: catalog.channels.map((c) => c.name),
    reason: catalog.reasons.map((c) => c.name),
    segment: catalog.segments.map((c) => c.name),
    kpis: [],
    remembered: context.remembered,
    profiles: context.profiles,
    latestMonth: '2026-12',
    timeZone: 'UTC',
  };
  const file = { ...readTicketBytes(new TextEncoder().encode(CSV)), name: 'october.csv' };
  const settings = initialSettings(file, ctx, null);
  const plan = planImport(file, settings, NO_OVERRIDES, ctx, null);
  return { team, leader, logistics, finance, context, ctx, file, settings, plan };
}

describe('a new reason from the help-desk export asks for its department', () => {
  it('offers the new reasons only, links the chosen one in the import and audits it; the other stays unlinked', async () => {
    const s = await setup();
    expect(s.context.departments.map((d) => d.id)).toEqual(expect.arrayContaining([s.logistics.id, s.finance.id]));
    // Delivery is the team's already: only the two new values are asked about.
    expect(newReasons(s.plan, s.ctx).sort()).toEqual(['Invoice copy', 'Parcel lost']);
    const input = importInput(s.file, s.settings, s.plan, s.ctx, false, {
      [departmentField('Parcel lost')]: s.logistics.id,
      // Delivery is not new: a choice for it is not sent, so its own link (none) is kept.
      [departmentField('Delivery')]: s.finance.id,
    });
    expect(input.departments).toEqual([{ reason: 'Parcel lost', departmentId: s.logistics.id }]);
    const { linked } = await applyTicketImport(s.leader, s.team.id, input);
    expect(linked).toEqual([{ reason: 'Parcel lost', department: s.logistics.name }]);

    const reasons = await db.contactReason.findMany({
      where: { teamId: s.team.id },
      select: { name: true, departmentId: true, counts: { select: { count: true } } },
      orderBy: { name: 'asc' },
    });
    expect(reasons.map((r) => [r.name, r.departmentId, r.counts.reduce((a, c) => a + c.count, 0)])).toEqual([
      ['Billing', null, 0],
      ['Delivery', null, 2],
      ['Invoice copy', null, 1],
      ['Parcel lost', s.logistics.id, 2],
    ]);
    const audit = await db.auditEvent.findMany({
      where: { action: 'reason.department', actorId: s.leader.id },
      select: { before: true, after: true },
    });
    expect(audit).toEqual([
      {
        before: { teamId: s.team.id, reason: 'Parcel lost', department: null },
        after: { teamId: s.team.id, reason: 'Parcel lost', department: s.logistics.name },
      },
    ]);
  });

  it('a department that no longer exists is an error on its select, and nothing is imported', async () => {
    const s = await setup();
    const input = importInput(s.file, s.settings, s.plan, s.ctx, false, {
      [departmentField('Parcel lost')]: 'gone-department',
    });
    const error = await applyTicketImport(s.leader, s.team.id, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      [departmentField('Parcel lost')]: ['Choose a department from the list.'],
    });
    expect(await db.contactReason.count({ where: { teamId: s.team.id, name: 'Parcel lost' } })).toBe(0);
    expect(await db.monthFigures.count({ where: { teamId: s.team.id } })).toBe(0);
  });

  it('an import that chooses no department creates the new reasons unlinked, as before', async () => {
    const s = await setup();
    const input = importInput(s.file, s.settings, s.plan, s.ctx, false);
    expect(input.departments).toEqual([]);
    expect((await applyTicketImport(s.leader, s.team.id, input)).linked).toEqual([]);
    expect(await db.contactReason.count({ where: { teamId: s.team.id, departmentId: { not: null } } })).toBe(0);
  });
});

const MONTHLY_CSV = [
  'month,kind,item,value',
  '2026-10,received,Phone,40',
  '2026-10,handled,Phone,40',
  '2026-10,reason,Delivery,10',
  '2026-10,reason,Parcel lost,20',
  '2026-10,reason,invoice copy,10',
].join('\n');

/** The apply form as the browser submits it: each new reason's select, chosen or left at "No department". */
function applyForm(choices: Record<string, string>) {
  const form = new FormData();
  form.set('team', 'ignored');
  form.set('step', 'apply');
  form.set('createUnknown', 'on');
  for (const [reason, departmentId] of Object.entries(choices)) form.set(departmentField(reason), departmentId);
  return form;
}

const reasonsOf = async (teamId: string) =>
  (await db.contactReason.findMany({ where: { teamId }, select: { name: true, departmentId: true } })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
const departmentAudits = (actorId: string) =>
  db.auditEvent.findMany({ where: { action: 'reason.department', actorId }, select: { before: true, after: true } });

describe('a new reason from the monthly CSV asks for its department', () => {
  it('the preview offers the departments; the chosen one is linked in the import and audited, the other stays unlinked', async () => {
    const s = await organisation();
    const preview = await previewMonthlyImport(s.leader, s.team.id, MONTHLY_CSV);
    expect(preview.unknown).toEqual([
      { kind: 'reason', name: 'Parcel lost' },
      { kind: 'reason', name: 'invoice copy' },
    ]);
    expect(preview.departments.map((d) => d.id)).toEqual(expect.arrayContaining([s.logistics.id, s.finance.id]));

    const form = applyForm({ 'Parcel lost': s.logistics.id, 'invoice copy': '', Delivery: s.finance.id });
    const { results, linked } = await applyMonthlyImport(s.leader, s.team.id, MONTHLY_CSV, {
      createUnknown: true,
      departments: departmentChoicesFrom(form),
    });
    expect(results).toEqual([{ month: '2026-10', outcome: 'new' }]);
    expect(linked).toEqual([{ reason: 'Parcel lost', department: s.logistics.name }]);
    // Delivery was the team's already: a choice sent for it does not change its own link (none).
    expect(await reasonsOf(s.team.id)).toEqual([
      { name: 'Billing', departmentId: null },
      { name: 'Delivery', departmentId: null },
      { name: 'invoice copy', departmentId: null },
      { name: 'Parcel lost', departmentId: s.logistics.id },
    ]);
    expect(await departmentAudits(s.leader.id)).toEqual([
      {
        before: { teamId: s.team.id, reason: 'Parcel lost', department: null },
        after: { teamId: s.team.id, reason: 'Parcel lost', department: s.logistics.name },
      },
    ]);
  });

  it('a file with no new reason offers no departments', async () => {
    const s = await organisation();
    const known = MONTHLY_CSV.split('\n').slice(0, 4).join('\n');
    const preview = await previewMonthlyImport(s.leader, s.team.id, known);
    expect(preview.unknown).toEqual([]);
    expect(preview.departments).toEqual([]);
  });

  it('a refused import links nothing: the reason, its link and its audit go with the transaction', async () => {
    const s = await organisation();
    const bad = `${MONTHLY_CSV}\n2026-10,received,Email,many`;
    const error = await applyMonthlyImport(s.leader, s.team.id, bad, {
      createUnknown: true,
      departments: { [departmentField('Parcel lost')]: s.logistics.id },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(await reasonsOf(s.team.id)).toEqual([
      { name: 'Billing', departmentId: null },
      { name: 'Delivery', departmentId: null },
    ]);
    expect(await departmentAudits(s.leader.id)).toEqual([]);
    expect(await db.monthFigures.count({ where: { teamId: s.team.id } })).toBe(0);
  });

  it('a department that does not exist is an error on its select, and nothing is imported', async () => {
    const s = await organisation();
    for (const [id, message] of [
      ['gone-department', 'Choose a department from the list.'],
      ['x'.repeat(500), 'Choose a department from the list.'],
    ] as const) {
      const error = await applyMonthlyImport(s.leader, s.team.id, MONTHLY_CSV, {
        createUnknown: true,
        departments: { [departmentField('Parcel lost')]: s.logistics.id, [departmentField('invoice copy')]: id },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).not.toBeInstanceOf(ImportError);
      expect((error as ValidationError).fieldErrors).toEqual({ [departmentField('invoice copy')]: [message] });
    }
    expect(await reasonsOf(s.team.id)).toHaveLength(2);
    expect(await departmentAudits(s.leader.id)).toEqual([]);
    expect(await db.monthFigures.count({ where: { teamId: s.team.id } })).toBe(0);
  });
});
