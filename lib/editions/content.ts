// What an edition shows, as plain JSON: built from the month's data for a draft, frozen into a
// revision when published. Pure functions (no database), so the story written from the numbers
// is easy to test and the same code serves the composer, the preview, the page and the email.
import type { Catalog, MonthRecord } from '../figures/figures';
import type { TextBlock } from './blocks';
import type { SnapshotAsk } from '../asks/follow-ups';
import type { MeetTheTeamPerson } from '../profiles/edition';
import { addMonths, monthLabel } from '../dates/month';
import { describeChange, type Change } from '../change';
import { formatWithUnit, kpiUnitText } from '../format';
import { isOwnReason } from '../asks/own-reason';
import { channelMovesSentence, comparePredicate, kpiClause, TREND_WORDS } from '../editions/story';
import { buildCharts, type ChartSpec } from '../trends/charts';
import type { EditionOutcome } from '../outcomes/shape';
import type { YearContent } from './year-content';
import { COUNTS_PART, NO_BREAKS, type BreakRule } from '../figures/breaks';

/** Comparisons that span a change of source (lib/figures/breaks.ts): shown as not comparable. */
export type NotComparable = ('lastMonth' | 'lastYear')[];
import type { DepartmentLens } from './department-lens';

export type Metric = {
  key: string;
  label: string;
  value: number | null;
  lastMonth: number | null;
  lastYear: number | null;
  /** Absent on editions published before sources were recorded, and when every comparison holds. */
  notComparable?: NotComparable;
};
export type KpiMetric = Metric & {
  unit: string;
  percent: boolean;
  decimals: number;
  target: number | null;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  meetsTarget: boolean | null;
  /** Where this KPI came from when not from where the month's counts did ("Freshdesk export imported 4 Aug 2026"). */
  source?: string;
};
export type ShareRow = {
  name: string;
  count: number;
  share: number;
  lastMonth: number | null;
  lastYear: number | null;
  notComparable?: NotComparable;
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
  /** Where the figures came from, under the data tables and in the CSV (lib/figures/source-note.ts). */
  sourceNote?: string;
  /** Changes of source within the year shown, oldest first. */
  sourceBreaks?: { month: string; sentence: string }[];
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
  /** "For your department", one per department owning reasons (lib/departments/lens.ts); absent before it existed. */
  departments?: DepartmentLens[];
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
  /** The team's break rule; without it every comparison holds. */
  rule?: BreakRule;
  sourceNote?: string | null;
  /** This month's KPIs from another source than its counts, by KPI id (lib/figures/sources.ts). */
  kpiSources?: Record<string, string>;
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
  const rule = input.rule ?? NO_BREAKS;
  // Which comparisons of a part span a change of source: stored on each metric, so every face agrees.
  const notComparable = (part: string): { notComparable?: NotComparable } => {
    const list: NotComparable = [];
    if (!rule.comparable(addMonths(month, -1), month, part)) list.push('lastMonth');
    if (!rule.comparable(addMonths(month, -12), month, part)) list.push('lastYear');
    return list.length ? { notComparable: list } : {};
  };
  const counts = notComparable(COUNTS_PART);

  const usedChannels = catalog.channels.filter((c) => [now, prev].some((r) => r?.state.volumes[c.id]));
  const channels = usedChannels.map((c) => ({
    key: c.id,
    label: c.name,
    value: now?.state.volumes[c.id]?.received ?? null,
    lastMonth: prev?.state.volumes[c.id]?.received ?? null,
    lastYear: year?.state.volumes[c.id]?.received ?? null,
    ...counts,
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
        unit: kpiUnitText(k.unit),
        percent: k.unit === 'PERCENT',
        decimals: k.decimals,
        target: k.target,
        direction: k.direction,
        meetsTarget,
        ...notComparable(k.id),
        ...(input.kpiSources?.[k.id] && value !== null ? { source: input.kpiSources[k.id] } : {}),
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
        ...counts,
      }))
      .sort((a, b) => b.count - a.count);
  };

  // A year of context: the trends page's own chart specs, so chart, table and CSV agree.
  const charts = buildCharts(catalog, input.records, addMonths(month, -12), month, [], [], [], rule).filter(
    (c) => c.id !== 'year-over-year',
  );
  const sourceBreaks = rule.breaks
    .filter((b) => b.month > addMonths(month, -12) && b.month <= month)
    .map((b) => ({ month: b.month, sentence: b.sentence }));

  return {
    team: input.team,
    month,
    total: {
      key: 'total',
      label: 'Contacts received',
      value: totalOf(now),
      lastMonth: totalOf(prev),
      lastYear: totalOf(year),
      ...counts,
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
    ...(input.sourceNote ? { sourceNote: input.sourceNote } : {}),
    ...(sourceBreaks.length ? { sourceBreaks } : {}),
  };
}

