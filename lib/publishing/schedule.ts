import 'server-only';
import { db } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { log } from '../log';
import { enqueueScheduledPublish, sharedBoss } from '../jobs/queue';
import { dayInZone, parseTimestamp } from '../dates/zone';
import { teamTimeZone } from '../time-zone';
import type { TeamRef } from '../team-access';
import { ScheduleClaimedError, loadForWrite, publishReview, writeDraftTx } from './reviews';
import type { ReviewFields } from './schemas';

/** The instant "publish on <day> at <time>" means in the team's zone, or field errors. */
export async function scheduleInstant(teamId: string, day: string, time: string): Promise<Date> {
  const errors: Record<string, string[]> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) errors.publishOn = ['Choose the day to publish on.'];
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.publishAt = ['Choose the time, e.g. 09:00.'];
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const zone = await teamTimeZone(teamId);
  const at = parseTimestamp(`${day} ${time}`, zone);
  // 31 February parses (it rolls over): a day that does not come back as itself is not a date.
  if (!at || dayInZone(at, zone) !== day) throw new ValidationError({ publishOn: ['That is not a date.'] });
  return at;
}

/**
 * Saves the draft and schedules its publishing at `at`. Nothing is frozen now: the snapshot is
 * taken when the queue publishes, so figures and text saved until then are what readers get.
 */
export async function scheduleReview(actor: Actor, team: TeamRef, month: string, fields: ReviewFields, at: Date) {
  const review = await loadForWrite(actor, team, month);
  if (review.status === 'PUBLISHED')
    throw new ValidationError({ publishOn: ['This edition is already published; publish a correction instead.'] });
  if (at.getTime() <= Date.now()) throw new ValidationError({ publishOn: ['Choose a time in the future.'] });
  const version = await db.$transaction(async (tx) => {
    const version = await writeDraftTx(tx, actor, review, fields);
    await tx.review.update({
      where: { id: review.id },
      data: { scheduledAt: at, scheduledById: actor.id, scheduleError: null },
    });
    await recordAudit(tx, {
      actor,
      action: 'review.schedule',
      entityType: 'Review',
      entityId: review.id,
      after: { month, scheduledAt: at.toISOString() },
    });
    return version;
  });
  try {
    await enqueueScheduledPublish(await sharedBoss(), review.id, at);
  } catch (error) {
    // The worker's minute sweep publishes due editions too.
    log.warn(
      { event: 'jobs.enqueue_failed', reviewId: review.id, err: error },
      'could not queue the scheduled publish',
    );
  }
  return { version };
}

export async function unscheduleReview(actor: Actor, team: TeamRef, month: string) {
  const review = await loadForWrite(actor, team, month);
  await db.$transaction(async (tx) => {
    const updated = await tx.review.updateMany({
      where: { id: review.id, status: 'DRAFT', scheduledAt: { not: null } },
      data: { scheduledAt: null, scheduledById: null },
    });
    if (updated.count)
      await recordAudit(tx, { actor, action: 'review.unschedule', entityType: 'Review', entityId: review.id });
  });
}

/** Failures that would come back every minute (stale text, rights lost): they end the schedule. */
const isRefusal = (error: unknown) =>
  error instanceof ValidationError ||
  error instanceof ConflictError ||
  error instanceof ForbiddenError ||
  error instanceof NotFoundError;

/**
 * Publishes every scheduled edition whose time has come. Each is claimed inside its publishing
 * transaction (publishReview's `scheduledBy`), so with several workers or instances racing each
 * edition is published once, and a crash or an error before the commit leaves it scheduled; it is
 * published with the scheduling leader's rights, read again now.
 */
export async function publishDueReviews(now: Date = new Date()) {
  const due = await db.review.findMany({
    where: { status: 'DRAFT', scheduledAt: { lte: now } },
    orderBy: { scheduledAt: 'asc' },
    take: 20,
    select: { id: true, teamId: true, month: true, scheduledById: true, scheduledAt: true },
  });
  const results: { reviewId: string; published: boolean; error?: string }[] = [];
  for (const row of due) {
    try {
      const user = row.scheduledById
        ? await db.user.findUnique({
            where: { id: row.scheduledById },
            select: { id: true, name: true, email: true, role: true, teamId: true, active: true },
          })
        : null;
      if (!user) throw new NotFoundError('the leader who scheduled it no longer exists');
      const team = await db.team.findUniqueOrThrow({
        where: { id: row.teamId },
        select: { id: true, name: true, slug: true },
      });
      const draft = await loadForWrite(user, team, row.month);
      const fields: ReviewFields = {
        version: draft.version,
        title: draft.title,
        highlights: draft.highlights,
        asks: draft.asks,
        distribution: draft.distribution,
        featured: draft.quotes.map((q) => q.quoteId),
      };
      await publishReview(user, team, row.month, fields, '', { scheduledBy: now });
      results.push({ reviewId: row.id, published: true });
      log.info({ event: 'review.scheduled_publish', reviewId: row.id }, 'scheduled edition published');
    } catch (error) {
      // Another worker published it, or the leader unscheduled it, meanwhile: nothing to say.
      if (error instanceof ScheduleClaimedError) continue;
      const reason = error instanceof Error ? error.message : String(error);
      // A refusal ends the schedule with its reason; anything else (the database, a bug) keeps it
      // scheduled, so the next pass tries again, and says why it is late.
      const ends = isRefusal(error);
      await db.review.updateMany({
        where: { id: row.id, status: 'DRAFT', scheduledAt: row.scheduledAt },
        data: { scheduleError: reason.slice(0, 500), ...(ends ? { scheduledAt: null, scheduledById: null } : {}) },
      });
      results.push({ reviewId: row.id, published: false, error: reason });
      log.warn(
        { event: 'review.scheduled_publish_failed', reviewId: row.id, reason, stillScheduled: !ends },
        'scheduled publish failed',
      );
    }
  }
  return results;
}
