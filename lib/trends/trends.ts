import 'server-only';
import { loadBreakRuleUnchecked, loadSourceSpansUnchecked } from '../figures/sources';
import { COUNTS_PART } from '../figures/breaks';
import { sourceLine, sourceNoteOf } from '../figures/source-note';
import { toSafeCsv } from '../csv';
import { db } from '../db';
import { type Actor, assertSignedIn } from '../authz';
import { loadCatalog, readMonths } from '../figures/figures';
import { buildCharts, chartTable, kpiChartId, type Annotation, type ChartSpec } from './charts';
import { chartNumber, mergeAnnotations } from '../charts/chart-spec';
import { monthRange, monthsBetween } from '../dates/month';
import { monthWindow, type TrendsQuery } from './query';
import { loadOutcomeAnnotationsUnchecked } from '../outcomes/edition';

/** Trends are for every signed-in reader: execs study them, colleagues browse them. */
function assertCanRead(actor: Actor) {
  assertSignedIn(actor);
}

/** Wins, project updates and outcomes in the window, as annotations on the month they happened. */
export async function loadAnnotations(actor: Actor, teamId: string, from: string, to: string): Promise<Annotation[]> {
  assertCanRead(actor);
  return annotationsFor(teamId, from, to);
}

async function annotationsFor(teamId: string, from: string, to: string): Promise<Annotation[]> {
  const range = { gte: monthRange(from).start, lt: monthRange(to).end };
  const [wins, updates, outcomes] = await Promise.all([
    db.win.findMany({
      where: { teamId, deletedAt: null, occurredOn: range },
      orderBy: { occurredOn: 'asc' },
      select: { title: true, occurredOn: true },
    }),
    db.projectUpdate.findMany({
      where: { teamId, postedOn: range },
      orderBy: { postedOn: 'asc' },
      select: { postedOn: true, body: true, project: { select: { name: true } } },
    }),
    loadOutcomeAnnotationsUnchecked(db, teamId, from, to),
  ]);
  const short = (text: string) => (text.length > 90 ? `${text.slice(0, 87).trimEnd()}…` : text).replace(/[#*_`>]/g, '');
  return mergeAnnotations(
    [
      ...wins.map((w) => ({
        month: w.occurredOn.toISOString().slice(0, 7),
        label: `Win: ${w.title}`,
        kind: 'win' as const,
      })),
      ...updates.map((u) => ({
        month: u.postedOn.toISOString().slice(0, 7),
        label: `${u.project.name}: ${short(u.body)}`,
        kind: 'project' as const,
      })),
      ...outcomes,
    ].sort((a, b) => a.month.localeCompare(b.month)),
  );
}

/** The most months × teams one trends page shows: 20 years of one team, or 5 years of four. */
export const MAX_TEAM_MONTHS = 240;

/** A view past MAX_TEAM_MONTHS: how many it asked for. */
export type TrendsTooLarge = { teamMonths: number; limit: number };

export type TeamTrends = {
  team: { id: string; name: string; slug: string };
  from: string;
  to: string;
  charts: ChartSpec[];
  /** Each chart's source note by chart id (lib/figures/source-note.ts): under its table and in its CSV. */
  sourceNotes: Record<string, string>;
  kpiOptions: { key: string; name: string }[];
  empty: boolean;
};

export async function getTrends(actor: Actor, query: TrendsQuery) {
  assertCanRead(actor);
  return trendsUnchecked(query, actor.teamId);
}

/**
 * Trends for a query, with `readerTeamId`'s team when it names none. Answers anyone: its callers
 * checked the reader, getTrends through the session and the kept trends page through the proxy's
 * gate (lib/kept/gate.ts), which alone can reach it.
 */
export async function trendsUnchecked(query: TrendsQuery, readerTeamId: string | null) {
  const teams = await db.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true } });
  // No team chosen: the reader's own team, else the first one.
  const chosen = query.team.length
    ? teams.filter((t) => query.team.includes(t.slug))
    : teams.filter((t) => t.id === readerTeamId).concat(readerTeamId ? [] : teams.slice(0, 1));
  const windows = await Promise.all(
    chosen.slice(0, 4).map(async (team) => {
      const earliest = await db.monthFigures.findFirst({
        where: { teamId: team.id },
        orderBy: { month: 'asc' },
        select: { month: true },
      });
      return { team, ...monthWindow(query, earliest?.month ?? null) };
    }),
  );
  // Every month of every team is a row in each chart's table: past a bound the page would be
  // megabytes and seconds. Refused with a way forward instead.
  const teamMonths = windows.reduce((sum, w) => sum + monthsBetween(w.from, w.to).length, 0);
  if (teamMonths > MAX_TEAM_MONTHS)
    return { teams, sections: [] as TeamTrends[], tooLarge: { teamMonths, limit: MAX_TEAM_MONTHS } };
  const sections: TeamTrends[] = [];
  for (const { team, from, to } of windows) {
    const catalog = await loadCatalog(db, team.id);
    const year = to.slice(0, 4);
    // One read covers the window and the two calendar years the year-on-year chart compares.
    const yoyFrom = `${Number(year) - 1}-01`;
    const yoyTo = `${year}-12`;
    const readFrom = from < yoyFrom ? from : yoyFrom;
    const readTo = to > yoyTo ? to : yoyTo;
    const [all, annotations, rule, spans] = await Promise.all([
      readMonths(db, team.id, readFrom, readTo),
      annotationsFor(team.id, from, to),
      loadBreakRuleUnchecked(db, team.id),
      loadSourceSpansUnchecked(db, team.id, readFrom, readTo),
    ]);
    const records = all.filter((r) => r.month >= from && r.month <= to);
    const twoYears = all.filter((r) => r.month >= yoyFrom && r.month <= yoyTo);
    const charts = buildCharts(catalog, records, from, to, query.kpi, twoYears, annotations, rule);
    // A KPI chart's months came from where that KPI did (an import may keep it from the old desk).
    const partOf = new Map(catalog.kpis.map((k) => [kpiChartId(k.nameKey), k.id]));
    const sourceNotes: Record<string, string> = {};
    for (const c of charts) {
      const [a, b] = c.id === 'year-over-year' ? [yoyFrom, yoyTo] : [from, to];
      const note = sourceNoteOf(spans, partOf.get(c.id) ?? COUNTS_PART, a, b);
      if (note) sourceNotes[c.id] = note;
    }
    sections.push({
      team,
      from,
      to,
      charts,
      sourceNotes,
      kpiOptions: catalog.kpis.filter((k) => !k.archivedAt).map((k) => ({ key: k.nameKey, name: k.name })),
      empty: records.length === 0,
    });
  }
  return { teams, sections, tooLarge: null };
}

/** One chart of one team as CSV: exactly the rows its data table shows. */
export async function trendCsv(
  actor: Actor,
  query: TrendsQuery,
  chartId: string,
): Promise<{ filename: string; csv: string } | null> {
  const { sections } = await getTrends(actor, { ...query, team: query.team.slice(0, 1) });
  const section = sections[0];
  const chart = section?.charts.find((c) => c.id === chartId);
  if (!section || !chart) return null;
  const { header, rows } = chartTable(chart);
  const note = section.sourceNotes[chart.id];
  return {
    filename: `${section.team.slug}-${chart.id}-${section.from}-to-${section.to}.csv`,
    // Numbers as the table on the page writes them (a KPI in its decimals): the file says what it shows.
    csv: toSafeCsv([
      header,
      ...rows.map((row) => row.map((c) => (typeof c === 'number' ? chartNumber(chart, c, { csv: true }) : c))),
      // Where the figures came from, as the table on the page says below it (as wide as the rest,
      // so a strict reader takes the file).
      ...(note ? [[sourceLine(note), ...header.slice(1).map(() => '')]] : []),
    ]),
  };
}
