import 'server-only';
import { db, type DbClient, type Prisma, type Tx } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from '../errors';
import { currentMonth, monthLabel, addMonths } from '../dates/month';
import { assertCanManageTeam, type TeamRef } from '../team-access';
import { makeBasis, parseBasis, rewriteBlocks, textStaleness, type FactChange } from '../editions/basis';
import { suggestAskBlocks, suggestHighlightBlocks } from '../editions/content';
import { listMonthQuotes, loadContent } from '../editions/load';
import { buildSnapshotUnchecked, snapshotDraftSelect } from '../editions/snapshot';
import { createDeliveriesTx } from '../deliveries/deliveries';
import { queueAfterPublish } from '../deliveries/after-publish';
import type { ReviewFields } from './schemas';
import { followUpsForDraft } from '../asks/carry';
import { listYearQuotes } from '../editions/year-load';
import { isYearPeriod } from '../editions/period';

const draftSelect = {
  id: true,
  teamId: true,
  month: true,
  kind: true,
  title: true,
  highlights: true,
  asks: true,
  followUps: true,
  distribution: true,
  status: true,
  version: true,
  publishedAt: true,
  textBasis: true,
  textConfirmedDigest: true,
  omittedWinIds: true,
  omittedUpdateIds: true,
  scheduledAt: true,
  scheduleError: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
  quotes: { select: { quoteId: true }, orderBy: { position: 'asc' } },
} as const satisfies Prisma.ReviewSelect;

export type ReviewDraft = Prisma.ReviewGetPayload<{ select: typeof draftSelect }>;

/** The form fields of a saved draft, as the composer shows them. */
export function draftValues(review: ReviewDraft): Record<string, string> {
  const values: Record<string, string> = {
    title: review.title,
    highlights: review.highlights,
    asks: review.asks,
    followUps: review.followUps,
    distribution: review.distribution,
    version: String(review.version),
  };
  review.quotes.forEach((q, i) => {
    values[`feature:${q.quoteId}`] = 'on';
    values[`order:${q.quoteId}`] = String(i + 1);
  });
  return values;
}

/** The wins and project updates to leave out: the saved choice unless the form made one. */
const omissions = (review: ReviewDraft, fields: ReviewFields) => ({
  wins: fields.omitWins ?? review.omittedWinIds,
  updates: fields.omitUpdates ?? review.omittedUpdateIds,
});

/**
 * Publishing text written from figures that have since changed is refused until the leader
 * rewrites the generated parts or says the text stands; `changes` says what moved.
 */
export class StaleTextError extends ConflictError {
  constructor(readonly changes: FactChange[]) {
    super(
      `The figures changed since the story was written (${changes.length} change${changes.length === 1 ? '' : 's'}, shown above the story). Rewrite the parts written from the figures, or confirm that the text stands, then publish. Nothing was published.`,
    );
  }
}

/** A scheduled publish found its schedule gone: published by another worker, or unscheduled. */
export class ScheduleClaimedError extends ConflictError {
  constructor() {
    super('This edition is no longer scheduled: it was published or unscheduled meanwhile.');
  }
}

export class ReviewConflictError extends ConflictError {
  constructor(
    message: string,
    readonly latest: ReviewDraft,
  ) {
    super(message);
  }
}

