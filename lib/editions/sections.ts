// An edition is an ordered list of typed sections: the same model for a month and a year (a year
// simply has other sections). This file is the one place a section kind is defined for every face
// that is not React: what it holds, where it comes from in a frozen snapshot, its heading, and what
// it contributes to chat posts (or that it is explicitly not in chat). Its page and email renderers
// are typed against `SectionKind` (components/editions/page-sections.tsx, lib/editions/email.tsx),
// so a kind without one of them does not compile, and lib/editions/parity.test.tsx proves each
// face shows each kind.
//
// Snapshots stay stored in their published shape (`EditionSnapshot`, with the optional fields of
// older revisions): `editionSections` is the adapter that reads every stored shape. A migration of
// the stored JSON was rejected: privacy erasure, quote re-attribution and the published-drift
// check read and rewrite `content.*` in place, and every cached edition version is keyed by the
// revision row, so rewriting revisions would move all of them for no reader-visible gain.
import { addMonths, monthLabel } from '../dates/month';
import { formatDay, parseDay } from '../dates/day';
import { describeChange } from '../change';
import { formatTargetLine } from '../format';
import { sourceLine } from '../figures/source-note';
import type { SnapshotAsk } from '../asks/follow-ups';
import type { EditionOutcome } from '../outcomes/shape';
import type { MeetTheTeamPerson } from '../profiles/edition';
import type { ChartSpec } from '../charts/chart-spec';
import type { DepartmentLens } from './department-lens';
import type { YearContent, YearKpi, YearOutcome, ThankedEdition } from './year-content';
import {
  formatMetric,
  metricChange,
  type EditionQuote,
  type EditionSnapshot,
  type EditionUpdate,
  type EditionWin,
  type KpiMetric,
  type Metric,
  type ShareRow,
} from './content';

/** What each kind of section holds, beyond its id and heading. */
export type SectionData = {
  /**
   * `sourceNote`: "Source: …" (lib/figures/source-note.ts); `breaks`: the sentences of the changes of
   * source that make a comparison here not comparable, said beside the figures on every face.
   */
  numbers: {
    against: [string, string];
    total: Metric;
    channels: Metric[];
    kpis: KpiMetric[];
    note: string | null;
    sourceNote?: string;
    breaks?: string[];
  };
  yearNumbers: {
    year: string;
    total: number | null;
    lastYearTotal: number | null;
    monthsWithFigures: number;
    /** The KPIs with a target, as tiles. */
    kpis: YearKpi[];
  };
  story: { markdown: string };
  quotes: { quotes: EditionQuote[] };
  /** `note`: where the figures came from, under the table. */
  shares: { rows: ShareRow[]; caption: string; first: string; note?: string };
  /** `latest`: the email's table shows the last months (the page has the year); `all`: every row. */
  /** `note`: where the figures came from (lib/figures/source-note.ts), under the data tables. */
  charts: { charts: ChartSpec[]; rows: 'latest' | 'all'; note?: string };
  yearKpis: { year: string; kpis: YearKpi[] };
  mostThanked: { editions: ThankedEdition[]; slug: string };
  wins: { wins: EditionWin[] };
  meetTheTeam: { people: MeetTheTeamPerson[] };
  updates: { updates: EditionUpdate[] };
  outcomes: { outcomes: EditionOutcome[] };
  yearOutcomes: { outcomes: YearOutcome[] };
  people: { people: { id: string; name: string }[] };
  followUps: { markdown: string };
  asks: { markdown: string; tracked: SnapshotAsk[]; slug: string };
  /** "For your department": the reader's department's frozen part, its quote and outcomes resolved. */
  department: { lens: DepartmentLens; quote: EditionQuote | null; outcomes: EditionOutcome[]; month: string };
};

export type SectionKind = keyof SectionData;

export type SectionOf<K extends SectionKind> = { kind: K; id: string; title: string } & SectionData[K];
export type EditionSection = { [K in SectionKind]: SectionOf<K> }[SectionKind];

const section = <K extends SectionKind>(kind: K, id: string, title: string, data: SectionData[K]): SectionOf<K> =>
  ({ kind, id, title, ...data }) as SectionOf<K>;

/**
 * What an edition is called in its email subject and chat posts: "March 2025 review", or
 * "2025 year in review" as the year's page and email say above its title.
 */
export function editionName(period: string): string {
  return /^\d{4}$/.test(period) ? `${period} year in review` : `${monthLabel(period)} review`;
}

/** A calendar day as editions print it ("4 Mar 2025"); the stored text when it is not a day. */
export function editionDay(value: string): string {
  const d = parseDay(value);
  return d ? formatDay(d) : value;
}

/** "On target · target 90.0%": the page's tile, the email's row, the dashboard and the TV say the same. */
export function targetText(k: KpiMetric): string | null {
  if (k.target === null) return null;
  return formatTargetLine(Boolean(k.meetsTarget), k.target, k.unit, k.decimals);
}

