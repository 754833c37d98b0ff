import 'server-only';
import type { DbClient } from '../db';
import { loadCatalog, readMonths } from '../figures/figures';
import { dayString } from '../dates/day';
import { quoteBodySelect } from '../quotes/wall-query';
import type { EditionContent, EditionQuote } from './content';
import { listApprovedQuotesIn, listWinsIn, toEditionQuote, type MonthWin } from './load';
import { buildYearContent, type YearContent } from './year-content';

/** [1 January, 1 January of the next year) as UTC-midnight calendar days. */
export function yearRange(year: string): { start: Date; end: Date } {
  const y = Number(year);
  return { start: new Date(Date.UTC(y, 0, 1)), end: new Date(Date.UTC(y + 1, 0, 1)) };
}

/** The team's approved quotes received in the year, newest first: the ones a leader can feature. */
export function listYearQuotes(client: DbClient, teamId: string, year: string): Promise<EditionQuote[]> {
  return listApprovedQuotesIn(client, teamId, yearRange(year));
}

/** The year's wins, the same win entered twice shown once: what the leader picks from. */
export function listYearWins(client: DbClient, teamId: string, year: string): Promise<MonthWin[]> {
  return listWinsIn(client, teamId, yearRange(year));
}

/** Everyone an approved quote or a win of the year credits (every win, picked or not). */
async function listYearCredited(client: DbClient, teamId: string, year: string) {
  const { start, end } = yearRange(year);
  const quoteCredits = await client.quoteCredit.findMany({
    where: { quote: { teamId, status: 'APPROVED', receivedOn: { gte: start, lt: end } } },
    select: { user: { select: { id: true, name: true } } },
  });
  const winCredits = await client.winCredit.findMany({
    where: { win: { teamId, deletedAt: null, occurredOn: { gte: start, lt: end } } },
    select: { user: { select: { id: true, name: true } } },
  });
  return [...quoteCredits, ...winCredits].map((c) => c.user);
}

/** Everything a year in review shows, read from the data as it is now (one query at a time: tx-safe). */
export async function loadYearContent(
  client: DbClient,
  team: { id: string; name: string; slug: string },
  year: string,
  featured: string[],
  omittedWins: string[] = [],
): Promise<{ content: EditionContent; year: YearContent }> {
  const { start, end } = yearRange(year);
  const catalog = await loadCatalog(client, team.id);
  const records = await readMonths(client, team.id, `${Number(year) - 1}-01`, `${year}-12`);
  const quoteRows = featured.length
    ? await client.quote.findMany({
        where: { id: { in: featured }, teamId: team.id, status: 'APPROVED', receivedOn: { gte: start, lt: end } },
        select: quoteBodySelect,
      })
    : [];
  const byId = new Map(quoteRows.map((q) => [q.id, toEditionQuote(q)]));
  const leftOut = new Set(omittedWins);
  const wins = (await listYearWins(client, team.id, year))
    .filter((w) => !w.ids.every((id) => leftOut.has(id)))
    .map((w) => ({ id: w.id, title: w.title, story: w.story, occurredOn: w.occurredOn, credited: w.credited }));
  const editions = await client.review.findMany({
    where: { teamId: team.id, kind: 'MONTHLY', status: 'PUBLISHED', month: { startsWith: `${year}-` } },
    select: { month: true, title: true, _count: { select: { thanks: true } } },
  });
  const outcomes = await client.outcome.findMany({
    where: { teamId: team.id, deletedAt: null, occurredOn: { gte: start, lt: end } },
    orderBy: [{ occurredOn: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, occurredOn: true, text: true },
  });
  const credited = await listYearCredited(client, team.id, year);
  return buildYearContent({
    team: { name: team.name, slug: team.slug },
    year,
    catalog,
    records,
    quotes: featured.map((id) => byId.get(id)).filter((q): q is EditionQuote => Boolean(q)),
    wins,
    editions: editions.map((e) => ({ month: e.month, title: e.title, thanks: e._count.thanks })),
    outcomes: outcomes.map((o) => ({ id: o.id, kind: o.kind, occurredOn: dayString(o.occurredOn), text: o.text })),
    credited,
  });
}
