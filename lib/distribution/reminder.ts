import 'server-only';
import { db } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { log } from '../log';
import { assertCanManageTeam } from '../team-access';
import type { EditionSnapshot } from '../editions/content';
import {
  messageFor,
  publicBaseUrl,
  recipientsForUnchecked,
  smtpFromEnv,
  transportFor,
  type SmtpSettings,
} from './email';
import { editionUrl, renderEditionEmail } from '../editions/email-render';

export async function getReminderDays(actor: Actor, teamId: string): Promise<number | null> {
  assertCanManageTeam(actor, teamId);
  return (await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { reminderDays: true } })).reminderDays;
}

export async function setReminderDays(actor: Actor, teamId: string, days: number | null) {
  assertCanManageTeam(actor, teamId);
  await db.$transaction(async (tx) => {
    const before = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { reminderDays: true } });
    await tx.team.update({ where: { id: teamId }, data: { reminderDays: days } });
    await recordAudit(tx, {
      actor,
      action: 'team.reminder',
      entityType: 'Team',
      entityId: teamId,
      before: { reminderDays: before.reminderDays },
      after: { reminderDays: days },
    });
  });
}

/**
 * The one reminder of an edition: to recipients with an account who have not opened it (opening
 * is known only for signed-in readers, so list addresses without an account are not reminded),
 * never to those who opted out. `reminderSentAt` is claimed before sending, so a second job or
 * instance sends nothing; if the team turned reminders off meanwhile, nothing is sent.
 */
export async function remindNonReaders(
  reviewId: string,
  options: { smtp?: SmtpSettings | null; baseUrl?: string } = {},
): Promise<{ sent: number } | null> {
  const smtp = options.smtp === undefined ? smtpFromEnv() : options.smtp;
  if (!smtp) return null;
  const claimed = await db.$queryRaw<{ teamId: string; month: string; distribution: string }[]>`
    UPDATE "Review" r SET "reminderSentAt" = now(), "updatedAt" = now()
    WHERE r.id = ${reviewId} AND r.status = 'PUBLISHED' AND r."reminderSentAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Team" t WHERE t.id = r."teamId" AND t."reminderDays" IS NOT NULL)
    RETURNING r."teamId", r.month, r.distribution`;
  const review = claimed[0];
  if (!review) return null;
  const [recipients, readers, users, first, team] = await Promise.all([
    recipientsForUnchecked(review.teamId, review.distribution),
    db.reviewView.findMany({ where: { reviewId }, select: { user: { select: { email: true } } } }),
    db.user.findMany({ where: { active: true }, select: { email: true } }),
    db.reviewRevision.findUniqueOrThrow({
      where: { reviewId_revision: { reviewId, revision: 1 } },
      select: { snapshot: true },
    }),
    db.team.findUniqueOrThrow({ where: { id: review.teamId }, select: { slug: true } }),
  ]);
  const read = new Set(readers.map((r) => r.user.email.toLowerCase()));
  const accounts = new Set(users.map((u) => u.email.toLowerCase()));
  const todo = recipients.filter((address) => accounts.has(address) && !read.has(address));
  const baseUrl = options.baseUrl ?? publicBaseUrl();
  const rendered = await renderEditionEmail(
    first.snapshot as EditionSnapshot,
    editionUrl(baseUrl, team.slug, review.month),
  );
  const transport = transportFor(smtp);
  let sent = 0;
  try {
    for (const to of todo) {
      try {
        await transport.sendMail(messageFor(smtp, rendered, to, review.teamId, baseUrl, 'Reminder: '));
        sent++;
      } catch (error) {
        log.warn({ event: 'reminder.failed', reviewId, err: error }, 'a reminder email failed');
      }
    }
  } finally {
    transport.close();
  }
  log.info({ event: 'reminder.sent', reviewId, sent, of: todo.length }, 'edition reminder sent');
  return { sent };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A reminder whose time passed longer ago than this is skipped: late news is no reminder. */
const REMINDER_GRACE_MS = 2 * DAY_MS;

/**
 * The minute sweep's share of a lost reminder job (a queue outage at publish, or reminders turned
 * on after it): every edition whose reminder time came within the grace period and has not gone.
 * remindNonReaders claims each, so this and the job never both send.
 */
export async function sweepDueReminders(
  now: Date = new Date(),
  options: { smtp?: SmtpSettings | null; baseUrl?: string } = {},
): Promise<number> {
  // Email off: nothing could be sent, so every instance's minute tick need not ask the database.
  const smtp = options.smtp === undefined ? smtpFromEnv() : options.smtp;
  if (!smtp) return 0;
  const candidates = await db.review.findMany({
    where: {
      status: 'PUBLISHED',
      reminderSentAt: null,
      team: { reminderDays: { not: null } },
      // Reminder settings stay well under this many days.
      publishedAt: { gte: new Date(now.getTime() - 100 * DAY_MS), lte: now },
    },
    select: { id: true, publishedAt: true, team: { select: { reminderDays: true } } },
  });
  let reminded = 0;
  for (const c of candidates) {
    const due = c.publishedAt!.getTime() + c.team.reminderDays! * DAY_MS;
    if (due > now.getTime() || due <= now.getTime() - REMINDER_GRACE_MS) continue;
    if (await remindNonReaders(c.id, { ...options, smtp })) reminded++;
  }
  return reminded;
}
