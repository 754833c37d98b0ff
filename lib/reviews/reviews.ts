import 'server-only';
import { db, type Prisma } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from '../errors';
import { currentMonth, monthLabel, addMonths } from '../figures/month';
import { assertCanManageTeam, type TeamRef } from '../team-access';
import { suggestAsks, suggestHighlights, type EditionSnapshot } from './content';
import { listMonthQuotes, loadContent } from './load';
import type { ReviewFields } from './schemas';

type Tx = Prisma.TransactionClient;

const draftSelect = {
  id: true,
  teamId: true,
  month: true,
  title: true,
  highlights: true,
  asks: true,
  distribution: true,
  status: true,
  version: true,
  publishedAt: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
  quotes: { select: { quoteId: true }, orderBy: { position: 'asc' } },
} as const satisfies Prisma.ReviewSelect;

export type ReviewDraft = Prisma.ReviewGetPayload<{ select: typeof draftSelect }>;

/** The form fields of a saved draft, as the composer shows them. */
export function draftValues(review: ReviewDraft): Record<string, string> {
  const values: Record<string, string> = { title: review.title, highlights: review.highlights, asks: review.asks, distribution: review.distribution, version: String(review.version) };
  review.quotes.forEach((q, i) => {
    values[`feature:${q.quoteId}`] = 'on';
    values[`order:${q.quoteId}`] = String(i + 1);
  });
  return values;
}

export class ReviewConflictError extends ConflictError {
  constructor(
    message: string,
    readonly latest: ReviewDraft,
  ) {
    super(message);
  }
}

async function thanksFor(client: Tx | typeof db, teamId: string, month: string): Promise<number | null> {
  const review = await client.review.findUnique({ where: { teamId_month: { teamId, month } }, select: { id: true, status: true } });
  if (!review || review.status !== 'PUBLISHED') return null;
  return client.reviewThanks.count({ where: { reviewId: review.id } });
}

/**
 * Starts the month's edition: a draft pre-filled from the data (title, a story and asks written
 * from the numbers, the month's first approved quotes featured). Starting twice returns the first.
 */
export async function startReview(actor: Actor, team: TeamRef, month: string): Promise<ReviewDraft> {
  assertCanManageTeam(actor, team.id);
  if (month > currentMonth()) throw new ValidationError({ month: ['That month has not started yet.'] });
  const existing = await db.review.findUnique({ where: { teamId_month: { teamId: team.id, month } }, select: draftSelect });
  if (existing) return existing;
  const quotes = await listMonthQuotes(db, team.id, month);
  const featured = [...quotes].sort((a, b) => Number(Boolean(b.pullQuote)) - Number(Boolean(a.pullQuote))).slice(0, 3).map((q) => q.id);
  const content = await loadContent(db, team, month, featured);
  const previousThanks = await thanksFor(db, team.id, addMonths(month, -1));
  // The distribution list carries over from the team's latest edition: leaders set it once.
  const earlier = await db.review.findFirst({ where: { teamId: team.id, month: { lt: month } }, orderBy: { month: 'desc' }, select: { distribution: true } });
  const data = { title: `${team.name}: ${monthLabel(month)}`, highlights: suggestHighlights(content, previousThanks), asks: suggestAsks(content), distribution: earlier?.distribution ?? '' };
  try {
    return await db.$transaction(async (tx) => {
      const review = await tx.review.create({
        data: { teamId: team.id, month, ...data, updatedById: actor.id, quotes: { createMany: { data: featured.map((quoteId, position) => ({ quoteId, position })) } } },
        select: draftSelect,
      });
      await recordAudit(tx, { actor, action: 'review.start', entityType: 'Review', entityId: review.id, after: { month, ...data, featured } });
      return review;
    });
  } catch (error) {
    // Two leaders started it at once: the other one's draft is the answer.
    if (!isUniqueViolation(error)) throw error;
    return db.review.findUniqueOrThrow({ where: { teamId_month: { teamId: team.id, month } }, select: draftSelect });
  }
}

export async function getReviewDraft(actor: Actor, team: TeamRef, month: string): Promise<ReviewDraft | null> {
  assertCanManageTeam(actor, team.id);
  return db.review.findUnique({ where: { teamId_month: { teamId: team.id, month } }, select: draftSelect });
}

/** The team's editions for the composer list, newest month first. */
export async function listTeamReviews(actor: Actor, team: TeamRef) {
  assertCanManageTeam(actor, team.id);
  return db.review.findMany({
    where: { teamId: team.id },
    orderBy: { month: 'desc' },
    select: { id: true, month: true, title: true, status: true, version: true, updatedAt: true, publishedAt: true, _count: { select: { views: true, thanks: true, revisions: true } } },
  });
}

