import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { ForbiddenError } from '../errors';
import { makeCatalog, makeProject, makeTeam, makeUser, makeWin } from '../../prisma/factories';
import { loadCatalog, writeMonthTx } from '../figures/figures';
import { addMonths, currentMonth } from '../dates/month';
import { chartNumber } from '../charts/chart-spec';
import { chartGeometry } from '../charts/geometry';
import { chartTable } from './charts';
import { formatDay } from '../dates/day';
import { loadKpiSourcesUnchecked } from '../figures/sources';
import type { MonthChange } from '../figures/state';
import { trendsQuerySchema } from './query';
import { getTrends, loadAnnotations, MAX_TEAM_MONTHS, trendCsv } from './trends';

const latest = addMonths(currentMonth(), -1);

async function teamWithMonths(months: { month: string; phone: number; csat?: number }[]) {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, { kpis: [{ name: 'CSAT', unit: 'PERCENT', target: 90 }] });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const catalog = await loadCatalog(db, team.id);
  const phone = catalog.channels.find((c) => c.name === 'Phone')!.id;
  const csat = catalog.kpis[0]!.id;
  for (const m of months) {
    await db.$transaction((tx) =>
      writeMonthTx(tx, {
        actor: leader,
        teamId: team.id,
        month: m.month,
        change: {
          volumes: { [phone]: { received: m.phone, handled: m.phone } },
          reasons: {},
          segments: {},
          kpis: m.csat === undefined ? {} : { [csat]: m.csat },
        },
        mode: 'merge',
        catalog,
        source: 'test',
      }),
    );
  }
  return { team, leader };
}

describe('trends', () => {
  it('leaves a missing month as a gap, never a zero, and copes with a brand-new team', async () => {
    const { team, leader } = await teamWithMonths([
      { month: addMonths(latest, -2), phone: 100, csat: 91 },
      { month: latest, phone: 120 },
    ]);
    const { sections } = await getTrends(leader, trendsQuerySchema.parse({ team: team.slug, range: '12' }));
    const contacts = sections[0]!.charts.find((c) => c.id === 'contacts')!;
    expect(contacts.rows).toHaveLength(12);
    expect(contacts.rows.at(-1)).toEqual({ month: latest, Phone: 120, total: 120 });
    expect(contacts.rows.at(-2)).toEqual({ month: addMonths(latest, -1), Phone: null, total: null });
    const csat = sections[0]!.charts.find((c) => c.id === 'kpi-csat')!;
    expect(csat.rows.at(-1)).toEqual({ month: latest, CSAT: null, Target: 90 });

    const fresh = await makeTeam(db);
    const empty = await getTrends(leader, trendsQuerySchema.parse({ team: fresh.slug, range: 'all' }));
    expect(empty.sections[0]!.empty).toBe(true);
    expect(empty.sections[0]!.charts.find((c) => c.id === 'contacts')!.rows).toEqual([{ month: latest, total: null }]);
  });

  it('draws wins and project updates on the months they happened', async () => {
    const { team, leader } = await teamWithMonths([{ month: latest, phone: 10 }]);
    await makeWin(db, {
      teamId: team.id,
      recordedById: leader.id,
      title: 'Zero backlog',
      occurredOn: new Date(`${latest}-12T00:00:00Z`),
    });
    const removed = await makeWin(db, {
      teamId: team.id,
      recordedById: leader.id,
      title: 'Removed win',
      occurredOn: new Date(`${latest}-13T00:00:00Z`),
    });
    await db.win.update({ where: { id: removed.id }, data: { deletedAt: new Date() } });
    const project = await makeProject(db, { teamId: team.id, ownerId: leader.id, name: 'New chat tool' });
    await db.projectUpdate.create({
      data: {
        teamId: team.id,
        projectId: project.id,
        authorId: leader.id,
        postedOn: new Date(`${addMonths(latest, -3)}-02T00:00:00Z`),
        body: 'Moved **40%** of chat',
      },
    });
    const notes = await loadAnnotations(leader, team.id, addMonths(latest, -11), latest);
    expect(notes).toEqual([
      { month: addMonths(latest, -3), label: 'New chat tool: Moved 40% of chat', kind: 'project' },
      { month: latest, label: 'Win: Zero backlog', kind: 'win' },
    ]);
    const { sections } = await getTrends(leader, trendsQuerySchema.parse({ team: team.slug }));
    expect(sections[0]!.charts.find((c) => c.id === 'contacts')!.annotations).toEqual(notes);
  });

  it('downloads exactly the rows the chart and its table show', async () => {
    const { team, leader } = await teamWithMonths([
      { month: addMonths(latest, -1), phone: 50, csat: 88.5 },
      { month: latest, phone: 70, csat: 92 },
    ]);
    const query = trendsQuerySchema.parse({ team: team.slug, range: '24' });
    const { sections } = await getTrends(leader, query);
    for (const chart of sections[0]!.charts) {
      const csv = await trendCsv(leader, query, chart.id);
      const table = chartTable(chart);
      const rows = parse(csv!.csv) as string[][];
      expect(rows[0]).toEqual(table.header);
      // Numbers as the table writes them (a KPI in its decimals), never grouped.
      const cellText = (cell: string | number | null) =>
        cell === null ? '' : typeof cell === 'number' ? chartNumber(chart, cell, { csv: true }) : cell;
      // The table's rows, then where they came from (hand entry here) on a line of its own.
      expect(rows.slice(1, -1)).toEqual(table.rows.map((r) => r.map(cellText)));
      expect(rows.at(-1)).toEqual([
        `Source: ${sections[0]!.sourceNotes[chart.id]}`,
        ...table.header.slice(1).map(() => ''),
      ]);
      expect(rows.at(-1)![0]).toMatch(/: Entered by hand \d{1,2} \w{3} \d{4}\.$/);
      expect(rows.slice(1).flat()).not.toContainEqual(expect.stringMatching(/^\d{1,3}(,\d{3})+/));
    }
    expect(await trendCsv(leader, query, 'no-such-chart')).toBeNull();
  });
});

