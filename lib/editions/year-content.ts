// What a year in review shows, as plain JSON built from the year's data: pure functions (no
// database), so the sums and the story written from them are easy to test. The snapshot keeps the
// ordinary `content` (headline total, KPIs, quotes, wins) filled too, so everything that reads an
// edition's content (Slack and webhooks, privacy erasure, quote re-attribution) works unchanged.
import type { Catalog, MonthRecord } from '../figures/figures';
import { receivedTotal } from '../figures/state';
import { monthLabel } from '../dates/month';
import { describeChange } from '../change';
import { formatTarget, kpiUnitText, TARGET_WORDS } from '../format';
import { buildCharts, type ChartSpec } from '../trends/charts';
import type { EditionContent, EditionQuote, EditionWin, KpiMetric } from './content';
import { formatMetric } from './content';
import type { TextBlock } from './blocks';
import { yearMonths } from './period';

/**
 * How a KPI's year is summed up. A rate or a time (CSAT, handle time) is the average of the months
 * that have a value, each month counting once; a count (a backlog) is a level at a moment, so the
 * year ends at its last month's value: averaging a stock would describe no moment at all.
 */
export type YearMethod = 'average' | 'last';

export type YearKpi = {
  key: string;
  label: string;
  unit: string;
  percent: boolean;
  decimals: number;
  target: number | null;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  method: YearMethod;
  value: number | null;
  lastYear: number | null;
  monthsWithValue: number;
  /** Months whose value met the target; null without a target. */
  monthsMet: number | null;
  meetsTarget: boolean | null;
};

export type YearOutcome = { id: string; kind: string; occurredOn: string; text: string };
export type ThankedEdition = { month: string; title: string; thanks: number };

export type YearContent = {
  year: string;
  /** Every month of the year, January first: null where the month has no figures (never 0). */
  months: { month: string; contacts: number | null }[];
  total: number | null;
  lastYearTotal: number | null;
  lastYearMonths: number;
  charts: ChartSpec[];
  kpis: YearKpi[];
  mostThanked: ThankedEdition[];
  outcomes: YearOutcome[];
  /** Everyone credited in an approved quote or a win of the year, alphabetical; names only. */
  people: { id: string; name: string }[];
};

export type YearInputs = {
  team: { name: string; slug: string };
  year: string;
  catalog: Catalog;
  /** Figures of the year and of the year before (any order). */
  records: MonthRecord[];
  quotes: EditionQuote[];
  wins: EditionWin[];
  /** The year's published monthly editions with their thanks. */
  editions: ThankedEdition[];
  outcomes: YearOutcome[];
  credited: { id: string; name: string }[];
};

export const OUTCOME_LABELS: Record<string, string> = {
  CONSULTED: 'Consulted on a decision',
  PROJECT_FUNDED: 'Project funded',
  HEADCOUNT_OR_BUDGET: 'Headcount or budget approved',
  PROCESS_CHANGED: 'Process changed',
  OTHER: 'Outcome',
};

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

function kpiYear(values: (number | undefined)[], method: YearMethod, decimals: number): number | null {
  const present = values.filter((v): v is number => v !== undefined);
  if (!present.length) return null;
  // One more decimal than the KPI keeps, so an average of whole numbers still says something.
  return method === 'last' ? present[present.length - 1]! : round(sum(present) / present.length, decimals + 1);
}

const meets = (value: number, target: number, direction: YearKpi['direction']) =>
  direction === 'HIGHER_IS_BETTER' ? value >= target : value <= target;

