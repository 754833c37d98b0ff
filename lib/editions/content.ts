// What an edition shows, as plain JSON: built from the month's data for a draft, frozen into a
// revision when published. Pure functions (no database), so the story written from the numbers
// is easy to test and the same code serves the composer, the preview, the page and the email.
import type { Catalog, MonthRecord } from '../figures/figures';
import type { TextBlock } from './blocks';
import type { SnapshotAsk } from '../asks/follow-ups';
import type { MeetTheTeamPerson } from '../profiles/edition';
import { addMonths, monthLabel } from '../dates/month';
import { changeMagnitude, describeChange, type Change } from '../change';
import { formatNumberUpTo } from '../format';
import { UNIT_LABELS } from '../team-settings/kpi-schemas';
import { buildCharts, type ChartSpec } from '../trends/charts';
import type { EditionOutcome } from '../outcomes/shape';
import type { YearContent } from './year-content';

export type Metric = {
  key: string;
  label: string;
  value: number | null;
  lastMonth: number | null;
  lastYear: number | null;
};
export type KpiMetric = Metric & {
  unit: string;
  percent: boolean;
  decimals: number;
  target: number | null;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  meetsTarget: boolean | null;
};
export type ShareRow = {
  name: string;
  count: number;
  share: number;
  lastMonth: number | null;
  lastYear: number | null;
};
export type EditionQuote = {
  id: string;
  text: string;
  pullQuote: string | null;
  cite: string;
  channel: string;
  receivedOn: string;
  credited: { id: string; name: string }[];
};
export type EditionWin = {
  id: string;
  title: string;
  story: string;
  occurredOn: string;
  credited: { id: string; name: string }[];
};
export type EditionUpdate = {
  id: string;
  projectId: string;
  projectName: string;
  body: string;
  postedOn: string;
  author: string;
};

export type EditionContent = {
  team: { name: string; slug: string };
  month: string;
  total: Metric;
  channels: Metric[];
  kpis: KpiMetric[];
  reasons: ShareRow[];
  segments: ShareRow[];
  charts: ChartSpec[];
  quotes: EditionQuote[];
  wins: EditionWin[];
  updates: EditionUpdate[];
  note: string | null;
  /** Outcomes not told in an earlier edition (lib/outcomes/edition.ts); absent before they existed. */
  outcomes?: EditionOutcome[];
  /** Opted-in teammates the leader featured (editions published before it existed lack it). */
  meetTheTeam?: MeetTheTeamPerson[];
};

/** What a revision freezes: the words and the content, exactly as readers see them. */
export type EditionSnapshot = {
  title: string;
  highlights: string;
  asks: string;
  content: EditionContent;
  /** Tracked asks and their follow-ups (lib/asks); absent from revisions published before them. */
  trackedAsks?: SnapshotAsk[];
  followUps?: string;
  /** A year in review's own sections (lib/year-review); absent on monthly editions. */
  year?: YearContent;
};