/** A metric's value with its unit, as every face prints it. */
export const metricValue = (m: Metric | KpiMetric) =>
  'unit' in m ? formatMetric(m.value, m.unit, m.decimals) : formatMetric(m.value);

/** A year KPI's own value: an average keeps one more decimal than the KPI. */
export const yearKpiValue = (k: YearKpi, value: number | null = k.value) =>
  formatMetric(value, k.unit, k.method === 'average' ? k.decimals + 1 : k.decimals);

export const YEAR_METHOD_TEXT = { average: 'Average of the months', last: 'Last month’s value' } as const;

/** "12,345 contacts in 2025 (+4% on 2024)": the year's headline. */
export function yearTotalLine(s: SectionData['yearNumbers']): string {
  const change = describeChange(s.total, s.lastYearTotal, { percent: false });
  const prior = Number(s.year) - 1;
  return s.lastYearTotal === null
    ? `${formatMetric(s.total)} contacts in ${s.year} (no figures for ${prior})`
    : `${formatMetric(s.total)} contacts in ${s.year} (${change.text} on ${prior})`;
}

/** Whose edition it is: a reader's department picks its "For your department" section. */
export type EditionLens = { departmentId?: string | null };

/** The reader's department's section, first in their edition; null for no department or one owning nothing. */
function departmentSection(snapshot: EditionSnapshot, lens: EditionLens): SectionOf<'department'> | null {
  const own = lens.departmentId ? snapshot.departments?.find((d) => d.departmentId === lens.departmentId) : undefined;
  if (!own || snapshot.year) return null;
  const { content } = snapshot;
  return section('department', 'for-your-department', `For your department: ${own.department}`, {
    lens: own,
    quote: content.quotes.find((q) => q.id === own.quoteId) ?? null,
    outcomes: (content.outcomes ?? []).filter((o) => own.outcomeIds.includes(o.id)),
    month: content.month,
  });
}

/**
 * The adapter from a stored snapshot (any revision, old or new, month or year) to its sections, in
 * reading order. A section with nothing to show is left out, on every face alike. With a reader's
 * department (`lens`), that department's section comes first; without one, the edition is general.
 */
export function editionSections(snapshot: EditionSnapshot, lens: EditionLens = {}): EditionSection[] {
  const { content } = snapshot;
  const year = snapshot.year;
  const sections: EditionSection[] = [];
  const push = (s: EditionSection | null | false | undefined) => {
    if (s) sections.push(s);
  };
  push(departmentSection(snapshot, lens));
  const tracked = snapshot.trackedAsks ?? [];
  const followUps = snapshot.followUps?.trim() ?? '';
  const slug = content.team.slug;
  if (year) {
    push(section('yearNumbers', 'numbers', 'The year in numbers', yearNumbersOf(year)));
    push(section('story', 'story', 'The story of the year', { markdown: snapshot.highlights }));
    push(section('charts', 'charts', 'Contacts by month', { charts: year.charts, rows: 'all' }));
    push(section('yearKpis', 'kpis', 'KPIs against their targets', { year: year.year, kpis: year.kpis }));
    push(section('mostThanked', 'thanked', 'The most-thanked editions', { editions: year.mostThanked, slug }));
    push(content.quotes.length > 0 && section('quotes', 'quotes', 'What customers said', { quotes: content.quotes }));
    push(content.wins.length > 0 && section('wins', 'wins', 'Wins of the year', { wins: content.wins }));
    push(
      !!content.meetTheTeam?.length &&
        section('meetTheTeam', 'meet-the-team', 'Meet the team', { people: content.meetTheTeam }),
    );
    push(
      year.outcomes.length > 0 &&
        section('yearOutcomes', 'outcomes', 'What changed because of the team’s work', { outcomes: year.outcomes }),
    );
    push(year.people.length > 0 && section('people', 'people', 'People credited this year', { people: year.people }));
  } else {
    const note = content.sourceNote ? { note: sourceLine(content.sourceNote) } : {};
    const metrics = [content.total, ...content.channels, ...content.kpis];
    const breaks = metrics.some((m) => m.notComparable?.length)
      ? (content.sourceBreaks ?? []).map((b) => b.sentence)
      : [];
    push(
      section('numbers', 'numbers', 'The month in numbers', {
        against: [monthLabel(addMonths(content.month, -1)), monthLabel(addMonths(content.month, -12))],
        total: content.total,
        channels: content.channels,
        kpis: content.kpis,
        note: content.note,
        ...(note.note ? { sourceNote: note.note } : {}),
        ...(breaks.length ? { breaks } : {}),
      }),
    );
    push(section('story', 'story', 'The story of the month', { markdown: snapshot.highlights }));
    push(content.quotes.length > 0 && section('quotes', 'quotes', 'What customers said', { quotes: content.quotes }));
    push(
      section('shares', 'reasons', 'What customers contacted us about', {
        rows: content.reasons,
        caption: 'Contacts by reason this month',
        first: 'Reason',
        ...note,
      }),
    );
    push(
      section('shares', 'segments', 'Who contacted us', {
        rows: content.segments,
        caption: 'Contacts by customer segment this month',
        first: 'Segment',
        ...note,
      }),
    );
    push(
      content.charts.length > 0 &&
        section('charts', 'charts', 'The last twelve months', {
          charts: content.charts,
          rows: 'latest',
          ...note,
        }),
    );
    push(content.wins.length > 0 && section('wins', 'wins', 'Wins', { wins: content.wins }));
    push(
      !!content.meetTheTeam?.length &&
        section('meetTheTeam', 'meet-the-team', 'Meet the team', { people: content.meetTheTeam }),
    );
    push(content.updates.length > 0 && section('updates', 'updates', 'Project updates', { updates: content.updates }));
    push(!!content.outcomes?.length && section('outcomes', 'outcomes', 'What changed', { outcomes: content.outcomes }));
  }
  push(!!followUps && section('followUps', 'follow-ups', 'Following up on our asks', { markdown: followUps }));
  push(
    (snapshot.asks.trim() !== '' || tracked.length > 0) &&
      section('asks', 'asks', 'How you can help', { markdown: snapshot.asks.trim(), tracked, slug }),
  );
  return sections;
}