/** Relative change in percent, or null when there is nothing to compare with (for ranking moves). */
export function percentChange(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0) return null;
  return Math.round(((value - base) / base) * 1000) / 10;
}

/** A metric's value as every face writes it: lib/format.ts's `formatWithUnit`. */
export function formatMetric(value: number | null, unit?: string, decimals = 0): string {
  return formatWithUnit(value, unit, decimals);
}

/**
 * A metric's change by the one rule (lib/change.ts): a percentage KPI in points, counts and
 * durations in per cent, coloured by the KPI's direction; contacts have none.
 */
export function metricChange(m: Metric | KpiMetric, against: 'lastMonth' | 'lastYear'): Change {
  const kpi = 'direction' in m ? m : null;
  return describeChange(m.value, m[against], {
    percent: kpi?.percent ?? false,
    direction: kpi?.direction ?? null,
    comparable: !isNotComparable(m, against),
  });
}

/** Whether the metric's change against `against` spans a change of source. */
export const isNotComparable = (m: Pick<Metric, 'notComparable'>, against: 'lastMonth' | 'lastYear') =>
  m.notComparable?.includes(against) ?? false;

/** A share row's count change (never good or bad news), not stated across a change of source. */
export function rowChange(r: ShareRow, against: 'lastMonth' | 'lastYear'): Change {
  return describeChange(r.count, r[against], { percent: false, comparable: !isNotComparable(r, against) });
}

/** A count's change (a share row, a channel): always per cent, never good or bad news. */
export function countChange(value: number | null, base: number | null): Change {
  return describeChange(value, base, { percent: false });
}

/** The reason whose count moved most against last month, in absolute contacts. */
export function reasonThatMoved(content: EditionContent): (ShareRow & { delta: number }) | null {
  const moved = content.reasons
    .filter((r) => r.lastMonth !== null && !isNotComparable(r, 'lastMonth'))
    .map((r) => ({ ...r, delta: r.count - r.lastMonth! }));
  moved.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  const top = moved[0];
  return top && top.delta !== 0 ? top : null;
}

function biggestMover(metrics: Metric[], against: 'lastMonth' | 'lastYear') {
  const moves = metrics
    .filter((m) => !isNotComparable(m, against))
    .map((m) => ({ m, change: percentChange(m.value, m[against]) }))
    .filter((x): x is { m: Metric; change: number } => x.change !== null && x.change !== 0);
  moves.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  return moves[0] ?? null;
}

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
    const against = comparePredicate(
      { change: metricChange(total, 'lastMonth'), against: monthLabel(addMonths(content.month, -1)) },
      { change: metricChange(total, 'lastYear'), against: monthLabel(addMonths(content.month, -12)) },
      TREND_WORDS,
    );
    const received = `In ${label} the team received **${formatMetric(total.value)} contacts**`;
    paragraphs.push({ key: 'total', text: `${received}${against ? `, ${against}` : ''}.` });
    // A change of source is said as such, never as a rise or fall.
    const notWith = (['lastMonth', 'lastYear'] as const)
      .filter((against) => isNotComparable(total, against))
      .map((against) => monthLabel(addMonths(content.month, against === 'lastMonth' ? -1 : -12)));
    if (notWith.length)
      paragraphs.push({
        key: 'source',
        text: `The figures come from a new source since ${monthLabel(content.sourceBreaks?.at(-1)?.month ?? content.month)}, so they are not compared with ${notWith.join(' or ')}.`,
      });
    const mover = (against: 'lastMonth' | 'lastYear') => {
      const top = biggestMover(content.channels, against);
      return top && { label: top.m.label, change: metricChange(top.m, against) };
    };
    const channels = channelMovesSentence(mover('lastMonth'), mover('lastYear'));
    if (channels) paragraphs.push({ key: 'channels', text: channels });
  }
  const kpiLines = content.kpis
    .filter((k) => k.value !== null)
    .map((k) =>
      kpiClause(
        k.label,
        formatMetric(k.value, k.unit, k.decimals),
        k.target === null
          ? null
          : { meets: Boolean(k.meetsTarget), target: k.target, unit: k.unit, decimals: k.decimals },
      ),
    );
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
    .filter(
      (r) =>
        r.lastMonth !== null &&
        r.count > r.lastMonth &&
        !isNotComparable(r, 'lastMonth') &&
        // A team never asks itself: Billing Support's "Billing" contacts are its own to act on.
        !isOwnReason(content.team.name, r.name),
    )
    .sort((a, b) => b.count - b.lastMonth! - (a.count - a.lastMonth!))
    .slice(0, 2);
  return rising.map((r) => ({
    key: `ask:${r.name}`,
    text: `- **${r.name}** caused ${formatMetric(r.count)} contacts (${formatMetric(r.count - r.lastMonth!)} more than last month). If your team owns ${r.name.toLowerCase()}, can we talk?`,
  }));
}
