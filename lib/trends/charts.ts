// Chart specifications built on the server from a team's figures: the chart, its data table
// and its CSV download all read the same `rows`, so they cannot disagree.
import type { Catalog, MonthRecord } from '../figures/figures';
import { monthsBetween } from '../dates/month';
import { receivedTotal } from '../figures/state';
import { UNIT_LABELS } from '../team-settings/kpi-schemas';
import { formatWithUnit, kpiUnitText } from '../format';

import {
  ALL_KEY as ALL,
  type Annotation,
  type ChartBreak,
  type ChartSpec,
  type Row,
  type Series,
} from '../charts/chart-spec';
import { COUNTS_PART, NO_BREAKS, type BreakRule } from '../figures/breaks';

export { chartTable, type Annotation, type ChartSpec, type Row, type Series } from '../charts/chart-spec';

function seriesOf(items: { id: string; name: string }[], used: Set<string>): Series[] {
  // Archived items stay while they hold figures in the window; unused ones would be empty noise.
  return items.filter((i) => used.has(i.id)).map((i) => ({ key: i.name, label: i.name }));
}

/** A KPI's chart id, from its name key: trends finds the KPI behind a chart by it. */
export const kpiChartId = (nameKey: string) => `kpi-${nameKey.replace(/[^a-z0-9]+/g, '-')}`;