export type ContentInputs = {
  team: { name: string; slug: string };
  month: string;
  catalog: Catalog;
  /** Figures from 12 months before `month` up to `month`. */
  records: MonthRecord[];
  quotes: EditionQuote[];
  wins: EditionWin[];
  updates: EditionUpdate[];
  outcomes?: EditionOutcome[];
};

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function buildContent(input: ContentInputs): EditionContent {
  const { catalog, month } = input;
  const byMonth = new Map(input.records.map((r) => [r.month, r]));
  const now = byMonth.get(month);
  const prev = byMonth.get(addMonths(month, -1));
  const year = byMonth.get(addMonths(month, -12));
  const totalOf = (r: MonthRecord | undefined) =>
    r && Object.keys(r.state.volumes).length ? sum(Object.values(r.state.volumes).map((v) => v.received)) : null;

  const usedChannels = catalog.channels.filter((c) => [now, prev].some((r) => r?.state.volumes[c.id]));
  const channels = usedChannels.map((c) => ({
    key: c.id,
    label: c.name,
    value: now?.state.volumes[c.id]?.received ?? null,
    lastMonth: prev?.state.volumes[c.id]?.received ?? null,
    lastYear: year?.state.volumes[c.id]?.received ?? null,
  }));
  const kpis: KpiMetric[] = catalog.kpis
    .filter((k) => !k.archivedAt || now?.state.kpis[k.id] !== undefined)
    .map((k) => {
      const value = now?.state.kpis[k.id] ?? null;
      const meetsTarget =
        value === null || k.target === null
          ? null
          : k.direction === 'HIGHER_IS_BETTER'
            ? value >= k.target
            : value <= k.target;
      return {
        key: k.id,
        label: k.name,
        value,
        lastMonth: prev?.state.kpis[k.id] ?? null,
        lastYear: year?.state.kpis[k.id] ?? null,
        // A count needs no unit word after it ("336", not "336 count").
        unit: k.unit === 'PERCENT' ? '%' : k.unit === 'COUNT' ? '' : UNIT_LABELS[k.unit],
        percent: k.unit === 'PERCENT',
        decimals: k.decimals,
        target: k.target,
        direction: k.direction,
        meetsTarget,
      };
    });

  const shares = (
    items: { id: string; name: string }[],
    pick: (r: MonthRecord) => Record<string, number>,
  ): ShareRow[] => {
    if (!now) return [];
    const values = pick(now);
    const total = sum(Object.values(values));
    return items
      .filter((i) => values[i.id] !== undefined)
      .map((i) => ({
        name: i.name,
        count: values[i.id]!,
        share: total ? Math.round((values[i.id]! / total) * 1000) / 10 : 0,
        lastMonth: prev ? (pick(prev)[i.id] ?? null) : null,
        lastYear: year ? (pick(year)[i.id] ?? null) : null,
      }))
      .sort((a, b) => b.count - a.count);
  };

  // A year of context: the trends page's own chart specs, so chart, table and CSV agree.
  const charts = buildCharts(catalog, input.records, addMonths(month, -12), month, [], []).filter(
    (c) => c.id !== 'year-over-year',
  );

  return {
    team: input.team,
    month,
    total: {
      key: 'total',
      label: 'Contacts received',
      value: totalOf(now),
      lastMonth: totalOf(prev),
      lastYear: totalOf(year),
    },
    channels,
    kpis,
    reasons: shares(catalog.reasons, (r) => r.state.reasons),
    segments: shares(catalog.segments, (r) => r.state.segments),
    charts,
    quotes: input.quotes,
    wins: input.wins,
    updates: input.updates,
    note: now?.state.note ?? null,
    ...(input.outcomes ? { outcomes: input.outcomes } : {}),
  };
}

/** Relative change in percent, or null when there is nothing to compare with (for ranking moves). */
export function percentChange(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0) return null;
  return Math.round(((value - base) / base) * 1000) / 10;
}

