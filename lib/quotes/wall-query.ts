// The wall's page query, kept free of server-only imports so the benchmark runs exactly this SQL.
// Keyset paging on (receivedOn, id) walks the (status, receivedOn, id) or (teamId, status,
// receivedOn, id) index from where the last page ended, so page 5,000 costs what page 1 costs;
// full-text search uses the GIN index on the generated search vector.
import { Prisma } from '../generated/prisma/client';
import type { QuoteChannel } from '../generated/prisma/enums';

export type WallCursor = { day: string; id: string };
export type WallQuery = {
  teamId?: string;
  channel?: QuoteChannel;
  personId?: string;
  /** Inclusive start and exclusive end, YYYY-MM-DD. */
  range?: { start: string; end: string };
  search?: string;
  /** Older than this cursor (the next page)… */
  after?: WallCursor;
  /** …or newer than it (the previous page). */
  before?: WallCursor;
  limit: number;
};

const CURSOR_RE = /^(\d{4})-(\d{2})-(\d{2})_([A-Za-z0-9_-]{1,64})$/;

/**
 * A cursor from the URL, or undefined (the first page) when it is not one this app wrote: an
 * impossible date such as 2026-99-99 would otherwise reach PostgreSQL's ::date cast and fail.
 */
export function parseCursor(value: string | undefined): WallCursor | undefined {
  const match = value ? CURSOR_RE.exec(value) : null;
  if (!match) return undefined;
  const [, y, m, d, id] = match as unknown as [string, string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const valid =
    Number(y) >= 1900 &&
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d);
  return valid ? { day: `${y}-${m}-${d}`, id } : undefined;
}

export function formatCursor(row: { receivedOn: Date; id: string }): string {
  return `${row.receivedOn.toISOString().slice(0, 10)}_${row.id}`;
}

/** Selects up to limit + 1 ids (the extra one says whether there is another page). */
export function wallIdsSql(query: WallQuery): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`q."status" = 'APPROVED'`];
  if (query.teamId) where.push(Prisma.sql`q."teamId" = ${query.teamId}`);
  if (query.channel) where.push(Prisma.sql`q."channel" = ${query.channel}::"QuoteChannel"`);
  if (query.range)
    where.push(Prisma.sql`q."receivedOn" >= ${query.range.start}::date AND q."receivedOn" < ${query.range.end}::date`);
  if (query.personId)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "QuoteCredit" c WHERE c."quoteId" = q."id" AND c."userId" = ${query.personId})`,
    );
  if (query.search) where.push(Prisma.sql`q."searchVector" @@ websearch_to_tsquery('english', ${query.search})`);
  if (query.after) where.push(Prisma.sql`(q."receivedOn", q."id") < (${query.after.day}::date, ${query.after.id})`);
  else if (query.before)
    where.push(Prisma.sql`(q."receivedOn", q."id") > (${query.before.day}::date, ${query.before.id})`);
  const direction = query.before && !query.after ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return Prisma.sql`SELECT q."id" FROM "Quote" q WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY q."receivedOn" ${direction}, q."id" ${direction} LIMIT ${query.limit + 1}`;
}

export const creditsSelect = {
  credits: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: 'asc' } } },
} as const;

/** A quote's words, who said it (for `citeFor`) and who is credited: every public surface reads these. */
export const quoteBodySelect = {
  id: true,
  text: true,
  pullQuote: true,
  attribution: true,
  customerName: true,
  customerOrganisation: true,
  channel: true,
  receivedOn: true,
  ...creditsSelect,
} as const satisfies Prisma.QuoteSelect;

/** The second query of a wall page: the page's quotes by id (selects what toWallQuote needs). */
export const wallQuoteSelect = {
  ...quoteBodySelect,
  team: { select: { name: true, slug: true } },
} as const satisfies Prisma.QuoteSelect;