export function buildYearContent(input: YearInputs): { content: EditionContent; year: YearContent } {
  const { catalog, year } = input;
  const lastYear = String(Number(year) - 1);
  const byMonth = new Map(input.records.map((r) => [r.month, r]));
  const thisMonths = yearMonths(year);
  const lastMonths = yearMonths(lastYear);
  const contactsOf = (m: string) => {
    const r = byMonth.get(m);
    return r && Object.keys(r.state.volumes).length ? receivedTotal(r.state) : null;
  };
  const months = thisMonths.map((month) => ({ month, contacts: contactsOf(month) }));
  const present = months.filter((m) => m.contacts !== null).map((m) => m.contacts!);
  const lastPresent = lastMonths.map(contactsOf).filter((v): v is number => v !== null);
  const total = present.length ? sum(present) : null;
  const lastYearTotal = lastPresent.length ? sum(lastPresent) : null;

  const kpis: YearKpi[] = catalog.kpis
    .filter((k) => !k.archivedAt || thisMonths.some((m) => byMonth.get(m)?.state.kpis[k.id] !== undefined))
    .map((k) => {
      const method: YearMethod = k.unit === 'COUNT' ? 'last' : 'average';
      const values = thisMonths.map((m) => byMonth.get(m)?.state.kpis[k.id]);
      const value = kpiYear(values, method, k.decimals);
      const withValue = values.filter((v): v is number => v !== undefined);
      return {
        key: k.id,
        label: k.name,
        unit: kpiUnitText(k.unit),
        percent: k.unit === 'PERCENT',
        decimals: k.decimals,
        target: k.target,
        direction: k.direction,
        method,
        value,
        lastYear: kpiYear(
          lastMonths.map((m) => byMonth.get(m)?.state.kpis[k.id]),
          method,
          k.decimals,
        ),
        monthsWithValue: withValue.length,
        monthsMet: k.target === null ? null : withValue.filter((v) => meets(v, k.target!, k.direction)).length,
        meetsTarget: value === null || k.target === null ? null : meets(value, k.target, k.direction),
      };
    });

  // The trends page's own chart specs over the year: 12 bars by channel with their table, and
  // the year against the one before on one axis.
  const yearRecords = input.records.filter((r) => r.month.startsWith(`${year}-`));
  const lastRecords = input.records.filter((r) => r.month.startsWith(`${lastYear}-`));
  const charts = buildCharts(catalog, yearRecords, `${year}-01`, `${year}-12`, [], lastRecords)
    .filter((c) => c.id === 'contacts' || c.id === 'year-over-year')
    .map((c) =>
      c.id === 'contacts'
        ? { ...c, title: `Contacts by month in ${year}`, description: 'Contacts received each month, by channel.' }
        : c,
    );

  const mostThanked = input.editions
    .filter((e) => e.thanks > 0)
    .sort((a, b) => b.thanks - a.thanks || a.month.localeCompare(b.month))
    .slice(0, 3);

  const people = [...new Map(input.credited.map((p) => [p.id, p])).values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id),
  );

  const headlineKpis: KpiMetric[] = kpis.map((k) => ({
    key: k.key,
    label: k.label,
    value: k.value,
    lastMonth: null,
    lastYear: k.lastYear,
    unit: k.unit,
    percent: k.percent,
    decimals: k.decimals,
    target: k.target,
    direction: k.direction,
    meetsTarget: k.meetsTarget,
  }));
  const content: EditionContent = {
    team: input.team,
    month: year,
    total: { key: 'total', label: 'Contacts received', value: total, lastMonth: null, lastYear: lastYearTotal },
    channels: [],
    kpis: headlineKpis,
    reasons: [],
    segments: [],
    charts: [],
    quotes: input.quotes,
    wins: input.wins,
    updates: [],
    note: null,
  };
  return {
    content,
    year: {
      year,
      months,
      total,
      lastYearTotal,
      lastYearMonths: lastPresent.length,
      charts,
      kpis,
      mostThanked,
      outcomes: [...input.outcomes].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn)),
      people,
    },
  };
}

/** "CSAT averaged 90.2% over the 12 months with a value" or "Backlog ended the year at 120". */
export function describeYearKpi(k: YearKpi): string {
  const value = formatMetric(k.value, k.unit, k.method === 'average' ? k.decimals + 1 : k.decimals);
  const head =
    k.method === 'average'
      ? `${k.label} averaged ${value} over ${k.monthsWithValue === 12 ? 'the year' : `${k.monthsWithValue} month${k.monthsWithValue === 1 ? '' : 's'}`}`
      : `${k.label} ended the year at ${value}`;
  if (k.target === null || k.monthsMet === null) return head;
  return `${head}, ${TARGET_WORDS.met} (${formatTarget(k.target, k.unit, k.decimals)}) in ${k.monthsMet} of ${k.monthsWithValue} month${k.monthsWithValue === 1 ? '' : 's'}`;
}

/** The suggested story of the year, written only from the numbers; the leader edits it. */
export function suggestYearHighlights(year: YearContent): TextBlock[] {
  const blocks: TextBlock[] = [];
  const missing = year.months.filter((m) => m.contacts === null).map((m) => monthLabel(m.month));
  if (year.total === null) {
    blocks.push({ key: 'total', text: `There are no figures for ${year.year} yet.` });
  } else {
    const change = describeChange(year.total, year.lastYearTotal, { percent: false });
    const against =
      change.amount === null
        ? ''
        : `, ${change.amount === 0 ? 'the same as' : `${change.text} on`} ${Number(year.year) - 1} (${formatMetric(year.lastYearTotal)}${year.lastYearMonths < 12 ? ` in ${year.lastYearMonths} months with figures` : ''})`;
    const gap = missing.length ? ` Figures are missing for ${missing.join(', ')}.` : '';
    blocks.push({
      key: 'total',
      text: `In ${year.year} the team received **${formatMetric(year.total)} contacts**${against}.${gap}`,
    });
    const busiest = [...year.months]
      .filter((m) => m.contacts !== null)
      .sort((a, b) => b.contacts! - a.contacts! || a.month.localeCompare(b.month))[0];
    if (busiest)
      blocks.push({
        key: 'busiest',
        text: `The busiest month was ${monthLabel(busiest.month)}, with ${formatMetric(busiest.contacts)} contacts.`,
      });
  }
  const kpis = year.kpis.filter((k) => k.value !== null).map(describeYearKpi);
  if (kpis.length) blocks.push({ key: 'kpis', text: `${kpis.join('; ')}.` });
  const top = year.mostThanked[0];
  if (top)
    blocks.push({
      key: 'thanks',
      text: `Colleagues thanked the ${monthLabel(top.month)} edition most (${top.thanks} thank-you${top.thanks === 1 ? '' : 's'}).`,
    });
  if (year.outcomes.length)
    blocks.push({
      key: 'outcomes',
      text: `The team's work led to ${year.outcomes.length} recorded outcome${year.outcomes.length === 1 ? '' : 's'} this year, listed below.`,
    });
  if (year.people.length)
    blocks.push({ key: 'people', text: 'Thank you to everyone customers and colleagues named this year.' });
  return blocks;
}