export function formatMetric(value: number | null, unit?: string, decimals = 0): string {
  if (value === null) return '–';
  const n = formatNumberUpTo(value, decimals);
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/**
 * A metric's change by the one rule (lib/change.ts): a percentage KPI in points, counts and
 * durations in per cent, coloured by the KPI's direction; contacts have none.
 */
export function metricChange(m: Metric | KpiMetric, against: 'lastMonth' | 'lastYear'): Change {
  const kpi = 'direction' in m ? m : null;
  return describeChange(m.value, m[against], { percent: kpi?.percent ?? false, direction: kpi?.direction ?? null });
}

/** A count's change (a share row, a channel): always per cent, never good or bad news. */
export function countChange(value: number | null, base: number | null): Change {
  return describeChange(value, base, { percent: false });
}

/** The reason whose count moved most against last month, in absolute contacts. */
export function reasonThatMoved(content: EditionContent): (ShareRow & { delta: number }) | null {
  const moved = content.reasons
    .filter((r) => r.lastMonth !== null)
    .map((r) => ({ ...r, delta: r.count - r.lastMonth! }));
  moved.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  const top = moved[0];
  return top && top.delta !== 0 ? top : null;
}

function biggestMover(metrics: Metric[], against: 'lastMonth' | 'lastYear') {
  const moves = metrics
    .map((m) => ({ m, change: percentChange(m.value, m[against]) }))
    .filter((x): x is { m: Metric; change: number } => x.change !== null && x.change !== 0);
  moves.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  return moves[0] ?? null;
}

const riseOrFall = (m: Metric, against: 'lastMonth' | 'lastYear') => {
  const change = metricChange(m, against);
  return `${change.trend === 'up' ? 'rose' : 'fell'} ${changeMagnitude(change)}`;
};

/** A generated paragraph (or ask line), keyed by what it is about so a rewrite can replace it. */
export type { TextBlock };

/** The suggested story, in Markdown, written only from the numbers; the leader edits it. */
export function suggestHighlights(content: EditionContent, previousThanks: number | null): string {
  return suggestHighlightBlocks(content, previousThanks)
    .map((b) => b.text)
    .join('\n\n');
}

export function suggestHighlightBlocks(content: EditionContent, previousThanks: number | null): TextBlock[] {
  const label = monthLabel(content.month);
  const { total } = content;
  const paragraphs: TextBlock[] = [];
  if (total.value === null) {
    paragraphs.push({ key: 'total', text: `The figures for ${label} are not in yet.` });
  } else {
    const vsMonth = metricChange(total, 'lastMonth');
    const vsYear = metricChange(total, 'lastYear');
    const parts = [`In ${label} the team received **${formatMetric(total.value)} contacts**`];
    if (vsMonth.amount !== null) parts.push(`${vsMonth.text} on ${monthLabel(addMonths(content.month, -1))}`);
    if (vsYear.amount !== null) parts.push(`${vsYear.text} on ${monthLabel(addMonths(content.month, -12))}`);
    paragraphs.push({ key: 'total', text: `${parts.join(', ')}.` });
    const month = biggestMover(content.channels, 'lastMonth');
    const year = biggestMover(content.channels, 'lastYear');
    const moves: string[] = [];
    if (month) moves.push(`${month.m.label} ${riseOrFall(month.m, 'lastMonth')} against last month`);
    if (year)
      moves.push(
        `${year.m === month?.m ? 'and' : `${year.m.label}`} ${riseOrFall(year.m, 'lastYear')} against last year`.trim(),
      );
    if (moves.length) paragraphs.push({ key: 'channels', text: `${moves.join('; ')}.` });
  }
  const kpiLines = content.kpis
    .filter((k) => k.value !== null)
    .map((k) => {
      const value = formatMetric(k.value, k.unit, k.decimals);
      if (k.target === null) return `${k.label} was ${value}`;
      return `${k.label} was ${value}, ${k.meetsTarget ? 'meeting' : 'missing'} its target of ${formatMetric(k.target, k.unit, k.decimals)}`;
    });
  if (kpiLines.length) paragraphs.push({ key: 'kpis', text: `${kpiLines.join('; ')}.` });
  const moved = reasonThatMoved(content);
  if (moved)
    paragraphs.push({
      key: 'reason',
      text: `Contacts about **${moved.name}** moved most: ${formatMetric(moved.count)} this month, ${moved.delta > 0 ? `${formatMetric(moved.delta)} more` : `${formatMetric(-moved.delta)} fewer`} than last month.`,
    });
  if (previousThanks)
    paragraphs.push({
      key: 'thanks',
      text: `Last month’s edition earned ${previousThanks} thank-you${previousThanks === 1 ? '' : 's'} from colleagues: thank you for reading.`,
    });
  return paragraphs;
}

/** Suggested asks to other departments, drawn from the contact reasons that grew. */
export function suggestAsks(content: EditionContent): string {
  return suggestAskBlocks(content)
    .map((b) => b.text)
    .join('\n');
}

export function suggestAskBlocks(content: EditionContent): TextBlock[] {
  const rising = content.reasons
    .filter((r) => r.lastMonth !== null && r.count > r.lastMonth)
    .sort((a, b) => b.count - b.lastMonth! - (a.count - a.lastMonth!))
    .slice(0, 2);
  return rising.map((r) => ({
    key: `ask:${r.name}`,
    text: `- **${r.name}** caused ${formatMetric(r.count)} contacts (${formatMetric(r.count - r.lastMonth!)} more than last month). If your team owns ${r.name.toLowerCase()}, can we talk?`,
  }));
}
