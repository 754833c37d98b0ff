import 'server-only';
import { env } from './env';
import { log } from './log';
import { runDelivery, sweepPendingDeliveries } from './deliveries/deliveries';
import { remindNonReaders, sweepDueReminders } from './distribution/reminder';
import { publishDueReviews } from './publishing/schedule';
import { listDueEmailsUnchecked, sendQueuedEmail, smtpFromEnv, stopSendingEmails } from './distribution/email';
import { QUEUES, enqueueEmail, sharedBoss, stopSharedBoss, type Boss } from './jobs/queue';

type Data = { deliveryId?: string; reviewId?: string; emailId?: string };

/** Registers this process's handlers on a queue client; every instance may do so. */
export async function workQueues(boss: Boss, options: { pollingIntervalSeconds?: number } = {}) {
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work<Data>(QUEUES.delivery, polling, async (jobs) => {
    for (const job of jobs) if (job.data.deliveryId) await runDelivery(job.data.deliveryId);
  });
  await boss.work<Data>(QUEUES.publish, polling, async () => {
    await publishDueReviews();
  });
  await boss.work<Data>(QUEUES.reminder, polling, async (jobs) => {
    for (const job of jobs) if (job.data.reviewId) await remindNonReaders(job.data.reviewId);
  });
  // Only an instance that can send takes an email's job: one without SMTP would finish it unsent.
  if (smtpFromEnv())
    await boss.work<Data>(QUEUES.email, polling, async (jobs) => {
      for (const job of jobs) if (job.data.emailId) await sendQueuedEmail(job.data.emailId);
    });
}

/** Offers every due edition email to the queue (new, retry time come, or its sender gone). */
export async function sweepDueEmails(boss: Boss) {
  if (!smtpFromEnv()) return;
  for (const id of await listDueEmailsUnchecked()) await enqueueEmail(boss, id);
}

/** One pass of what a lost job would have done: due schedules, deliveries never queued, reminders. */
export async function sweep(boss: Boss) {
  await publishDueReviews();
  await sweepPendingDeliveries(boss);
  await sweepDueReminders();
  await sweepDueEmails(boss);
}

/** What a stopping process (SIGTERM) waits for, at most, before it exits. */
const DRAIN_MS = 10_000;

/**
 * SIGTERM: take no more work, let edition emails in flight finish their batch and give their row
 * back, and let running jobs end, within DRAIN_MS; scripts/serve.mjs calls it before exiting.
 * Whatever is cut off is resumed by another instance, or this one restarted, when its lease ends.
 */
export async function stopBackgroundWork(): Promise<void> {
  const started = Date.now();
  // No new sweep: it would hand work to a queue client that is closing.
  globalForWorkers.serviceReviewStopping = true;
  if (globalForWorkers.serviceReviewSweep) clearInterval(globalForWorkers.serviceReviewSweep);
  const emails = stopSendingEmails(DRAIN_MS);
  await Promise.allSettled([emails, stopSharedBoss(DRAIN_MS)]);
  log.info({ event: 'jobs.stopped', drained: await emails, ms: Date.now() - started }, 'background work stopped');
}

/** How often the sweep runs (`JOB_SWEEP_SECONDS`, default 60): a given-back or stalled email waits at most this long. */
const sweepMs = () => (Number(process.env.JOB_SWEEP_SECONDS ?? 60) || 60) * 1000;
/** Waits between attempts to start the queue: an instance that starts while the database is away
 * (a restart, a failover) must still run schedules, deliveries and reminders once it is back. */
const START_RETRY_MS = [5_000, 15_000, 60_000, 300_000];
const globalForWorkers = globalThis as unknown as {
  serviceReviewWorkers?: boolean;
  serviceReviewSweep?: ReturnType<typeof setInterval>;
  serviceReviewStopping?: boolean;
};

/** Started from instrumentation.ts on every server instance. */
export function startJobWorkers(attempt = 0): void {
  // Read by scripts/serve.mjs on SIGTERM.
  (globalThis as { serviceReviewDrain?: () => Promise<void> }).serviceReviewDrain = stopBackgroundWork;
  if (globalForWorkers.serviceReviewWorkers || !env().DATABASE_URL) return;
  globalForWorkers.serviceReviewWorkers = true;
  void sharedBoss()
    .then(async (boss) => {
      await workQueues(boss);
      globalForWorkers.serviceReviewSweep = setInterval(() => {
        sweep(boss).catch((error: unknown) => {
          // A sweep cut off by the process stopping is resumed by the next start's sweep: not a failure.
          if (!globalForWorkers.serviceReviewStopping)
            log.warn({ event: 'jobs.sweep_failed', err: error }, 'job sweep failed');
        });
      }, sweepMs()).unref();
      log.info({ event: 'jobs.started', attempt: attempt + 1 }, 'job queue started');
    })
    .catch((error: unknown) => {
      globalForWorkers.serviceReviewWorkers = false;
      const retryInMs = START_RETRY_MS[Math.min(attempt, START_RETRY_MS.length - 1)];
      log.error({ event: 'jobs.start_failed', err: error, retryInMs }, 'job queue did not start; will try again');
      setTimeout(() => startJobWorkers(attempt + 1), retryInMs).unref();
    });
}