async function thanksFor(client: DbClient, teamId: string, month: string): Promise<number | null> {
  const review = await client.review.findUnique({
    where: { teamId_month: { teamId, month } },
    select: { id: true, status: true },
  });
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
  const existing = await db.review.findUnique({
    where: { teamId_month: { teamId: team.id, month } },
    select: draftSelect,
  });
  if (existing) return existing;
  const quotes = await listMonthQuotes(db, team.id, month);
  const featured = [...quotes]
    .sort((a, b) => Number(Boolean(b.pullQuote)) - Number(Boolean(a.pullQuote)))
    .slice(0, 3)
    .map((q) => q.id);
  const content = await loadContent(db, team, month, featured);
  const previousThanks = await thanksFor(db, team.id, addMonths(month, -1));
  // The distribution list carries over from the team's latest edition: leaders set it once.
  const earlier = await db.review.findFirst({
    where: { teamId: team.id, month: { lt: month }, kind: 'MONTHLY' },
    orderBy: { month: 'desc' },
    select: { distribution: true },
  });
  const blocks = { highlights: suggestHighlightBlocks(content, previousThanks), asks: suggestAskBlocks(content) };
  const data = {
    title: `${team.name}: ${monthLabel(month)}`,
    highlights: blocks.highlights.map((b) => b.text).join('\n\n'),
    asks: blocks.asks.map((b) => b.text).join('\n'),
    distribution: earlier?.distribution ?? '',
    followUps: await followUpsForDraft(db, team.id, month),
  };
  // What the generated text was written from travels with it, so a later change of figures shows.
  const textBasis = JSON.parse(
    JSON.stringify(makeBasis(content, blocks.highlights, blocks.asks)),
  ) as Prisma.InputJsonValue;
  try {
    return await db.$transaction(async (tx) => {
      const review = await tx.review.create({
        data: {
          teamId: team.id,
          month,
          ...data,
          textBasis,
          updatedById: actor.id,
          quotes: { createMany: { data: featured.map((quoteId, position) => ({ quoteId, position })) } },
        },
        select: draftSelect,
      });
      await recordAudit(tx, {
        actor,
        action: 'review.start',
        entityType: 'Review',
        entityId: review.id,
        after: { month, ...data, featured },
      });
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
    select: {
      id: true,
      month: true,
      kind: true,
      title: true,
      status: true,
      version: true,
      updatedAt: true,
      publishedAt: true,
      _count: { select: { views: true, thanks: true, revisions: true } },
    },
  });
}

type TextChoice = { textBasis?: Prisma.InputJsonValue; textConfirmedDigest?: string | null };

/** Writes the draft's fields if nobody saved since `fields.version`; returns the new version. */
export async function writeDraftTx(
  tx: Tx,
  actor: Actor,
  review: ReviewDraft,
  fields: ReviewFields,
  text: TextChoice = {},
): Promise<number> {
  const listQuotes = isYearPeriod(review.month) ? listYearQuotes : listMonthQuotes;
  const allowed = new Set((await listQuotes(tx, review.teamId, review.month)).map((q) => q.id));
  const unknown = fields.featured.filter((id) => !allowed.has(id));
  if (unknown.length)
    throw new ValidationError({ featured: ['Feature only approved quotes of this team and period.'] });
  const updated = await tx.review.updateMany({
    where: { id: review.id, version: fields.version },
    data: {
      title: fields.title,
      highlights: fields.highlights,
      asks: fields.asks,
      distribution: fields.distribution,
      ...(fields.followUps === undefined ? {} : { followUps: fields.followUps }),
      omittedWinIds: omissions(review, fields).wins,
      omittedUpdateIds: omissions(review, fields).updates,
      ...text,
      version: { increment: 1 },
      updatedById: actor.id,
    },
  });
  if (updated.count !== 1) {
    const latest = await tx.review.findUniqueOrThrow({ where: { id: review.id }, select: draftSelect });
    throw new ReviewConflictError(
      `${latest.updatedBy?.name ?? 'Someone'} saved this edition while you were editing. Nothing of yours was saved and your text is still here; their version is shown below. Merge what you need, then save again.`,
      latest,
    );
  }
  await tx.reviewQuote.deleteMany({ where: { reviewId: review.id } });
  if (fields.featured.length)
    await tx.reviewQuote.createMany({
      data: fields.featured.map((quoteId, position) => ({ reviewId: review.id, quoteId, position })),
    });
  await recordAudit(tx, {
    actor,
    action: 'review.save',
    entityType: 'Review',
    entityId: review.id,
    before: {
      version: review.version,
      title: review.title,
      highlights: review.highlights,
      asks: review.asks,
      followUps: review.followUps,
      featured: review.quotes.map((q) => q.quoteId),
    },
    after: {
      version: fields.version + 1,
      title: fields.title,
      highlights: fields.highlights,
      asks: fields.asks,
      followUps: fields.followUps ?? review.followUps,
      featured: fields.featured,
      omitted: omissions(review, fields),
      ...('textConfirmedDigest' in text ? { textConfirmedDigest: text.textConfirmedDigest } : {}),
      ...(text.textBasis ? { textRewritten: true } : {}),
    },
  });
  return fields.version + 1;
}

export async function loadForWrite(actor: Actor, team: TeamRef, month: string) {
  assertCanManageTeam(actor, team.id);
  const review = await db.review.findUnique({
    where: { teamId_month: { teamId: team.id, month } },
    select: draftSelect,
  });
  if (!review) throw new NotFoundError('Start the edition first.');
  return review;
}

export async function saveReview(
  actor: Actor,
  team: TeamRef,
  month: string,
  fields: ReviewFields,
): Promise<{ version: number }> {
  const review = await loadForWrite(actor, team, month);
  const version = await db.$transaction((tx) => writeDraftTx(tx, actor, review, fields));
  return { version };
}

/**
 * Rewrites the parts of the story and asks still exactly as generated from today's figures, keeping
 * every paragraph the leader wrote or edited, and saves; the text is then tied to today's figures.
 */
export async function rewriteReviewText(
  actor: Actor,
  team: TeamRef,
  month: string,
  fields: ReviewFields,
): Promise<{ version: number; highlights: string; asks: string }> {
  const review = await loadForWrite(actor, team, month);
  if (review.kind === 'YEAR') throw new ValidationError({}, 'A year in review has no text tied to figures to rewrite.');
  return db.$transaction(async (tx) => {
    const content = await loadContent(tx, team, month, fields.featured, omissions(review, fields));
    const previousThanks = await thanksFor(tx, team.id, addMonths(month, -1));
    const fresh = { highlights: suggestHighlightBlocks(content, previousThanks), asks: suggestAskBlocks(content) };
    const old = parseBasis(review.textBasis) ?? { highlights: [], asks: [] };
    const highlights = rewriteBlocks(fields.highlights, old.highlights, fresh.highlights, 'paragraph');
    const asks = rewriteBlocks(fields.asks, old.asks, fresh.asks, 'line');
    const textBasis = JSON.parse(
      JSON.stringify(makeBasis(content, fresh.highlights, fresh.asks)),
    ) as Prisma.InputJsonValue;
    const version = await writeDraftTx(
      tx,
      actor,
      review,
      { ...fields, highlights: highlights || fields.highlights, asks },
      { textBasis, textConfirmedDigest: null },
    );
    return { version, highlights: highlights || fields.highlights, asks };
  });
}

/** The leader read what changed and says the text stands with today's figures; saved with it. */
export async function confirmReviewText(
  actor: Actor,
  team: TeamRef,
  month: string,
  fields: ReviewFields,
): Promise<{ version: number }> {
  const review = await loadForWrite(actor, team, month);
  if (review.kind === 'YEAR') throw new ValidationError({}, 'A year in review has no text tied to figures to confirm.');
  return db.$transaction(async (tx) => {
    const content = await loadContent(tx, team, month, fields.featured, omissions(review, fields));
    const basis = makeBasis(content, [], []);
    const version = await writeDraftTx(tx, actor, review, fields, { textConfirmedDigest: basis.digest });
    return { version };
  });
}

/** What changed under the saved draft's generated text, for the composer; null when nothing did. */
export async function draftStaleness(review: ReviewDraft, team: TeamRef): Promise<FactChange[] | null> {
  // A year in review's story is not tied to figures: nothing to go stale.
  if (review.kind === 'YEAR') return null;
  const content = await loadContent(db, team, review.month, [], {
    wins: review.omittedWinIds,
    updates: review.omittedUpdateIds,
  });
  return textStaleness(review.textBasis, review.textConfirmedDigest, review.highlights, review.asks, content);
}

/**
 * Saves what the leader sees and publishes it in one transaction with its audit event: the
 * content is frozen into a new revision (so a later figures correction cannot change it), and the
 * first publish writes one outbox row for the email, handed to the job queue after the commit.
 */
export async function publishReview(
  actor: Actor,
  team: TeamRef,
  month: string,
  fields: ReviewFields,
  note: string,
  options: { scheduledBy?: Date } = {},
): Promise<{ version: number; revision: number; emailId: string | null; deliveries: number }> {
  const review = await loadForWrite(actor, team, month);
  if (review.status === 'PUBLISHED' && !note)
    throw new ValidationError({ note: ['Say what was corrected: readers see this note.'] });
  const result = await db.$transaction(async (tx) => {
    if (options.scheduledBy) {
      // The schedule is claimed by this transaction (the row stays locked until it ends): a crash
      // or error before the commit leaves the edition still scheduled, and a second worker waits,
      // then finds no schedule and stops.
      const claimed = await tx.review.updateMany({
        where: { id: review.id, status: 'DRAFT', scheduledAt: { lte: options.scheduledBy } },
        data: { scheduledAt: null },
      });
      if (!claimed.count) throw new ScheduleClaimedError();
    }
    const version = await writeDraftTx(tx, actor, review, fields);
    const last = await tx.reviewRevision.findFirst({
      where: { reviewId: review.id },
      orderBy: { revision: 'desc' },
      select: { revision: true },
    });
    const revision = (last?.revision ?? 0) + 1;
    // Built from the draft just saved, by the same builder as the preview and the test email.
    const draft = await tx.review.findUniqueOrThrow({ where: { id: review.id }, select: snapshotDraftSelect });
    const snapshot = await buildSnapshotUnchecked(tx, team, review.month, draft);
    // Read inside the transaction that publishes: figures saved a moment ago count.
    const stale = textStaleness(
      review.textBasis,
      review.textConfirmedDigest,
      fields.highlights,
      fields.asks,
      snapshot.content,
    );
    if (stale) throw new StaleTextError(stale);
    await tx.reviewRevision.create({
      data: {
        teamId: team.id,
        reviewId: review.id,
        revision,
        note: revision === 1 ? null : note,
        snapshot: JSON.parse(JSON.stringify(snapshot)) as Prisma.InputJsonValue,
        publishedById: actor.id,
      },
    });
    const publishedAt = review.publishedAt ?? new Date();
    // Publishing by hand (or by the schedule) ends any schedule.
    await tx.review.update({
      where: { id: review.id },
      data: { status: 'PUBLISHED', publishedAt, scheduledAt: null, scheduledById: null, scheduleError: null },
    });
    // The revision froze the figures as they are: nothing has drifted from it (lib/editions/drift.ts).
    await tx.$executeRaw`UPDATE "Review" SET drift = NULL, "driftCheckedEpoch" = "driftEpoch" WHERE id = ${review.id}`;
    // Corrections are shown on the page; only the first publish goes out by email.
    const email =
      revision === 1
        ? await tx.reviewEmail.create({
            data: { teamId: team.id, reviewId: review.id, revision },
            select: { id: true },
          })
        : null;
    await recordAudit(tx, {
      actor,
      action: revision === 1 ? 'review.publish' : 'review.correct',
      entityType: 'Review',
      entityId: review.id,
      after: { month, revision, version, note: revision === 1 ? null : note, title: fields.title },
    });
    // Slack, Teams and webhooks, like the email, announce the first publish only.
    const deliveryIds = revision === 1 ? await createDeliveriesTx(tx, team.id, review.id) : [];
    const reminderDays =
      revision === 1
        ? ((await tx.team.findUnique({ where: { id: team.id }, select: { reminderDays: true } }))?.reminderDays ?? null)
        : null;
    return { version, revision, emailId: email?.id ?? null, deliveryIds, reminderDays, publishedAt };
  });
  await queueAfterPublish(review.id, result.deliveryIds, result.reminderDays, result.publishedAt, result.emailId);
  return {
    version: result.version,
    revision: result.revision,
    emailId: result.emailId,
    deliveries: result.deliveryIds.length,
  };
}
