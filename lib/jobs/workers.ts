import 'server-only';
import { env } from '../env';
import { log } from '../log';
import { runDelivery, sweepPendingDeliveries } from '../deliveries/deliveries';
import { remindNonReaders, sweepDueReminders } from '../reviews/reminder';
import { publishDueReviews } from '../reviews/schedule';
import { QUEUES, sharedBoss, type Boss } from './queue';

type Data = { deliveryId?: string; reviewId?: string };

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
}

/** One pass of what a lost job would have done: due schedules, deliveries never queued, reminders. */
export async function sweep(boss: Boss) {
  await publishDueReviews();
  await sweepPendingDeliveries(boss);
  await sweepDueReminders();
}

const SWEEP_MS = 60_000;
/** Waits between attempts to start the queue: an instance that starts while the database is away
 * (a restart, a failover) must still run schedules, deliveries and reminders once it is back. */
const START_RETRY_MS = [5_000, 15_000, 60_000, 300_000];
const globalForWorkers = globalThis as unknown as { serviceReviewWorkers?: boolean };

/** Started from instrumentation.ts on every server instance. */
export function startJobWorkers(attempt = 0): void {
  if (globalForWorkers.serviceReviewWorkers || !env().DATABASE_URL) return;
  globalForWorkers.serviceReviewWorkers = true;
  void sharedBoss()
    .then(async (boss) => {
      await workQueues(boss);
      setInterval(() => {
        sweep(boss).catch((error: unknown) => log.warn({ event: 'jobs.sweep_failed', err: error }, 'job sweep failed'));
      }, SWEEP_MS).unref();
      log.info({ event: 'jobs.started', attempt: attempt + 1 }, 'job queue started');
    })
    .catch((error: unknown) => {
      globalForWorkers.serviceReviewWorkers = false;
      const retryInMs = START_RETRY_MS[Math.min(attempt, START_RETRY_MS.length - 1)];
      log.error({ event: 'jobs.start_failed', err: error, retryInMs }, 'job queue did not start; will try again');
      setTimeout(() => startJobWorkers(attempt + 1), retryInMs).unref();
    });
}
