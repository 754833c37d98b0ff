import 'server-only';
import { db, type Prisma } from '../db';
import type { Actor } from '../authz';
import { describeErrorCause } from '../error-cause';
import { UndecryptableSecretError } from '../errors';
import { log } from '../log';
import { assertCanManageTeam } from '../team-access';
import { DELIVERY_ATTEMPTS, enqueueDelivery, type Boss } from '../jobs/queue';
import { publicBaseUrl } from '../distribution/email';
import { editionUrl } from '../editions/email-render';
import type { EditionSnapshot } from '../editions/content';
import { announcementFor, payloadFor } from './messages';
import { postPayload } from './post';
import { decryptSecret } from './secrets';

/**
 * One delivery row per destination, written in the publish transaction: the unique
 * (review, destination) pair is what makes an edition go to each destination once, however many
 * instances or duplicate jobs there are.
 */
export async function createDeliveriesTx(tx: Prisma.TransactionClient, teamId: string, reviewId: string) {
  const destinations = await tx.deliveryDestination.findMany({ where: { teamId }, select: { id: true } });
  if (!destinations.length) return [];
  await tx.editionDelivery.createMany({
    data: destinations.map((d) => ({ teamId, reviewId, destinationId: d.id })),
    skipDuplicates: true,
  });
  const rows = await tx.editionDelivery.findMany({ where: { reviewId, status: 'PENDING' }, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * Claims a delivery (PENDING/RETRYING → SENDING in one conditional UPDATE, so only one worker
 * sends it) and posts it. A failure is recorded and rethrown so the queue retries with backoff;
 * after the last attempt it stays FAILED. A destination stored under another AUTH_SECRET fails at
 * once, unretried. A row left SENDING by a crash is not resent: the message may already have gone.
 */
export async function runDelivery(deliveryId: string, options: { baseUrl?: string } = {}) {
  const claimed = await db.$queryRaw<{ attempts: number }[]>`
    UPDATE "EditionDelivery" SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = now()
    WHERE id = ${deliveryId} AND status IN ('PENDING', 'RETRYING') RETURNING attempts`;
  const attempts = claimed[0]?.attempts;
  if (attempts === undefined) return { status: 'SKIPPED' as const };
  const delivery = await db.editionDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    select: {
      reviewId: true,
      destination: { select: { id: true, kind: true, urlEncrypted: true, secretEncrypted: true } },
      review: { select: { month: true, team: { select: { slug: true } } } },
    },
  });
  try {
    const revision = await db.reviewRevision.findUniqueOrThrow({
      where: { reviewId_revision: { reviewId: delivery.reviewId, revision: 1 } },
      select: { snapshot: true },
    });
    const link = editionUrl(options.baseUrl ?? publicBaseUrl(), delivery.review.team.slug, delivery.review.month);
    const { destination } = delivery;
    await postPayload(
      decryptSecret(destination.urlEncrypted),
      payloadFor(destination.kind, announcementFor(revision.snapshot as EditionSnapshot, link)),
      destination.secretEncrypted ? decryptSecret(destination.secretEncrypted) : null,
    );
    await db.editionDelivery.update({
      where: { id: deliveryId },
      data: { status: 'SENT', sentAt: new Date(), lastError: null },
    });
    log.info({ event: 'delivery.sent', deliveryId, attempts }, 'edition delivered');
    return { status: 'SENT' as const };
  } catch (error) {
    // The row keeps the leader's sentence (a DeliveryError's status and words); the log keeps the cause.
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof UndecryptableSecretError) {
      // Stored under another AUTH_SECRET: every retry would fail the same way. Failed once, with
      // the sentence that says what to do; start-up names these destinations too.
      await db.editionDelivery.update({ where: { id: deliveryId }, data: { status: 'FAILED', lastError: reason } });
      log.error(
        { event: 'delivery.undecryptable', deliveryId, destinationId: delivery.destination.id, attempts, reason },
        'edition delivery failed: destination saved under another AUTH_SECRET',
      );
      return { status: 'FAILED' as const };
    }
    const last = attempts >= DELIVERY_ATTEMPTS;
    await db.editionDelivery.update({
      where: { id: deliveryId },
      data: { status: last ? 'FAILED' : 'RETRYING', lastError: reason.slice(0, 500) },
    });
    log.warn(
      { event: 'delivery.failed', deliveryId, attempts, final: last, reason, cause: describeErrorCause(error) },
      'edition delivery failed',
    );
    throw error;
  }
}

/** Jobs for deliveries still waiting (a crash between the publish commit and the enqueue). */
export async function sweepPendingDeliveries(boss: Boss, olderThanMs = 60_000): Promise<number> {
  const waiting = await db.editionDelivery.findMany({
    where: { status: 'PENDING', createdAt: { lt: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    take: 200,
  });
  for (const d of waiting) await enqueueDelivery(boss, d.id);
  return waiting.length;
}

/** Each destination's state for one edition, for the leader's edition page. */
export async function listEditionDeliveries(actor: Actor, teamId: string, reviewId: string) {
  assertCanManageTeam(actor, teamId);
  return db.editionDelivery.findMany({
    where: { reviewId, teamId },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      updatedAt: true,
      destination: { select: { name: true, kind: true } },
    },
  });
}
