import 'server-only';
import { db } from '../db';
import { loadCatalog, readMonths, type Catalog, type MonthRecord } from '../figures/figures';
import { addMonths, currentMonth } from '../dates/month';
import { receivedTotal } from '../figures/state';
import { NO_BREAKS, type BreakRule } from '../figures/breaks';
import { COUNTS_PART } from '../figures/provenance';
import { loadBreakRuleUnchecked, loadKpiSourcesUnchecked } from '../figures/sources';
import { kpiUnitText } from '../format';
import type { SparkPoint } from './sparkline';

export type Change = {
  previous: number | null;
  delta: number | null;
  percent: number | null;
  /** False when the two months span a change of source (lib/figures/breaks.ts). */
  comparable?: boolean;
};
export type Headline = {
  key: string;
  label: string;
  value: number;
  unit: string;
  decimals: number;
  vsLastMonth: Change;
  vsLastYear: Change;
  target?: number | null;
  /** Whether the value meets its target, in the KPI's own direction. */
  onTarget?: boolean | null;
  /** +1 when a rise is good, -1 when a fall is good, 0 when neither (volumes). */
  goodDirection: 1 | -1 | 0;
  /** Where a KPI came from when not from where the month's counts did. */
  source?: string;
};
export type TeamHeadlines = {
  month: string;
  headlines: Headline[];
  note: string | null;
  spark: SparkPoint[];
};

function change(value: number, previous: number | null, comparable = true): Change {
  if (!comparable) return { previous, delta: null, percent: null, comparable: false };
  if (previous === null) return { previous: null, delta: null, percent: null };
  return { previous, delta: value - previous, percent: previous === 0 ? null : ((value - previous) / previous) * 100 };
}

const totalOf = (r: MonthRecord | undefined) =>
  r && Object.keys(r.state.volumes).length ? receivedTotal(r.state) : null;

/** Headline numbers of a month: total contacts, the biggest channels, every active KPI. */
export function headlinesFor(
  catalog: Catalog,
  records: MonthRecord[],
  month: string,
  rule: BreakRule = NO_BREAKS,
  /** KPIs from another source than the month's counts (lib/figures/sources.ts), labelled on their tile. */
  kpiSources: Record<string, string> = {},
): TeamHeadlines | null {
  const vsMonth = (part: string) => rule.comparable(addMonths(month, -1), month, part);
  const vsYear = (part: string) => rule.comparable(addMonths(month, -12), month, part);
  const byMonth = new Map(records.map((r) => [r.month, r]));
  const now = byMonth.get(month);
  if (!now) return null;
  const last = byMonth.get(addMonths(month, -1));
  const lastYear = byMonth.get(addMonths(month, -12));
  const headlines: Headline[] = [];
  const total = totalOf(now);
  if (total !== null) {
    headlines.push({
      key: 'contacts',
      label: 'Contacts',
      value: total,
      unit: '',
      decimals: 0,
      vsLastMonth: change(total, totalOf(last), vsMonth(COUNTS_PART)),
      vsLastYear: change(total, totalOf(lastYear), vsYear(COUNTS_PART)),
      goodDirection: 0,
    });
  }
  const channels = catalog.channels
    .filter((c) => now.state.volumes[c.id])
    .sort((a, b) => now.state.volumes[b.id]!.received - now.state.volumes[a.id]!.received)
    .slice(0, 3);
  for (const c of channels) {
    const v = now.state.volumes[c.id]!.received;
    headlines.push({
      key: `channel-${c.id}`,
      label: c.name,
      value: v,
      unit: '',
      decimals: 0,
      vsLastMonth: change(v, last?.state.volumes[c.id]?.received ?? null, vsMonth(COUNTS_PART)),
      vsLastYear: change(v, lastYear?.state.volumes[c.id]?.received ?? null, vsYear(COUNTS_PART)),
      goodDirection: 0,
    });
  }
  for (const k of catalog.kpis.filter((kpi) => !kpi.archivedAt && now.state.kpis[kpi.id] !== undefined)) {
    const v = now.state.kpis[k.id]!;
    const higher = k.direction === 'HIGHER_IS_BETTER';
    headlines.push({
      key: `kpi-${k.id}`,
      label: k.name,
      value: v,
      unit: kpiUnitText(k.unit),
      decimals: k.decimals,
      vsLastMonth: change(v, last?.state.kpis[k.id] ?? null, vsMonth(k.id)),
      vsLastYear: change(v, lastYear?.state.kpis[k.id] ?? null, vsYear(k.id)),
      target: k.target,
      onTarget: k.target === null ? null : higher ? v >= k.target : v <= k.target,
      goodDirection: higher ? 1 : -1,
      ...(kpiSources[k.id] ? { source: kpiSources[k.id] } : {}),
    });
  }
  const countBreaks = rule.breaksFor(COUNTS_PART);
  const spark = Array.from({ length: 12 }, (_, i) => addMonths(month, i - 11)).map((m, i): SparkPoint => {
    const changed = i > 0 ? countBreaks.find((b) => b.month === m) : undefined;
    return { month: m, total: totalOf(byMonth.get(m)), ...(changed ? { sourceChanged: changed.sentence } : {}) };
  });
  return { month, headlines, note: now.state.note, spark };
}

/** The latest complete month that has figures (or null for a new team). */
async function latestFiguresMonth(teamId: string): Promise<string | null> {
  const row = await db.monthFigures.findFirst({
    where: { teamId, month: { lte: addMonths(currentMonth(), -1) } },
    orderBy: { month: 'desc' },
    select: { month: true },
  });
  return row?.month ?? null;
}

/**
 * A team's headlines without checking who asks: every signed-in user may see them, and the one
 * caller (the dashboard's shared card cache) checks the reader before reaching the cache.
 */
export async function teamHeadlinesUnchecked(teamId: string, month?: string): Promise<TeamHeadlines | null> {
  const target = month ?? (await latestFiguresMonth(teamId));
  if (!target) return null;
  const [catalog, records, rule, kpiSources] = await Promise.all([
    loadCatalog(db, teamId),
    readMonths(db, teamId, addMonths(target, -12), target),
    loadBreakRuleUnchecked(db, teamId),
    loadKpiSourcesUnchecked(db, teamId, target),
  ]);
  return headlinesFor(catalog, records, target, rule, kpiSources);
}