export function buildCharts(
  catalog: Catalog,
  records: MonthRecord[],
  from: string,
  to: string,
  kpiKeys: string[],
  lastYear: MonthRecord[],
  annotations: Annotation[] = [],
  rule: BreakRule = NO_BREAKS,
): ChartSpec[] {
  const months = monthsBetween(from, to);
  // Breaks inside the window (a break at its first month has nothing before it to separate).
  const breaksOf = (part: string): { breaks?: ChartBreak[] } => {
    const inside = rule
      .breaksFor(part)
      .filter((b) => b.month > from && b.month <= to)
      .map((b) => ({ month: b.month, sentence: b.sentence }));
    return inside.length ? { breaks: inside } : {};
  };
  const countBreaks = breaksOf(COUNTS_PART);
  const byMonth = new Map(records.map((r) => [r.month, r]));
  const usedChannels = new Set(records.flatMap((r) => Object.keys(r.state.volumes)));
  const usedReasons = new Set(records.flatMap((r) => Object.keys(r.state.reasons)));
  const usedSegments = new Set(records.flatMap((r) => Object.keys(r.state.segments)));

  // A month without figures is a row of nulls: a gap in the chart, never a zero.
  const volumes: Row[] = months.map((month) => {
    const r = byMonth.get(month);
    const row: Row = { month };
    for (const c of catalog.channels)
      if (usedChannels.has(c.id)) row[c.name] = r ? (r.state.volumes[c.id]?.received ?? null) : null;
    row[ALL] = r ? receivedTotal(r.state) : null;
    return row;
  });
  const share = (
    record: MonthRecord | undefined,
    values: (r: MonthRecord) => Record<string, number>,
    items: { id: string; name: string }[],
    used: Set<string>,
  ): Row => {
    const row: Row = {};
    if (!record) {
      for (const i of items) if (used.has(i.id)) row[i.name] = null;
      return row;
    }
    const v = values(record);
    const total = Object.values(v).reduce((a, b) => a + b, 0);
    for (const i of items)
      if (used.has(i.id))
        row[i.name] = total && v[i.id] !== undefined ? Math.round((v[i.id]! / total) * 1000) / 10 : null;
    return row;
  };
  const reasons: Row[] = months.map((month) => ({
    month,
    ...share(byMonth.get(month), (r) => r.state.reasons, catalog.reasons, usedReasons),
  }));
  const segments: Row[] = months.map((month) => ({
    month,
    ...share(byMonth.get(month), (r) => r.state.segments, catalog.segments, usedSegments),
  }));

  const charts: ChartSpec[] = [
    {
      id: 'contacts',
      title: 'Contacts per month by channel',
      description: 'Contacts received each month, stacked by channel.',
      kind: 'stacked-bar',
      xKey: 'month',
      xLabel: 'Month',
      series: seriesOf(catalog.channels, usedChannels),
      rows: volumes,
      unit: 'contacts',
      annotations,
      ...countBreaks,
    },
    {
      id: 'reasons',
      title: 'What customers contacted us about',
      description: 'Share of contacts by contact reason, in percent of the month’s reasons.',
      kind: 'stacked-area',
      xKey: 'month',
      xLabel: 'Month',
      series: seriesOf(catalog.reasons, usedReasons),
      rows: reasons,
      unit: '%',
      percent: true,
      ...countBreaks,
    },
    {
      id: 'segments',
      title: 'Who contacted us',
      description: 'Share of contacts by customer segment, in percent.',
      kind: 'stacked-area',
      xKey: 'month',
      xLabel: 'Month',
      series: seriesOf(catalog.segments, usedSegments),
      rows: segments,
      unit: '%',
      percent: true,
      ...countBreaks,
    },
  ];

  const kpis = catalog.kpis.filter((k) => (kpiKeys.length ? kpiKeys.includes(k.nameKey) : !k.archivedAt));
  for (const k of kpis) {
    charts.push({
      id: kpiChartId(k.nameKey),
      title: k.name,
      description: `${k.name} each month${k.target !== null ? `, against its target of ${formatWithUnit(k.target, kpiUnitText(k.unit), k.decimals)}` : ''} (${k.direction === 'HIGHER_IS_BETTER' ? 'higher' : 'lower'} is better).`,
      kind: 'line',
      xKey: 'month',
      xLabel: 'Month',
      series: [{ key: k.name, label: k.name }, ...(k.target !== null ? [{ key: 'Target', label: 'Target' }] : [])],
      rows: months.map((month) => ({
        month,
        [k.name]: byMonth.get(month)?.state.kpis[k.id] ?? null,
        ...(k.target !== null ? { Target: k.target } : {}),
      })),
      unit: k.unit === 'PERCENT' ? '%' : UNIT_LABELS[k.unit],
      target: k.target,
      decimals: k.decimals,
      direction: k.direction,
      percent: k.unit === 'PERCENT',
      annotations,
      ...breaksOf(k.id),
    });
  }

  // This year against last year on one Jan–Dec axis (the window's last year vs the one before).
  const year = Number(to.slice(0, 4));
  const lastYearByMonth = new Map(lastYear.map((r) => [r.month, r]));
  const total = (r: MonthRecord | undefined) => (r ? receivedTotal(r.state) : null);
  const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  charts.push({
    id: 'year-over-year',
    title: `Contacts in ${year} against ${year - 1}`,
    description: 'Total contacts received per calendar month, this year and last year on the same axis.',
    kind: 'yoy',
    xKey: 'month',
    xLabel: 'Month',
    series: [
      { key: String(year), label: String(year) },
      { key: String(year - 1), label: String(year - 1) },
    ],
    rows: monthNames.map((label, i) => {
      const mm = String(i + 1).padStart(2, '0');
      return {
        month: label,
        [String(year)]: total(byMonth.get(`${year}-${mm}`) ?? lastYearByMonth.get(`${year}-${mm}`)),
        [String(year - 1)]: total(lastYearByMonth.get(`${year - 1}-${mm}`) ?? byMonth.get(`${year - 1}-${mm}`)),
      };
    }),
    unit: 'contacts',
    // A change of source within the two years splits that year's line at its month, with the marker
    // and the sentence: its two lines are read one against the other.
    ...(() => {
      const inside = rule
        .breaksFor(COUNTS_PART)
        .filter((b) => b.month >= `${year - 1}-01` && b.month <= `${year}-12`)
        .map((b) => ({ month: b.month, sentence: b.sentence, series: b.month.slice(0, 4) }));
      return inside.length ? { breaks: inside } : {};
    })(),
  });
  return charts;
}
