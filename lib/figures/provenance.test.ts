import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeTeam, makeUser } from '../../prisma/factories';
import { NOT_COMPARABLE } from '../change';
import { headlineChange } from '../dashboard/headline-change';
import { teamHeadlinesUnchecked } from '../dashboard/headlines';
import { ForbiddenError } from '../errors';
import { loadContent } from '../editions/load';
import { metricChange, suggestHighlights } from '../editions/content';
import { putMonthFromApi } from './api-months';
import { COUNTS_PART } from './breaks';
import { loadCatalog } from './figures';
import { saveMonthFromForm } from './month-save';
import {
  declareSourceBreak,
  listFigureSources,
  loadBreakRuleUnchecked,
  loadSourceNoteUnchecked,
  setComparableAcrossBreak,
} from './sources';
import { applyTicketImport, loadTicketImportContext } from './ticket-import';

async function setup() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id, name: 'Lea Leader' });
  const catalog = await loadCatalog(db, team.id);
  const id = (list: { id: string; name: string }[], name: string) => list.find((i) => i.name === name)!.id;
  return {
    team,
    leader,
    phone: id(catalog.channels, 'Phone'),
    csat: id(catalog.kpis, 'CSAT'),
    frt: id(catalog.kpis, 'First response time'),
  };
}
type S = Awaited<ReturnType<typeof setup>>;

const sourcesOf = (teamId: string, month: string) =>
  db.figureSource.findMany({
    where: { teamId, month },
    select: { part: true, kind: true, label: true, fileName: true, actorId: true, tokenId: true },
    orderBy: { part: 'asc' },
  });

/** A help-desk export covering `months` with Phone contacts and, when given, CSAT. */
function importFrom(
  s: S,
  kind: string,
  months: Record<string, { phone: number; csat?: number }>,
  clear: string[] = [],
) {
  return applyTicketImport(s.leader, s.team.id, {
    months: Object.entries(months).map(([month, v]) => ({
      month,
      payload: {
        volumes: [{ channel: 'Phone', received: v.phone, handled: v.phone }],
        reasons: [],
        segments: [],
        kpis: v.csat === undefined ? [] : [{ kpi: 'CSAT', value: v.csat }],
      },
    })),
    cover: {
      reasons: false,
      segments: false,
      kpis: Object.values(months).some((v) => v.csat !== undefined) ? ['CSAT'] : [],
    },
    sourceKind: kind,
    fileName: `${kind.toLowerCase().replace(/\W+/g, '-')}.csv`,
    clear,
  });
}