describe('where trends figures came from', () => {
  it('ends each chart’s CSV with its own source note: the counts switched desk, CSAT was kept', async () => {
    const team = await makeTeam(db);
    await makeCatalog(db, team.id, { kpis: [{ name: 'CSAT', unit: 'PERCENT', target: 90 }] });
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const catalog = await loadCatalog(db, team.id);
    const phone = catalog.channels.find((c) => c.name === 'Phone')!.id;
    const csat = catalog.kpis[0]!.id;
    const write = (month: string, label: string, change: Partial<MonthChange>) =>
      db.$transaction((tx) =>
        writeMonthTx(tx, {
          actor: leader,
          teamId: team.id,
          month,
          change: { volumes: {}, reasons: {}, segments: {}, kpis: {}, ...change },
          mode: 'merge',
          catalog,
          source: 'ticket-export',
          provenance: { kind: 'IMPORT', label, fileName: `${label}.csv` },
        }),
      );
    // Freshdesk gave every month's contacts and CSAT; Salesforce replaced the last two months'
    // contacts and had no CSAT column, so CSAT stays Freshdesk's.
    for (const month of ['2025-08', '2025-09', '2025-10', '2025-11'])
      await write(month, 'Freshdesk', { volumes: { [phone]: { received: 100, handled: 90 } }, kpis: { [csat]: 90 } });
    for (const month of ['2025-10', '2025-11'])
      await write(month, 'Salesforce Service Cloud', { volumes: { [phone]: { received: 60, handled: 60 } } });

    const today = formatDay(new Date());
    const query = trendsQuerySchema.parse({ team: team.slug, range: 'custom', from: '2025-08', to: '2025-11' });
    const lastLine = async (chart: string) =>
      (parse((await trendCsv(leader, query, chart))!.csv) as string[][]).at(-1)!.filter((c) => c !== '');
    const counts = `Source: Oct–Nov 2025: Salesforce Service Cloud export imported ${today}; earlier: Freshdesk.`;
    expect(await lastLine('contacts')).toEqual([counts]);
    expect(await lastLine('reasons')).toEqual([counts]);
    expect(await lastLine('year-over-year')).toEqual([counts]);
    expect(await lastLine('kpi-csat')).toEqual([`Source: Aug–Nov 2025: Freshdesk export imported ${today}.`]);

    // The two-year chart invites reading 2025 against 2024: it says the counts changed source.
    const { sections: shown } = await getTrends(leader, query);
    const yoy = shown[0]!.charts.find((c) => c.id === 'year-over-year')!;
    const sentence =
      'Source changed in October 2025 (Freshdesk → Salesforce Service Cloud): changes across it are not comparable.';
    expect(yoy.breaks).toEqual([{ month: '2025-10', sentence, series: '2025' }]);
    // 2025's line is drawn in two pieces, split at October with the marker; 2024's is not split.
    const g = chartGeometry(yoy);
    expect(g.paths[yoy.series.findIndex((s) => s.key === '2025')]!.d.match(/M/g)).toHaveLength(2);
    expect(g.paths[yoy.series.findIndex((s) => s.key === '2024')]!.d.match(/M/g) ?? []).toHaveLength(0);
    expect(g.breakMarkers).toEqual([{ xPct: expect.any(Number), month: 'Oct', sentence }]);
    expect(g.columns[9]!.lines).toContain(sentence);
    // The edition labels CSAT with its own source in the months whose counts came from Salesforce.
    expect(await loadKpiSourcesUnchecked(db, team.id, '2025-11')).toEqual({
      [csat]: `Freshdesk export imported ${today}`,
    });
    expect(await loadKpiSourcesUnchecked(db, team.id, '2025-09')).toEqual({});

    // A window before the switch names only the old desk.
    const before = trendsQuerySchema.parse({ team: team.slug, range: 'custom', from: '2025-08', to: '2025-09' });
    const { sections } = await getTrends(leader, before);
    expect(sections[0]!.sourceNotes.contacts).toBe(`Aug–Sep 2025: Freshdesk export imported ${today}.`);
  });
});

