import 'server-only';
import { log } from '../log';
import { smtpFromEnv } from '../distribution/email';
import { enqueueDelivery, enqueueEmail, enqueueReminder, sharedBoss } from '../jobs/queue';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * After the publish commits: the edition email's job, a job per delivery row and, when the team
 * asks for it, the reminder job N days on. A queue outage does not undo the publish: the worker's
 * sweep enqueues emails and deliveries still PENDING a minute later.
 */
export async function queueAfterPublish(
  reviewId: string,
  deliveryIds: string[],
  reminderDays: number | null,
  publishedAt: Date,
  emailId: string | null = null,
): Promise<void> {
  if (!deliveryIds.length && !reminderDays && !emailId) return;
  try {
    const boss = await sharedBoss();
    // With email off the row waits (PENDING) until SMTP is configured; the sweep offers it then.
    if (emailId && smtpFromEnv()) await enqueueEmail(boss, emailId);
    for (const id of deliveryIds) await enqueueDelivery(boss, id);
    if (reminderDays) await enqueueReminder(boss, reviewId, new Date(publishedAt.getTime() + reminderDays * DAY_MS));
  } catch (error) {
    log.warn({ event: 'jobs.enqueue_failed', reviewId, err: error }, 'could not queue the edition’s deliveries');
  }
}