describe('where each figure came from', () => {
  it('the month form records a hand entry with who; the API its token; an import its kind, file and who', async () => {
    const s = await setup();
    await saveMonthFromForm(s.leader, s.team.id, '2025-01', 0, {
      [`received:${s.phone}`]: '500',
      [`handled:${s.phone}`]: '480',
      [`kpi:${s.csat}`]: '91',
    });
    expect(await sourcesOf(s.team.id, '2025-01')).toEqual(
      [
        {
          part: COUNTS_PART,
          kind: 'MANUAL',
          label: 'Entered by hand',
          fileName: null,
          actorId: s.leader.id,
          tokenId: null,
        },
        { part: s.csat, kind: 'MANUAL', label: 'Entered by hand', fileName: null, actorId: s.leader.id, tokenId: null },
      ].sort((a, b) => a.part.localeCompare(b.part)),
    );

    const token = await db.apiToken.create({
      data: { teamId: s.team.id, name: 'Zendesk sync', tokenHash: `h-${s.team.id}`, prefix: 'sr_x' },
    });
    await putMonthFromApi(
      { kind: 'token', tokenId: token.id, teamId: s.team.id, name: 'Zendesk sync' },
      s.team.id,
      '2025-02',
      {
        volumes: [{ channel: 'Phone', received: 10, handled: 10 }],
        reasons: [],
        segments: [],
        kpis: [],
      },
    );
    expect(await sourcesOf(s.team.id, '2025-02')).toEqual([
      {
        part: COUNTS_PART,
        kind: 'API',
        label: 'API token “Zendesk sync”',
        fileName: null,
        actorId: null,
        tokenId: token.id,
      },
    ]);

    await importFrom(s, 'Salesforce Service Cloud', { '2025-03': { phone: 70 } });
    expect(await sourcesOf(s.team.id, '2025-03')).toEqual([
      {
        part: COUNTS_PART,
        kind: 'IMPORT',
        label: 'Salesforce Service Cloud',
        fileName: 'salesforce-service-cloud.csv',
        actorId: s.leader.id,
        tokenId: null,
      },
    ]);
    // The figures page lists them with the person's name.
    const listed = await listFigureSources(s.leader, s.team.id);
    expect(listed.get('2025-01')?.[0]).toMatchObject({ by: 'Lea Leader', kind: 'MANUAL' });
    const agent = await makeUser(db, { role: 'AGENT', teamId: s.team.id });
    await expect(listFigureSources(agent, s.team.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('a KPI the file does not cover is kept with its own source, or cleared when the leader says so', async () => {
    const s = await setup();
    await saveMonthFromForm(s.leader, s.team.id, '2025-04', 0, {
      [`received:${s.phone}`]: '500',
      [`handled:${s.phone}`]: '480',
      [`kpi:${s.csat}`]: '91',
      [`kpi:${s.frt}`]: '42',
    });
    await importFrom(s, 'Salesforce Service Cloud', { '2025-04': { phone: 610, csat: 88 } });
    const kept = await sourcesOf(s.team.id, '2025-04');
    expect(kept.find((x) => x.part === COUNTS_PART)?.label).toBe('Salesforce Service Cloud');
    expect(kept.find((x) => x.part === s.csat)?.label).toBe('Salesforce Service Cloud');
    expect(kept.find((x) => x.part === s.frt)).toMatchObject({ kind: 'MANUAL', label: 'Entered by hand' });
    expect(await db.kpiValue.count({ where: { kpiId: s.frt } })).toBe(1);
    // The import page's preview reads "kept from Entered by hand, <day>" from the context.
    const context = await loadTicketImportContext(s.leader, s.team.id);
    expect(context.kpiSources['2025-04']?.['First response time']).toEqual({
      label: 'Entered by hand',
      day: expect.stringMatching(/\d{4}$/),
    });

    await importFrom(s, 'Salesforce Service Cloud', { '2025-04': { phone: 611, csat: 88 } }, ['First response time']);
    expect(await db.kpiValue.count({ where: { kpiId: s.frt } })).toBe(0);
    expect((await sourcesOf(s.team.id, '2025-04')).map((x) => x.part)).not.toContain(s.frt);
  });

  it('an import from another help desk than the month before makes a break the edition and dashboard follow', async () => {
    const s = await setup();
    await importFrom(s, 'Freshdesk', {
      '2024-09': { phone: 2000, csat: 90 },
      '2025-07': { phone: 2000, csat: 90 },
      '2025-08': { phone: 2000, csat: 90 },
    });
    await importFrom(s, 'Salesforce Service Cloud', {
      '2025-09': { phone: 1000, csat: 80 },
      '2025-10': { phone: 1000, csat: 80 },
    });
    const rule = await loadBreakRuleUnchecked(db, s.team.id);
    expect(rule.comparable('2025-08', '2025-09', COUNTS_PART)).toBe(false);
    expect(rule.comparable('2024-09', '2025-09', s.csat)).toBe(false);
    expect(rule.comparable('2025-09', '2025-10', COUNTS_PART)).toBe(true);

    const content = await loadContent(db, s.team, '2025-09', []);
    expect(metricChange(content.total, 'lastMonth').text).toBe(NOT_COMPARABLE);
    expect(metricChange(content.total, 'lastYear').text).toBe(NOT_COMPARABLE);
    expect(suggestHighlights(content, null)).not.toMatch(/on August 2025|on September 2024/);
    expect(content.charts.find((c) => c.id === 'contacts')?.breaks?.[0]?.month).toBe('2025-09');
    expect(await loadSourceNoteUnchecked(db, s.team.id, '2024-09', '2025-10')).toMatch(
      /^Sep–Oct 2025: Salesforce Service Cloud export imported .*; earlier: Freshdesk\.$/,
    );

    const card = await teamHeadlinesUnchecked(s.team.id, '2025-09');
    const contacts = card!.headlines.find((h) => h.key === 'contacts')!;
    expect(headlineChange(contacts, contacts.vsLastMonth).text).toBe(NOT_COMPARABLE);
    const october = await teamHeadlinesUnchecked(s.team.id, '2025-10');
    const octContacts = october!.headlines.find((h) => h.key === 'contacts')!;
    expect(headlineChange(octContacts, octContacts.vsLastMonth).text).toBe('no change');

    // The leader says CSAT means the same on both desks: it is compared again, audited.
    await setComparableAcrossBreak(s.leader, s.team.id, { month: '2025-09', part: s.csat, comparable: true });
    const again = await loadContent(db, s.team, '2025-09', []);
    expect(
      metricChange(
        again.kpis.find((k) => k.key === s.csat)!,
        'lastMonth',
      ).text,
    ).toBe('−10.0\u00a0pts');
    expect(metricChange(again.total, 'lastMonth').text).toBe(NOT_COMPARABLE);
    expect(await db.auditEvent.count({ where: { entityId: s.team.id, action: 'source_break.comparable' } })).toBe(1);
  });

  it('a leader declares a change of help desk with a sentence of why: audited, and comparisons across it stop', async () => {
    const s = await setup();
    for (const [month, n] of [
      ['2025-05', '300'],
      ['2025-06', '100'],
    ] as const)
      await saveMonthFromForm(s.leader, s.team.id, month, 0, {
        [`received:${s.phone}`]: n,
        [`handled:${s.phone}`]: n,
      });
    expect((await loadContent(db, s.team, '2025-06', [])).total.notComparable).toBeUndefined();
    await expect(declareSourceBreak(s.leader, s.team.id, { month: '2025-06', reason: '' })).rejects.toThrow();
    await declareSourceBreak(s.leader, s.team.id, { month: '2025-06', reason: 'We moved from Zendesk to Front.' });
    const content = await loadContent(db, s.team, '2025-06', []);
    expect(metricChange(content.total, 'lastMonth').text).toBe(NOT_COMPARABLE);
    expect(content.sourceBreaks?.[0]?.sentence).toBe(
      'Source changed in June 2025 (We moved from Zendesk to Front): changes across it are not comparable.',
    );
    const audit = await db.auditEvent.findFirst({ where: { entityId: s.team.id, action: 'source_break.declare' } });
    expect(audit?.actorId).toBe(s.leader.id);
    const agent = await makeUser(db, { role: 'AGENT', teamId: s.team.id });
    await expect(
      declareSourceBreak(agent, s.team.id, { month: '2025-06', reason: 'Not mine to say.' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