/** Writes the draft's fields if nobody saved since `fields.version`; returns the new version. */
async function writeDraftTx(tx: Tx, actor: Actor, review: ReviewDraft, fields: ReviewFields): Promise<number> {
  const allowed = new Set((await listMonthQuotes(tx, review.teamId, review.month)).map((q) => q.id));
  const unknown = fields.featured.filter((id) => !allowed.has(id));
  if (unknown.length) throw new ValidationError({ featured: ['Feature only approved quotes of this team and month.'] });
  const updated = await tx.review.updateMany({
    where: { id: review.id, version: fields.version },
    data: { title: fields.title, highlights: fields.highlights, asks: fields.asks, distribution: fields.distribution, version: { increment: 1 }, updatedById: actor.id },
  });
  if (updated.count !== 1) {
    const latest = await tx.review.findUniqueOrThrow({ where: { id: review.id }, select: draftSelect });
    throw new ReviewConflictError(
      `${latest.updatedBy?.name ?? 'Someone'} saved this edition while you were editing. Nothing of yours was saved and your text is still here; their version is shown below. Merge what you need, then save again.`,
      latest,
    );
  }
  await tx.reviewQuote.deleteMany({ where: { reviewId: review.id } });
  if (fields.featured.length) await tx.reviewQuote.createMany({ data: fields.featured.map((quoteId, position) => ({ reviewId: review.id, quoteId, position })) });
  await recordAudit(tx, {
    actor,
    action: 'review.save',
    entityType: 'Review',
    entityId: review.id,
    before: { version: review.version, title: review.title, highlights: review.highlights, asks: review.asks, featured: review.quotes.map((q) => q.quoteId) },
    after: { version: fields.version + 1, title: fields.title, highlights: fields.highlights, asks: fields.asks, featured: fields.featured },
  });
  return fields.version + 1;
}

async function loadForWrite(actor: Actor, team: TeamRef, month: string) {
  assertCanManageTeam(actor, team.id);
  const review = await db.review.findUnique({ where: { teamId_month: { teamId: team.id, month } }, select: draftSelect });
  if (!review) throw new NotFoundError('Start the edition first.');
  return review;
}

export async function saveReview(actor: Actor, team: TeamRef, month: string, fields: ReviewFields): Promise<{ version: number }> {
  const review = await loadForWrite(actor, team, month);
  const version = await db.$transaction((tx) => writeDraftTx(tx, actor, review, fields));
  return { version };
}

/**
 * Saves what the leader sees and publishes it in one transaction with its audit event: the
 * content is frozen into a new revision (so a later figures correction cannot change it), and the
 * first publish queues one outbox row for the email, sent after the commit.
 */
export async function publishReview(actor: Actor, team: TeamRef, month: string, fields: ReviewFields, note: string): Promise<{ version: number; revision: number; emailId: string | null }> {
  const review = await loadForWrite(actor, team, month);
  if (review.status === 'PUBLISHED' && !note) throw new ValidationError({ note: ['Say what was corrected: readers see this note.'] });
  return db.$transaction(async (tx) => {
    const version = await writeDraftTx(tx, actor, review, fields);
    const last = await tx.reviewRevision.findFirst({ where: { reviewId: review.id }, orderBy: { revision: 'desc' }, select: { revision: true } });
    const revision = (last?.revision ?? 0) + 1;
    const content = await loadContent(tx, team, month, fields.featured);
    const snapshot: EditionSnapshot = { title: fields.title, highlights: fields.highlights, asks: fields.asks, content };
    await tx.reviewRevision.create({
      data: { teamId: team.id, reviewId: review.id, revision, note: revision === 1 ? null : note, snapshot: JSON.parse(JSON.stringify(snapshot)) as Prisma.InputJsonValue, publishedById: actor.id },
    });
    const publishedAt = review.publishedAt ?? new Date();
    await tx.review.update({ where: { id: review.id }, data: { status: 'PUBLISHED', publishedAt } });
    // Corrections are shown on the page; only the first publish goes out by email.
    const email = revision === 1 ? await tx.reviewEmail.create({ data: { teamId: team.id, reviewId: review.id, revision }, select: { id: true } }) : null;
    await recordAudit(tx, {
      actor,
      action: revision === 1 ? 'review.publish' : 'review.correct',
      entityType: 'Review',
      entityId: review.id,
      after: { month, revision, version, note: revision === 1 ? null : note, title: fields.title },
    });
    return { version, revision, emailId: email?.id ?? null };
  });
}