function yearNumbersOf(year: YearContent): SectionData['yearNumbers'] {
  return {
    year: year.year,
    total: year.total,
    lastYearTotal: year.lastYearTotal,
    monthsWithFigures: year.months.filter((m) => m.contacts !== null).length,
    kpis: year.kpis.filter((k) => k.meetsTarget !== null),
  };
}

/** What a section says in a chat post: a few plain lines (each destination escapes them its way). */
export type ChatLines = string[];
type ChatRule<K extends SectionKind> = ((s: SectionOf<K>, period: 'month' | 'year') => ChatLines) | 'not-in-chat';

const changeAgainst = (m: Metric | KpiMetric, period: 'month' | 'year') =>
  `${metricChange(m, period === 'year' ? 'lastYear' : 'lastMonth').text} vs ${period === 'year' ? 'last year' : 'last month'}`;

/**
 * Each kind's part in Slack, Teams and webhook posts. A chat post is a summary: the numbers that
 * lead, one quote, the wins and asks by title; everything else is named in "Also in the edition".
 */
export const CHAT: { [K in SectionKind]: ChatRule<K> } = {
  // A comparison across a change of source says so, and the post says which change and where from.
  numbers: (s, period) => [
    ...[s.total, ...s.kpis, ...s.channels]
      .slice(0, 3)
      .map(
        (m) =>
          `${m.label}: ${metricValue(m)} (${changeAgainst(m, period)})${'source' in m && m.source ? `, source: ${m.source}` : ''}`,
      ),
    ...(s.breaks ?? []),
    ...(s.breaks?.length && s.sourceNote ? [s.sourceNote] : []),
  ],
  yearNumbers: (s) => [yearTotalLine(s)],
  story: 'not-in-chat',
  quotes: (s) => {
    const q = s.quotes[0];
    return q ? [`“${q.pullQuote ?? q.text}” — ${q.cite}`] : [];
  },
  shares: 'not-in-chat',
  charts: 'not-in-chat',
  yearKpis: (s) => s.kpis.filter((k) => k.value !== null).map((k) => `${k.label}: ${yearKpiValue(k)}`),
  mostThanked: 'not-in-chat',
  wins: (s) => s.wins.map((w) => `Win: ${w.title}`),
  meetTheTeam: 'not-in-chat',
  updates: 'not-in-chat',
  outcomes: (s) => s.outcomes.map((o) => `${o.kindLabel}: ${o.text}`),
  yearOutcomes: 'not-in-chat',
  people: 'not-in-chat',
  followUps: 'not-in-chat',
  asks: (s) => s.tracked.map((a) => `Ask to ${a.department}: ${a.title}`),
  // A chat channel is read by everyone: the post stays general, as the edition without a reader.
  department: 'not-in-chat',
};

export type ChatSummary = {
  /** The sections a post carries, in order, each as plain lines. */
  parts: { kind: SectionKind; title: string; lines: ChatLines }[];
  /** Headings of the sections the post leaves out: readers find them on the page. */
  leftOut: string[];
};

export function chatSummary(snapshot: EditionSnapshot): ChatSummary {
  const period = snapshot.year ? 'year' : 'month';
  const parts: ChatSummary['parts'] = [];
  const leftOut: string[] = [];
  for (const s of editionSections(snapshot)) {
    const rule = CHAT[s.kind] as ChatRule<typeof s.kind>;
    const lines = rule === 'not-in-chat' ? [] : rule(s as never, period);
    if (lines.length) parts.push({ kind: s.kind, title: s.title, lines });
    else if (!leftOut.includes(s.title)) leftOut.push(s.title);
  }
  return { parts, leftOut };
}
