import 'server-only';
import { type Prisma, type DbClient } from '../db';
import { loadCatalog, readMonths } from '../figures/figures';
import { loadBreakRuleUnchecked, loadSourceNoteUnchecked, loadKpiSourcesUnchecked } from '../figures/sources';
import { addMonths, monthRange } from '../dates/month';
import { citeFor } from '../quotes/attribution';
import { quoteBodySelect } from '../quotes/wall-query';
import { dayString } from '../dates/day';
import { listEditionOutcomesUnchecked } from '../outcomes/edition';
import { buildContent, type EditionContent, type EditionQuote, type EditionUpdate, type EditionWin } from './content';

/**
 * A quote as an edition may show it: the customer appears only through `citeFor`, so an
 * anonymous quote's stored name or organisation never reaches a snapshot, a page or an email.
 */
export function toEditionQuote(row: Prisma.QuoteGetPayload<{ select: typeof quoteBodySelect }>): EditionQuote {
  return {
    id: row.id,
    text: row.text,
    pullQuote: row.pullQuote,
    cite: citeFor(row),
    channel: row.channel,
    receivedOn: dayString(row.receivedOn),
    credited: row.credits.map((c) => c.user),
  };
}

/** A span of calendar days, [start, end): a month's or a year's. */
export type DayRange = { start: Date; end: Date };

/** The team's approved quotes received in the month, newest first: the ones a leader can feature. */
export function listMonthQuotes(client: DbClient, teamId: string, month: string): Promise<EditionQuote[]> {
  return listApprovedQuotesIn(client, teamId, monthRange(month));
}

/** The team's approved quotes received in the range, newest first (a month's or a year in review's). */
export async function listApprovedQuotesIn(
  client: DbClient,
  teamId: string,
  { start, end }: DayRange,
): Promise<EditionQuote[]> {
  const rows = await client.quote.findMany({
    where: { teamId, status: 'APPROVED', receivedOn: { gte: start, lt: end } },
    orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
    select: quoteBodySelect,
  });
  return rows.map(toEditionQuote);
}

/** A win as the edition lists it, with the ids of every record it merges (the same win entered twice). */
export type MonthWin = EditionWin & { ids: string[] };

const winKey = (title: string) =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The month's wins with duplicates merged: the same title (ignoring case, spacing and punctuation)
 * is one win, crediting everyone either record credits and keeping the longer story.
 */
export function mergeWins(wins: EditionWin[]): MonthWin[] {
  const byKey = new Map<string, MonthWin>();
  for (const w of wins) {
    const key = winKey(w.title);
    const kept = byKey.get(key);
    if (!kept) {
      byKey.set(key, { ...w, ids: [w.id] });
      continue;
    }
    kept.ids.push(w.id);
    if (w.story.length > kept.story.length) kept.story = w.story;
    for (const c of w.credited) if (!kept.credited.some((k) => k.id === c.id)) kept.credited.push(c);
  }
  return [...byKey.values()];
}

/** The month's wins (merged) and project updates, every one of them: what the leader picks from. */
export async function listMonthEvents(
  client: DbClient,
  teamId: string,
  month: string,
): Promise<{ wins: MonthWin[]; updates: EditionUpdate[] }> {
  const range = monthRange(month);
  const { start, end } = range;
  const wins = await listWinsIn(client, teamId, range);
  const updates = await client.projectUpdate.findMany({
    where: { teamId, postedOn: { gte: start, lt: end } },
    orderBy: [{ postedOn: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      body: true,
      postedOn: true,
      project: { select: { id: true, name: true } },
      author: { select: { name: true } },
    },
  });
  return {
    wins,
    updates: updates.map((u) => ({
      id: u.id,
      projectId: u.project.id,
      projectName: u.project.name,
      body: u.body,
      postedOn: dayString(u.postedOn),
      author: u.author.name,
    })),
  };
}

/** The team's wins in the range, oldest first, the same win entered twice shown once (mergeWins). */
export async function listWinsIn(client: DbClient, teamId: string, { start, end }: DayRange): Promise<MonthWin[]> {
  const wins = await client.win.findMany({
    where: { teamId, deletedAt: null, occurredOn: { gte: start, lt: end } },
    orderBy: [{ occurredOn: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      title: true,
      story: true,
      occurredOn: true,
      credits: { select: { user: { select: { id: true, name: true } } } },
    },
  });
  return mergeWins(
    wins.map((w) => ({
      id: w.id,
      title: w.title,
      story: w.story,
      occurredOn: dayString(w.occurredOn),
      credited: w.credits.map((c) => c.user),
    })),
  );
}

export type Omitted = { wins: string[]; updates: string[] };

/** Everything an edition shows, read from the data as it is now (one query at a time: tx-safe). */
export async function loadContent(
  client: DbClient,
  team: { id: string; name: string; slug: string },
  month: string,
  featured: string[],
  omitted: Omitted = { wins: [], updates: [] },
): Promise<EditionContent> {
  const catalog = await loadCatalog(client, team.id);
  const records = await readMonths(client, team.id, addMonths(month, -12), month);
  const quoteRows = featured.length
    ? await client.quote.findMany({
        where: { id: { in: featured }, teamId: team.id, status: 'APPROVED' },
        select: quoteBodySelect,
      })
    : [];
  const byId = new Map(quoteRows.map((q) => [q.id, toEditionQuote(q)]));
  const events = await listMonthEvents(client, team.id, month);
  const leftOut = new Set([...omitted.wins, ...omitted.updates]);
  const outcomes = await listEditionOutcomesUnchecked(client, team.id, month);
  const rule = await loadBreakRuleUnchecked(client, team.id);
  const sourceNote = await loadSourceNoteUnchecked(client, team.id, addMonths(month, -12), month);
  const kpiSources = await loadKpiSourcesUnchecked(client, team.id, month);
  return buildContent({
    rule,
    sourceNote,
    kpiSources,
    team: { name: team.name, slug: team.slug },
    month,
    catalog,
    records,
    quotes: featured.map((id) => byId.get(id)).filter((q): q is EditionQuote => Boolean(q)),
    // A merged win is left out only when every record of it was: a leader ticks one line.
    wins: events.wins
      .filter((w) => !w.ids.every((id) => leftOut.has(id)))
      .map((w) => ({ id: w.id, title: w.title, story: w.story, occurredOn: w.occurredOn, credited: w.credited })),
    updates: events.updates.filter((u) => !leftOut.has(u.id)),
    outcomes,
  });
}

/** The content with "Meet the team" when anyone is featured; without the key otherwise. */
export function withMeetTheTeam(content: EditionContent, people: EditionContent['meetTheTeam']): EditionContent {
  return people ? { ...content, meetTheTeam: people } : content;
}
