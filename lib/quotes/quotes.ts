import 'server-only';
import { db, type Prisma, type Tx, type DbClient } from '../db';
import { recordAudit } from '../audit';
import { assertRole, assertTeamMember, hasRole, type Actor, assertSignedIn } from '../authz';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, isUniqueViolation } from '../errors';
import { monthRange } from '../dates/month';
import { dayString } from '../dates/day';
import { assertTeamMembers, listTeamMembers } from '../team-members';
import { pageWindow } from '../paging';
import { citeFor } from './attribution';
import type { ApproveQuoteInput, RejectQuoteInput, SubmitQuoteInput, UpdateQuoteInput, WallFilter } from './schemas';
import { creditsSelect, formatCursor, parseCursor, wallIdsSql, wallQuoteSelect } from './wall-query';

export const WALL_PAGE_SIZE = 20;
/** How many quotes one person may have waiting for moderation from the last 24 hours. */
export const PENDING_QUOTES_PER_DAY = 50;

/** The team an agent or leader submits for: their own, and only that. */
function ownTeamId(actor: Actor): string {
  assertRole(actor, 'AGENT', 'LEADER');
  if (!actor.teamId) throw new ForbiddenError();
  return actor.teamId;
}

export async function getQuoteFormOptions(actor: Actor) {
  const teamId = ownTeamId(actor);
  return { teamMembers: await listTeamMembers(db, teamId) };
}

function storedFields(input: Omit<SubmitQuoteInput, 'submissionKey'>) {
  return {
    text: input.text,
    attribution: input.attribution,
    consentRecordedAt: input.consent ? new Date() : null,
    customerName: input.customerName,
    customerOrganisation: input.customerOrganisation,
    channel: input.channel,
    receivedOn: input.receivedOn,
    sourceReference: input.sourceReference,
  };
}

function auditView(
  quote: {
    text: string;
    attribution: string;
    customerName: string | null;
    customerOrganisation: string | null;
    channel: string;
    receivedOn: Date;
    sourceReference: string | null;
    status?: string;
  },
  creditIds: string[],
) {
  return { ...quote, receivedOn: dayString(quote.receivedOn), creditIds };
}

/**
 * Idempotent: the form carries a key made when it was rendered, and (submitter, key) is unique,
 * so a double click, a retried request or a replay returns the quote the first one made.
 */
