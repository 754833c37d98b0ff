import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeTeam, makeUser } from '../../prisma/factories';
import { ForbiddenError } from '../errors';
import { loadCatalog, readMonth, writeMonthTx } from './figures';
import { MonthConflictError, saveMonthFromForm } from './month-save';
import { ApiValidationError, putMonthFromApi } from './api-months';
import { exportMonthlyCsv } from './export';
import { formatDay } from '../dates/day';
import { applyMonthlyImport, ImportError, previewMonthlyImport } from './monthly-import';

async function setup() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const catalog = await loadCatalog(db, team.id);
  const id = (list: { id: string; name: string }[], name: string) => list.find((i) => i.name === name)!.id;
  return {
    team,
    leader,
    catalog,
    phone: id(catalog.channels, 'Phone'),
    email: id(catalog.channels, 'Email'),
    billing: id(catalog.reasons, 'Billing'),
    csat: id(catalog.kpis, 'CSAT'),
  };
}

describe('month figures', () => {
  it('saving the same month twice updates one row and changes nothing the second time', async () => {
    const s = await setup();
    const change = {
      volumes: { [s.phone]: { received: 100, handled: 90 } },
      reasons: { [s.billing]: 40 },
      segments: {},
      kpis: { [s.csat]: 91.5 },
      note: 'quiet',
    };
    const write = () =>
      db.$transaction((tx) =>
        writeMonthTx(tx, {
          actor: s.leader,
          teamId: s.team.id,
          month: '2025-03',
          change,
          mode: 'merge',
          catalog: s.catalog,
          source: 'test',
        }),
      );
    expect(await write()).toEqual({ outcome: 'new', version: 1 });
    expect(await write()).toEqual({ outcome: 'unchanged', version: 1 });
    expect(await db.monthFigures.count({ where: { teamId: s.team.id } })).toBe(1);
    expect(await db.channelVolume.count({ where: { teamId: s.team.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: 'MonthFigures', actorId: s.leader.id } })).toBe(1);
    const changed = { ...change, volumes: { [s.phone]: { received: 120, handled: 90 } } };
    const third = await db.$transaction((tx) =>
      writeMonthTx(tx, {
        actor: s.leader,
        teamId: s.team.id,
        month: '2025-03',
        change: changed,
        mode: 'merge',
        catalog: s.catalog,
        source: 'test',
      }),
    );
    expect(third).toEqual({ outcome: 'updated', version: 2 });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'month_figures.update', actorId: s.leader.id },
    });
    expect(audit.before).toMatchObject({ volumes: { Phone: { received: 100 } } });
    expect(audit.after).toMatchObject({ volumes: { Phone: { received: 120 } }, version: 2 });
  });

  it('refuses a save based on an old version and keeps the newer figures', async () => {
    const s = await setup();
    await saveMonthFromForm(s.leader, s.team.id, '2025-04', 0, {
      [`received:${s.phone}`]: '500',
      [`handled:${s.phone}`]: '480',
    });
    const otherLeader = await makeUser(db, { role: 'LEADER', teamId: s.team.id, name: 'Other Leader' });
    await saveMonthFromForm(otherLeader, s.team.id, '2025-04', 1, {
      [`received:${s.phone}`]: '510',
      [`handled:${s.phone}`]: '480',
    });
    const error = await saveMonthFromForm(s.leader, s.team.id, '2025-04', 1, {
      [`received:${s.phone}`]: '999',
      [`handled:${s.phone}`]: '480',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MonthConflictError);
    expect((error as MonthConflictError).latestVersion).toBe(2);
    expect((error as MonthConflictError).latestValues[`received:${s.phone}`]).toBe('510');
    expect((error as MonthConflictError).latestBy).toBe('Other Leader');
    expect((await readMonth(db, s.team.id, '2025-04')).state.volumes[s.phone]).toEqual({ received: 510, handled: 480 });
  });

  it('validates the form field by field and saves nothing', async () => {
    const s = await setup();
    const error = await saveMonthFromForm(s.leader, s.team.id, '2025-05', 0, {
      [`received:${s.phone}`]: '10',
      [`handled:${s.phone}`]: '20',
      [`received:${s.email}`]: '-3',
      [`handled:${s.email}`]: '1',
      [`kpi:${s.csat}`]: '140',
      [`reason:${s.billing}`]: '2.5',
    }).catch((e: unknown) => e as { fieldErrors: Record<string, string[]> });
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors).sort()).toEqual(
      [`handled:${s.phone}`, `kpi:${s.csat}`, `reason:${s.billing}`, `received:${s.email}`].sort(),
    );
    expect(await db.monthFigures.count({ where: { teamId: s.team.id } })).toBe(0);
    const ok = await saveMonthFromForm(s.leader, s.team.id, '2025-05', 0, {
      [`received:${s.phone}`]: '10',
      [`handled:${s.phone}`]: '20',
      confirmHandled: 'on',
    });
    expect(ok.outcome).toBe('new');
  });

  it('imports a monthly CSV all or nothing, naming the bad row', async () => {
    const s = await setup();
    const csv = [
      'month,kind,item,value',
      '2025-01,received,Phone,100',
      '2025-01,handled,Phone,90',
      '2025-02,received,Phone,abc',
      '2025-02,handled,Phone,80',
      '2025-03,received,Phone,120',
      '2025-03,handled,Phone,110',
    ].join('\n');
    const error = await applyMonthlyImport(s.leader, s.team.id, csv, { createUnknown: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ where: 'row 4, column value' })]),
    );
    expect(await db.monthFigures.count({ where: { teamId: s.team.id } })).toBe(0);
  });

  it('previews, reports unknown names, creates them when asked, and re-imports as unchanged', async () => {
    const s = await setup();
    const csv =
      '\uFEFFmonth;kind;item;value\n2025-06;received;phone;100\n2025-06;handled;Phone;100\n2025-06;reason;Warranty;12\n2025-06;kpi;CSAT;"88,5"\n2025-06;note;;"Busy; but fine"\n';
    const preview = await previewMonthlyImport(s.leader, s.team.id, csv);
    expect(preview.unknown).toEqual([{ kind: 'reason', name: 'Warranty' }]);
    expect(preview.months).toEqual([{ month: '2025-06', outcome: 'new', figures: 3 }]);
    await expect(applyMonthlyImport(s.leader, s.team.id, csv, { createUnknown: false })).rejects.toBeInstanceOf(
      ImportError,
    );
    expect((await applyMonthlyImport(s.leader, s.team.id, csv, { createUnknown: true })).results).toEqual([
      { month: '2025-06', outcome: 'new' },
    ]);
    const record = await readMonth(db, s.team.id, '2025-06');
    expect(record.state.kpis[s.csat]).toBe(88.5);
    expect(record.state.note).toBe('Busy; but fine');
    expect((await applyMonthlyImport(s.leader, s.team.id, csv, { createUnknown: false })).results).toEqual([
      { month: '2025-06', outcome: 'unchanged' },
    ]);
    expect((await previewMonthlyImport(s.leader, s.team.id, csv)).months[0]!.outcome).toBe('unchanged');
  });

  it('exports CSV that imports back into an identical team unchanged (round trip)', async () => {
    const s = await setup();
    const csv = [
      'month,kind,item,value',
      '2025-07,received,Phone,321',
      '2025-07,handled,Phone,300',
      '2025-07,received,Email,50',
      '2025-07,handled,Email,49',
      '2025-07,reason,Billing,77',
      '2025-07,segment,Consumers,200',
      '2025-07,kpi,CSAT,93.2',
      '2025-07,note,,"Line one, with a comma\nand a second line"',
      '2025-08,received,Phone,400',
      '2025-08,handled,Phone,390',
    ].join('\n');
    await applyMonthlyImport(s.leader, s.team.id, csv, { createUnknown: false });
    const exported = await exportMonthlyCsv(s.leader, s.team.id, '2025-01', '2025-12');
    const twin = await setup();
    await applyMonthlyImport(twin.leader, twin.team.id, exported, { createUnknown: false });
    expect(await exportMonthlyCsv(twin.leader, twin.team.id, '2025-01', '2025-12')).toBe(exported);
    // It ends with where the figures came from, which the import skips as no figure.
    expect(exported.trimEnd().split('\n').at(-1)).toBe(
      `Source: Jul–Aug 2025: Monthly CSV imported ${formatDay(new Date())}.,,,`,
    );
    expect((await applyMonthlyImport(s.leader, s.team.id, exported, { createUnknown: false })).results).toEqual([
      { month: '2025-07', outcome: 'unchanged' },
      { month: '2025-08', outcome: 'unchanged' },
    ]);
  });

  it('ends the CSV with the source note: a switch of help desk names the new one, then the old', async () => {
    const s = await setup();
    const write = (month: string, label: string, received: number) =>
      db.$transaction((tx) =>
        writeMonthTx(tx, {
          actor: s.leader,
          teamId: s.team.id,
          month,
          change: { volumes: { [s.phone]: { received, handled: received } }, reasons: {}, segments: {}, kpis: {} },
          mode: 'merge',
          catalog: s.catalog,
          source: 'ticket-export',
          provenance: { kind: 'IMPORT', label, fileName: 'cases.csv' },
        }),
      );
    await write('2026-07', 'Freshdesk', 2000);
    await write('2026-08', 'Freshdesk', 2100);
    for (const month of ['2026-09', '2026-10', '2026-11']) await write(month, 'Salesforce Service Cloud', 1200);
    const csv = await exportMonthlyCsv(s.leader, s.team.id, '2026-07', '2026-11');
    const lines = csv.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(
      `Source: Sep–Nov 2026: Salesforce Service Cloud export imported ${formatDay(new Date())}; earlier: Freshdesk.,,,`,
    );
    // Only the figures before it: five months of Phone received and handled.
    expect(lines.slice(1, -1)).toHaveLength(10);
    // A window inside one source names it alone; a window with no recorded source has no note.
    expect((await exportMonthlyCsv(s.leader, s.team.id, '2026-07', '2026-08')).trimEnd().split('\n').at(-1)).toBe(
      `Source: Jul–Aug 2026: Freshdesk export imported ${formatDay(new Date())}.,,,`,
    );
    expect(await exportMonthlyCsv(s.leader, s.team.id, '2025-01', '2025-02')).toBe('month,kind,item,value\n');
  });

  it('API writes answer with paths for bad input and refuse other teams', async () => {
    const s = await setup();
    const other = await setup();
    const bad = await putMonthFromApi(
      { kind: 'token', tokenId: 't', teamId: s.team.id, name: 'test' },
      s.team.id,
      '2025-09',
      {
        volumes: [
          { channel: 'Fax', received: 1, handled: 1 },
          { channel: 'phone', received: 5, handled: 9 },
        ],
        reasons: [],
        segments: [],
        kpis: [{ kpi: 'csat', value: 101 }],
      },
    ).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiValidationError);
    expect((bad as ApiValidationError).errors.map((e) => e.path).sort()).toEqual([
      'kpis.0.value',
      'volumes.0.channel',
      'volumes.1.handled',
    ]);
    await expect(
      putMonthFromApi({ kind: 'token', tokenId: 't', teamId: other.team.id, name: 'x' }, s.team.id, '2025-09', {
        volumes: [],
        reasons: [],
        segments: [],
        kpis: [],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      putMonthFromApi({ kind: 'user', actor: other.leader }, s.team.id, '2025-09', {
        volumes: [],
        reasons: [],
        segments: [],
        kpis: [],
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.monthFigures.count({ where: { teamId: s.team.id } })).toBe(0);
    const ok = await putMonthFromApi({ kind: 'user', actor: s.leader }, s.team.id, '2025-09', {
      volumes: [{ channel: 'PHONE', received: 5, handled: 4 }],
      reasons: [],
      segments: [],
      kpis: [{ kpi: 'CSAT', value: 90 }],
    });
    expect(ok.outcome).toBe('new');
    expect(ok.figures.volumes).toEqual([{ channel: 'Phone', received: 5, handled: 4 }]);
  });
});
