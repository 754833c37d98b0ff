import 'server-only';
import PgBoss from 'pg-boss';
import { env } from '../env';
import { log } from '../log';

// The one job queue: pg-boss keeps its jobs in PostgreSQL (schema "pgboss", created on first
// start), so every app instance shares it and a job is fetched by one worker (SKIP LOCKED).
// Deliveries, scheduled publishing, reminders and edition emails ride on it. An edition email's job
// only says "send this outbox row": the row (lib/distribution/email.ts) holds its lease, its per-recipient
// progress and its retry time, which the leader sees (ARCHITECTURE.md, "Edition emails").
export const QUEUES = {
  delivery: 'edition-delivery',
  publish: 'scheduled-publish',
  reminder: 'edition-reminder',
  email: 'edition-email',
} as const;

export type Boss = PgBoss;

/** Seconds before the first retry of a failed delivery; doubled each time (pg-boss backoff). */
export const retryDelaySeconds = () => Number(process.env.DELIVERY_RETRY_SECONDS ?? 30) || 30;
/** Attempts per delivery, the first included. */
export const DELIVERY_ATTEMPTS = 5;

/** A started queue client on `connectionString` with the app's queues created (idempotent). */
export async function startBoss(connectionString = env().DATABASE_URL): Promise<Boss> {
  if (!connectionString) throw new Error('DATABASE_URL is not set: the job queue needs the database.');
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 4, application_name: 'service-review-jobs' });
  boss.on('error', (error: Error) => log.warn({ event: 'jobs.error', err: error }, 'job queue error'));
  try {
    await boss.start();
    // "stately": at most one queued and one running job per singleton key, so enqueuing the same
    // delivery twice (two instances, a sweep) cannot make two jobs wait for it.
    // Edition emails: "short", one queued job per email, however many are active: the outbox row's
    // lease decides who sends, and a job that died active must not keep the next one from starting.
    for (const name of Object.values(QUEUES))
      await boss.createQueue(name, { name, policy: name === QUEUES.email ? 'short' : 'stately' });
  } catch (error) {
    // A half-started client keeps its pool and timers: close it so a later attempt starts clean.
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    throw error;
  }
  return boss;
}

const globalForBoss = globalThis as unknown as { serviceReviewBoss?: Promise<Boss> };

/** This process's queue client, started on first use. */
export function sharedBoss(): Promise<Boss> {
  globalForBoss.serviceReviewBoss ??= startBoss().catch((error: unknown) => {
    globalForBoss.serviceReviewBoss = undefined;
    throw error;
  });
  return globalForBoss.serviceReviewBoss;
}

export async function stopSharedBoss(timeoutMs = 5000): Promise<void> {
  const boss = globalForBoss.serviceReviewBoss;
  globalForBoss.serviceReviewBoss = undefined;
  if (boss) await (await boss).stop({ graceful: true, wait: true, timeout: timeoutMs });
}

export async function enqueueDelivery(boss: Boss, deliveryId: string): Promise<void> {
  await boss.send(
    QUEUES.delivery,
    { deliveryId },
    {
      singletonKey: deliveryId,
      retryLimit: DELIVERY_ATTEMPTS - 1,
      retryDelay: retryDelaySeconds(),
      retryBackoff: true,
      expireInSeconds: 120,
    },
  );
}

/** A job that runs the due-publish pass at `at`; the pass itself decides what is due. */
export async function enqueueScheduledPublish(boss: Boss, reviewId: string, at: Date): Promise<void> {
  await boss.send(
    QUEUES.publish,
    { reviewId },
    { singletonKey: `${reviewId}@${at.toISOString()}`, startAfter: at, retryLimit: 3, retryDelay: 30 },
  );
}

export async function enqueueReminder(boss: Boss, reviewId: string, at: Date): Promise<void> {
  await boss.send(
    QUEUES.reminder,
    { reviewId },
    { singletonKey: reviewId, startAfter: at, retryLimit: 5, retryDelay: 300, retryBackoff: true },
  );
}

/** A job that sends (or resumes) one edition email's outbox row; the row's claim decides who sends. */
export async function enqueueEmail(boss: Boss, emailId: string): Promise<void> {
  await boss.send(QUEUES.email, { emailId }, { singletonKey: emailId, expireInHours: 4, retryLimit: 0 });
}