describe('trends access', () => {
  it('refuses a deactivated user, annotations included', async () => {
    const { team } = await teamWithMonths([{ month: latest, phone: 10 }]);
    const gone = await makeUser(db, { role: 'EXEC', active: false });
    await expect(loadAnnotations(gone, team.id, addMonths(latest, -11), latest)).rejects.toThrow(ForbiddenError);
    await expect(getTrends(gone, trendsQuerySchema.parse({ team: team.slug }))).rejects.toThrow(ForbiddenError);
  });
});

describe('a trends view past its bound', () => {
  it('is refused with the count and the limit instead of megabytes of charts; within it, charts as usual', async () => {
    // Only the first month's figures matter for the window: "All months" runs from them to last month.
    const first = addMonths(latest, -(MAX_TEAM_MONTHS - 20));
    const a = await teamWithMonths([{ month: first, phone: 10 }]);
    const b = await teamWithMonths([{ month: first, phone: 10 }]);
    const months = MAX_TEAM_MONTHS - 19;
    const one = await getTrends(a.leader, trendsQuerySchema.parse({ team: a.team.slug, range: 'all' }));
    expect(one.tooLarge).toBeNull();
    expect(one.sections).toHaveLength(1);
    const both = await getTrends(a.leader, trendsQuerySchema.parse({ team: [a.team.slug, b.team.slug], range: 'all' }));
    expect(both.sections).toEqual([]);
    expect(both.tooLarge).toEqual({ teamMonths: months * 2, limit: MAX_TEAM_MONTHS });
  });
});