export async function submitQuote(actor: Actor, input: SubmitQuoteInput): Promise<{ id: string; replayed: boolean }> {
  const teamId = ownTeamId(actor);
  const existing = () =>
    db.quote.findUnique({
      where: { submitterId_submissionKey: { submitterId: actor.id, submissionKey: input.submissionKey } },
      select: { id: true },
    });
  const earlier = await existing();
  if (earlier) return { id: earlier.id, replayed: true };
  await assertTeamMembers(db, teamId, input.creditIds, 'creditIds');
  try {
    const id = await db.$transaction(async (tx) => {
      // Per-submitter lock, so parallel submissions cannot all count the same pending total.
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`quote-submit:${actor.id}`})::bigint)`;
      const pending = await tx.quote.count({
        where: {
          submitterId: actor.id,
          status: 'PENDING',
          createdAt: { gte: new Date(Date.now() - 24 * 60 * 60 * 1000) },
        },
      });
      if (pending >= PENDING_QUOTES_PER_DAY) {
        throw new ConflictError(
          `You have ${PENDING_QUOTES_PER_DAY} quotes from the last day waiting for moderation: please wait until your leader has reviewed some before adding more.`,
        );
      }
      const quote = await tx.quote.create({
        data: {
          ...storedFields(input),
          teamId,
          submitterId: actor.id,
          submissionKey: input.submissionKey,
          credits: { createMany: { data: input.creditIds.map((userId) => ({ userId })) } },
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: 'quote.submit',
        entityType: 'Quote',
        entityId: quote.id,
        after: auditView({ ...storedFields(input), status: 'PENDING' }, input.creditIds),
      });
      return quote.id;
    });
    return { id, replayed: false };
  } catch (error) {
    // Two copies of the same submission raced: the other one won, and its quote is the answer.
    if (isUniqueViolation(error)) {
      const winner = await existing();
      if (winner) return { id: winner.id, replayed: true };
    }
    throw error;
  }
}

const editableSelect = {
  id: true,
  teamId: true,
  submitterId: true,
  status: true,
  text: true,
  attribution: true,
  consentRecordedAt: true,
  customerName: true,
  customerOrganisation: true,
  channel: true,
  receivedOn: true,
  sourceReference: true,
  credits: { select: { userId: true } },
} as const satisfies Prisma.QuoteSelect;

/** Only the submitter edits, and only while pending: after moderation the words are fixed. */
async function loadOwnPending(tx: DbClient, actor: Actor, quoteId: string) {
  assertRole(actor, 'AGENT', 'LEADER');
  const quote = await tx.quote.findUnique({ where: { id: quoteId }, select: editableSelect });
  if (!quote) throw new NotFoundError('No such quote.');
  if (quote.submitterId !== actor.id || quote.teamId !== actor.teamId) throw new ForbiddenError();
  if (quote.status !== 'PENDING')
    throw new ConflictError('This quote has been moderated, so it can no longer be changed.');
  return quote;
}

export async function getOwnQuoteForEdit(actor: Actor, quoteId: string) {
  const quote = await loadOwnPending(db, actor, quoteId);
  return { quote, teamMembers: await listTeamMembers(db, quote.teamId) };
}

export async function updateQuote(actor: Actor, input: UpdateQuoteInput) {
  return db.$transaction(async (tx) => {
    const before = await loadOwnPending(tx, actor, input.quoteId);
    await assertTeamMembers(tx, before.teamId, input.creditIds, 'creditIds');
    const data = storedFields(input);
    // Keep the moment consent was first recorded when it is still given.
    if (data.consentRecordedAt && before.consentRecordedAt) data.consentRecordedAt = before.consentRecordedAt;
    const updated = await tx.quote.updateMany({ where: { id: before.id, status: 'PENDING' }, data });
    if (updated.count !== 1)
      throw new ConflictError('This quote has just been moderated, so it can no longer be changed.');
    await tx.quoteCredit.deleteMany({ where: { quoteId: before.id } });
    await tx.quoteCredit.createMany({ data: input.creditIds.map((userId) => ({ quoteId: before.id, userId })) });
    await recordAudit(tx, {
      actor,
      action: 'quote.update',
      entityType: 'Quote',
      entityId: before.id,
      before: auditView(
        before,
        before.credits.map((c) => c.userId),
      ),
      after: auditView(data, input.creditIds),
    });
  });
}

/** A leader moderates their own team's pending quotes, once; a second moderator gets a conflict. */
async function loadForModeration(tx: Tx, actor: Actor, quoteId: string) {
  assertRole(actor, 'LEADER');
  const quote = await tx.quote.findUnique({
    where: { id: quoteId },
    select: { id: true, teamId: true, status: true, text: true },
  });
  if (!quote) throw new NotFoundError('No such quote.');
  assertTeamMember(actor, quote.teamId, 'LEADER');
  if (quote.status !== 'PENDING') throw new ConflictError('Someone already moderated this quote.');
  return quote;
}

export async function approveQuote(actor: Actor, input: ApproveQuoteInput) {
  return db.$transaction(async (tx) => {
    const quote = await loadForModeration(tx, actor, input.quoteId);
    // The pull-quote is the customer's own words: a part of the original, never a rewrite.
    if (input.pullQuote && !quote.text.includes(input.pullQuote)) {
      throw new ValidationError({
        pullQuote: ['Use the customer’s exact words: the pull-quote must be copied from the quote.'],
      });
    }
    const data = {
      status: 'APPROVED' as const,
      pullQuote: input.pullQuote,
      moderatorId: actor.id,
      moderationNote: null,
      moderatedAt: new Date(),
    };
    const updated = await tx.quote.updateMany({ where: { id: quote.id, status: 'PENDING' }, data });
    if (updated.count !== 1) throw new ConflictError('Someone already moderated this quote.');
    await recordAudit(tx, {
      actor,
      action: 'quote.approve',
      entityType: 'Quote',
      entityId: quote.id,
      before: { status: 'PENDING' },
      after: { status: 'APPROVED', pullQuote: input.pullQuote },
    });
  });
}

export async function rejectQuote(actor: Actor, input: RejectQuoteInput) {
  return db.$transaction(async (tx) => {
    const quote = await loadForModeration(tx, actor, input.quoteId);
    const data = {
      status: 'REJECTED' as const,
      pullQuote: null,
      moderatorId: actor.id,
      moderationNote: input.reason,
      moderatedAt: new Date(),
    };
    const updated = await tx.quote.updateMany({ where: { id: quote.id, status: 'PENDING' }, data });
    if (updated.count !== 1) throw new ConflictError('Someone already moderated this quote.');
    await recordAudit(tx, {
      actor,
      action: 'quote.reject',
      entityType: 'Quote',
      entityId: quote.id,
      before: { status: 'PENDING' },
      after: { status: 'REJECTED', reason: input.reason },
    });
  });
}

export const MY_SUBMISSIONS_PAGE_SIZE = 20;

/** One page of the quotes the actor submitted, newest first. */
export async function listMySubmissions(actor: Actor, requestedPage = 1) {
  assertRole(actor, 'AGENT', 'LEADER');
  const where = { submitterId: actor.id };
  const total = await db.quote.count({ where });
  const { page, pageCount, skip, take } = pageWindow(requestedPage, total, MY_SUBMISSIONS_PAGE_SIZE);
  const rows = await db.quote.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip,
    take,
    select: {
      ...editableSelect,
      pullQuote: true,
      moderationNote: true,
      moderatedAt: true,
      moderator: { select: { name: true } },
      ...creditsSelect,
    },
  });
  const items = rows.map((row) => ({ ...row, cite: citeFor(row), credited: row.credits.map((c) => c.user) }));
  return { items, total, page, pageCount };
}

export const MODERATION_PAGE_SIZE = 20;

/** One page of the leader's team's pending quotes, oldest first. */
export async function listModerationQueue(actor: Actor, requestedPage = 1) {
  assertRole(actor, 'LEADER');
  if (!actor.teamId) return { items: [], total: 0, page: 1, pageCount: 1 };
  const where = { teamId: actor.teamId, status: 'PENDING' } as const;
  const total = await db.quote.count({ where });
  const { page, pageCount, skip, take } = pageWindow(requestedPage, total, MODERATION_PAGE_SIZE);
  const rows = await db.quote.findMany({
    where,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    skip,
    take,
    select: { ...editableSelect, createdAt: true, submitter: { select: { name: true } }, ...creditsSelect },
  });
  const items = rows.map((row) => ({ ...row, cite: citeFor(row), credited: row.credits.map((c) => c.user) }));
  return { items, total, page, pageCount };
}

/** For the navigation badge: leaders only, their own team. */
export async function countPendingQuotes(actor: Actor): Promise<number> {
  if (!hasRole(actor, 'LEADER') || !actor.teamId) return 0;
  return db.quote.count({ where: { teamId: actor.teamId, status: 'PENDING' } });
}

type WallRow = Prisma.QuoteGetPayload<{ select: typeof wallQuoteSelect }>;

/**
 * What a quote looks like on every public surface (wall, person page). Customer name and
 * organisation are folded into `cite`, which respects the attribution; nothing else about the
 * customer, and no source reference, leaves the server.
 */

export function toWallQuote(row: WallRow) {
  return {
    id: row.id,
    text: row.text,
    pullQuote: row.pullQuote,
    cite: citeFor(row),
    channel: row.channel,
    receivedOn: row.receivedOn,
    team: row.team,
    credited: row.credits.map((c) => c.user),
  };
}
export type WallQuote = ReturnType<typeof toWallQuote>;

export async function listWall(actor: Actor, filter: WallFilter) {
  assertSignedIn(actor);
  return wallUnchecked(filter);
}

/**
 * One page of the wall. Answers anyone: its callers checked the reader, listWall through the
 * session and the kept wall through the proxy's gate (lib/kept/gate.ts), which alone can reach it.
 */
export async function wallUnchecked(filter: WallFilter) {
  const team = filter.team ? await db.team.findUnique({ where: { slug: filter.team }, select: { id: true } }) : null;
  if (filter.team && !team) return { quotes: [], newer: null, older: null };
  const range = filter.month ? monthRange(filter.month) : undefined;
  const after = parseCursor(filter.after);
  const before = after ? undefined : parseCursor(filter.before);
  const ids = await db.$queryRaw<{ id: string }[]>(
    wallIdsSql({
      teamId: team?.id,
      channel: filter.channel,
      personId: filter.person,
      range: range ? { start: dayString(range.start), end: dayString(range.end) } : undefined,
      search: filter.q,
      after,
      before,
      limit: WALL_PAGE_SIZE,
    }),
  );
  const more = ids.length > WALL_PAGE_SIZE;
  const pageIds = ids.slice(0, WALL_PAGE_SIZE).map((r) => r.id);
  const rows = await db.quote.findMany({ where: { id: { in: pageIds } }, select: wallQuoteSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = pageIds.map((id) => byId.get(id)).filter((r): r is WallRow => Boolean(r));
  if (before) ordered.reverse();
  const first = ordered[0];
  const last = ordered.at(-1);
  const hasNewer = before ? more : Boolean(after);
  const hasOlder = before ? true : more;
  return {
    quotes: ordered.map(toWallQuote),
    newer: hasNewer && first ? formatCursor(first) : null,
    older: hasOlder && last ? formatCursor(last) : null,
  };
}

/** Choices for the wall's filters: every team, and the people who can be credited. */
export async function listWallFilterOptions(actor: Actor) {
  assertSignedIn(actor);
  return wallFilterOptionsUnchecked();
}

/** The filters' choices; answers anyone, as wallUnchecked. */
export async function wallFilterOptionsUnchecked() {
  const [teams, people] = await Promise.all([
    db.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true } }),
    db.user.findMany({
      where: { role: { in: ['AGENT', 'LEADER'] }, teamId: { not: null } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, team: { select: { name: true } } },
    }),
  ]);
  return { teams, people: people.map((p) => ({ id: p.id, name: p.name, team: p.team?.name ?? '' })) };
}
