import 'server-only';
import nodemailer from 'nodemailer';
import { db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { env } from '../env.js';
import { log } from '../log';
import { describeErrorCause } from '../error-cause';
import { assertCanManageTeam, type TeamRef } from '../team-access';
import { renderEditionEmailsUnchecked } from './department-emails';
import type { EditionSnapshot } from '../editions/content';
import { editionUrl, forRecipient, renderEditionEmail } from '../editions/email-render';
import { buildSnapshotUnchecked, readSnapshotDraft } from '../editions/snapshot';
import { unsubscribeUrls } from './unsubscribe';

export type SmtpSettings = {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
  from: string;
};

/** The SMTP server from the environment, or null: email is off and publishing still works. */
export function smtpFromEnv(): SmtpSettings | null {
  const e = env();
  if (!e.SMTP_HOST || !e.MAIL_FROM) return null;
  return {
    host: e.SMTP_HOST,
    port: e.SMTP_PORT,
    secure: e.SMTP_SECURE,
    user: e.SMTP_USER,
    password: e.SMTP_PASSWORD,
    from: e.MAIL_FROM,
  };
}

export function publicBaseUrl(): string {
  const e = env();
  return e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
}

const MAX_ATTEMPTS = 5;
/** Minutes to wait after the nth failure. */
const BACKOFF = [1, 5, 30, 120, 720];
/** An email that could not go out within a week is news no more: it is not sent automatically. */
const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** Messages sent at once over the pooled connections; a failure stops after its batch. */
const BATCH = 50;

/**
 * How long a sender's claim on an outbox row holds unless renewed; it renews it every third of
 * that while sending. Past it the sender is taken to be gone (killed, crashed, cut off) and any
 * instance may claim the row again and send to those not yet sent.
 */
export const emailLeaseMs = () => (Number(process.env.EMAIL_LEASE_SECONDS ?? 60) || 60) * 1000;

/** Sends running in this process, and whether it is stopping (SIGTERM): see stopSendingEmails. */
const sending = { running: 0, stopping: false, idle: new Set<() => void>() };

/** The sender gave the row back (stopping) or lost it (another took it over): not a failure. */
class SendInterrupted extends Error {}

type Claimed = { id: string; attempts: number };

/**
 * For the outbox and reminder workers, which act for the system, not a user: no actor is checked.
 * Every active user, or the team's distribution list, minus those who opted out of the team: by
 * signing in ("Stop these emails") or by the signed link in an email (any address, users or not).
 */
export async function recipientsForUnchecked(teamId: string, distribution: string): Promise<string[]> {
  const [users, addresses] = await Promise.all([
    db.reviewEmailOptOut.findMany({ where: { teamId }, select: { user: { select: { email: true } } } }),
    db.reviewEmailAddressOptOut.findMany({ where: { teamId }, select: { email: true } }),
  ]);
  const optedOut = new Set([...users.map((o) => o.user.email.toLowerCase()), ...addresses.map((a) => a.email)]);
  const list = distribution.trim()
    ? distribution
        .split('\n')
        .map((a) => a.trim().toLowerCase())
        .filter(Boolean)
    : (await db.user.findMany({ where: { active: true }, select: { email: true }, orderBy: { email: 'asc' } })).map(
        (u) => u.email.toLowerCase(),
      );
  return [...new Set(list)].filter((a) => !optedOut.has(a));
}

/**
 * Claims one outbox row for sending: a single UPDATE to SENDING with a fresh lease, so two workers
 * (or instances) never both hold it. Claimable: a new or failed row whose time has come, and a
 * SENDING row whose lease ran out (its sender is gone; a row from before leases has none). By hand
 * a leader may also take a row that gave up or waits for its next try. `attempts` after the claim
 * identifies this claim: renewals and the final write check it, so a sender that lost its lease
 * cannot overwrite the row of the one that took over.
 */
async function claim(where: { id?: string; now: Date; manual?: boolean }): Promise<Claimed | null> {
  const staleBefore = new Date(where.now.getTime() - STALE_AFTER_MS);
  const leaseUntil = new Date(Date.now() + emailLeaseMs());
  const set = Prisma.sql`SET status = 'SENDING', attempts = attempts + 1, "leaseUntil" = ${leaseUntil}, "updatedAt" = now()`;
  const senderGone = Prisma.sql`(status = 'SENDING' AND ("leaseUntil" IS NULL OR "leaseUntil" < ${where.now}))`;
  const rows =
    where.id && where.manual
      ? await db.$queryRaw<Claimed[]>`UPDATE "ReviewEmail" ${set}
        WHERE id = ${where.id} AND (status IN ('PENDING', 'FAILED') OR ${senderGone}) RETURNING id, attempts`
      : where.id
        ? // The edition just published: its own email, if still waiting, whatever is queued before it.
          await db.$queryRaw<Claimed[]>`UPDATE "ReviewEmail" ${set}
        WHERE id = ${where.id} AND attempts < ${MAX_ATTEMPTS}
          AND ((status IN ('PENDING', 'FAILED') AND "nextAttemptAt" <= ${where.now}) OR ${senderGone})
        RETURNING id, attempts`
        : await db.$queryRaw<Claimed[]>`UPDATE "ReviewEmail" ${set}
        WHERE id = (SELECT id FROM "ReviewEmail"
          WHERE ((status IN ('PENDING', 'FAILED') AND "nextAttemptAt" <= ${where.now}) OR ${senderGone})
            AND attempts < ${MAX_ATTEMPTS} AND "createdAt" > ${staleBefore}
          ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, attempts`;
  return rows[0] ?? null;
}

/** Renews this claim's lease; false when the row is no longer this claim's. */
async function renewLease(claimed: Claimed): Promise<boolean> {
  const renewed = await db.reviewEmail.updateMany({
    where: { id: claimed.id, status: 'SENDING', attempts: claimed.attempts },
    data: { leaseUntil: new Date(Date.now() + emailLeaseMs()) },
  });
  return renewed.count === 1;
}

/** The outbox rows due now (or whose sender is gone): what the job queue's sweep hands out. */
export async function listDueEmailsUnchecked(now = new Date()): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "ReviewEmail"
    WHERE ((status IN ('PENDING', 'FAILED') AND "nextAttemptAt" <= ${now})
        OR (status = 'SENDING' AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})))
      AND attempts < ${MAX_ATTEMPTS} AND "createdAt" > ${new Date(now.getTime() - STALE_AFTER_MS)}
    ORDER BY "createdAt" LIMIT 100`;
  return rows.map((r) => r.id);
}

export function transportFor(smtp: SmtpSettings) {
  // Pooled: a few connections carry many messages, so a list of thousands is not thousands of handshakes.
  return nodemailer.createTransport({
    pool: true,
    maxConnections: 3,
    maxMessages: 200,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

type Rendered = Awaited<ReturnType<typeof renderEditionEmail>>;

/**
 * One message per recipient, To: that recipient alone (nobody sees the list, and each copy carries
 * its own signed RFC 8058 one-click unsubscribe), the `List-Unsubscribe` headers mail clients show
 * as "Unsubscribe".
 */
export function messageFor(
  smtp: SmtpSettings,
  rendered: Rendered,
  to: string,
  teamId: string,
  baseUrl: string,
  subjectPrefix = '',
) {
  const urls = unsubscribeUrls(baseUrl, teamId, to);
  const own = forRecipient(rendered, urls.page);
  return {
    from: smtp.from,
    to,
    subject: `${subjectPrefix}${own.subject}`,
    html: own.html,
    text: own.text,
    headers: { 'List-Unsubscribe': `<${urls.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/**
 * Sends to every recipient not yet sent to, in batches. Each recipient is recorded the moment the
 * SMTP server accepts their message (their row exists, unsent, before anything is sent), so a
 * sender stopped anywhere leaves exactly who got it: a resume sends only to the rest. The one way
 * to send twice is a crash between the server's acceptance and that write (ARCHITECTURE.md).
 * Between batches the sender stops if this process is stopping or another sender took the row.
 */
async function sendToRecipients(
  claimed: Claimed,
  recipients: string[],
  smtp: SmtpSettings,
  renderedFor: (to: string) => Rendered,
  teamId: string,
  baseUrl: string,
): Promise<number> {
  const emailId = claimed.id;
  await db.reviewEmailRecipient.createMany({
    data: recipients.map((address) => ({ emailId, address })),
    skipDuplicates: true,
  });
  const waiting = new Set(
    (await db.reviewEmailRecipient.findMany({ where: { emailId, sentAt: null }, select: { address: true } })).map(
      (r) => r.address,
    ),
  );
  const todo = recipients.filter((a) => waiting.has(a));
  const sentCount = () => db.reviewEmailRecipient.count({ where: { emailId, sentAt: { not: null } } });
  let lost = false;
  const heartbeat = setInterval(() => {
    renewLease(claimed).then(
      (held) => (lost ||= !held),
      (error: unknown) => log.warn({ event: 'outbox.lease_renewal_failed', emailId, err: error }, 'lease not renewed'),
    );
  }, emailLeaseMs() / 3);
  const transport = transportFor(smtp);
  try {
    for (let i = 0; i < todo.length; i += BATCH) {
      if (sending.stopping) throw new SendInterrupted('the server is stopping');
      if (lost) throw new SendInterrupted('another sender took the email over');
      const batch = todo.slice(i, i + BATCH);
      const results = await Promise.allSettled(
        batch.map(async (to) => {
          await transport.sendMail(messageFor(smtp, renderedFor(to), to, teamId, baseUrl));
          await db.reviewEmailRecipient.update({
            where: { emailId_address: { emailId, address: to } },
            data: { sentAt: new Date() },
          });
        }),
      );
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        const reason = describeErrorCause(failed.reason);
        throw new Error(`sent to ${await sentCount()} of ${recipients.length}; the rest wait for the retry: ${reason}`);
      }
    }
  } finally {
    clearInterval(heartbeat);
    transport.close();
  }
  return sentCount();
}

async function sendClaimed(claimed: Claimed, smtp: SmtpSettings, baseUrl: string, now: Date) {
  const { id } = claimed;
  // This claim's row only: a sender that lost its lease must not overwrite the one that took over.
  const mine = { id, status: 'SENDING' as const, attempts: claimed.attempts };
  const email = await db.reviewEmail.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      attempts: true,
      revision: true,
      review: { select: { id: true, month: true, distribution: true, team: { select: { id: true, slug: true } } } },
    },
  });
  const review = email.review;
  const about = { emailId: id, reviewId: review.id, team: review.team.slug, month: review.month };
  try {
    const revision = await db.reviewRevision.findUniqueOrThrow({
      where: { reviewId_revision: { reviewId: review.id, revision: email.revision } },
      select: { snapshot: true },
    });
    const recipients = await recipientsForUnchecked(review.team.id, review.distribution);
    // A department's people get the copy that opens with their department's part.
    const renderedFor = await renderEditionEmailsUnchecked(
      revision.snapshot as EditionSnapshot,
      editionUrl(baseUrl, review.team.slug, review.month),
      recipients,
    );
    const sent = recipients.length
      ? await sendToRecipients(claimed, recipients, smtp, renderedFor, review.team.id, baseUrl)
      : 0;
    await db.reviewEmail.updateMany({
      where: mine,
      data: { status: 'SENT', sentAt: new Date(), recipients: sent, lastError: null, leaseUntil: null },
    });
    log.info({ event: 'outbox.sent', ...about, attempt: claimed.attempts, recipients: sent }, 'edition email sent');
    return { id, status: 'SENT' as const, error: null };
  } catch (error) {
    const reason = describeErrorCause(error);
    if (error instanceof SendInterrupted) {
      // Given back, not failed: due again at once (another instance, or this one restarted), and
      // the attempt does not count.
      await db.reviewEmail.updateMany({
        where: mine,
        data: { status: 'PENDING', attempts: { decrement: 1 }, nextAttemptAt: new Date(), leaseUntil: null },
      });
      log.info({ event: 'outbox.interrupted', ...about, reason }, 'edition email paused; it resumes where it stopped');
      return { id, status: 'PENDING' as const, error: reason };
    }
    const wait = BACKOFF[Math.min(claimed.attempts - 1, BACKOFF.length - 1)] ?? 60;
    await db.reviewEmail.updateMany({
      where: mine,
      data: {
        status: 'FAILED',
        lastError: reason.slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + wait * 60_000),
        leaseUntil: null,
      },
    });
    log.warn(
      { event: 'outbox.failed', ...about, attempt: claimed.attempts, retryInMinutes: wait, reason },
      'edition email failed',
    );
    return { id, status: 'FAILED' as const, error: reason };
  }
}

/** Runs one claimed send, counted so that a stopping process can wait for it. */
async function sendTracked(claimed: Claimed, smtp: SmtpSettings, baseUrl: string, now: Date) {
  sending.running++;
  try {
    return await sendClaimed(claimed, smtp, baseUrl, now);
  } finally {
    sending.running--;
    if (!sending.running) for (const done of sending.idle) done();
  }
}

/**
 * Stops taking edition emails in this process (SIGTERM): sends in progress finish their batch,
 * give their row back (due again at once, for the next instance or start) and return. Resolves
 * true when none is left running, false when `timeoutMs` passed first.
 */
export function stopSendingEmails(timeoutMs: number): Promise<boolean> {
  sending.stopping = true;
  if (!sending.running) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      sending.idle.delete(done);
      resolve(true);
    };
    const timer = setTimeout(() => {
      sending.idle.delete(done);
      resolve(false);
    }, timeoutMs);
    sending.idle.add(done);
  });
}

/**
 * One pass over the whole outbox: sends every due row, new ones, failed ones whose retry time has
 * come, and ones whose sender is gone (those resume with the recipients not yet sent). The app
 * sends row by row from the job queue (sendQueuedEmail); this is the same claim in a loop.
 */
export async function deliverDueEmails(
  options: { smtp?: SmtpSettings | null; baseUrl?: string; now?: Date; first?: string } = {},
) {
  const smtp = options.smtp === undefined ? smtpFromEnv() : options.smtp;
  if (!smtp || sending.stopping) return [];
  const now = options.now ?? new Date();
  const baseUrl = options.baseUrl ?? publicBaseUrl();
  const results = [];
  // A leader who just published waits for their own edition's email, not for a backlog of retries.
  const first = options.first ? await claim({ id: options.first, now }) : null;
  if (first) results.push(await sendTracked(first, smtp, baseUrl, now));
  while (!sending.stopping) {
    const next = await claim({ now });
    if (!next) break;
    results.push(await sendTracked(next, smtp, baseUrl, now));
  }
  return results;
}

/**
 * The job queue's handler: sends (or resumes) this one email if it can be claimed now; a row that
 * is not due, already sent, or held by a live sender is left alone.
 */
export async function sendQueuedEmail(emailId: string, options: { smtp?: SmtpSettings | null } = {}) {
  const smtp = options.smtp === undefined ? smtpFromEnv() : options.smtp;
  if (!smtp || sending.stopping) return null;
  const now = new Date();
  const claimed = await claim({ id: emailId, now });
  return claimed ? sendTracked(claimed, smtp, publicBaseUrl(), now) : null;
}

/**
 * A leader sends a failed or stalled email now: it resumes with the recipients not yet sent. A
 * row another live sender holds (its lease still running) is refused.
 */
export async function retryReviewEmail(
  actor: Actor,
  emailId: string,
  options: { smtp?: SmtpSettings | null; baseUrl?: string } = {},
) {
  const email = await db.reviewEmail.findUnique({
    where: { id: emailId },
    select: { id: true, teamId: true, review: { select: { month: true, team: { select: { slug: true } } } } },
  });
  if (!email) throw new NotFoundError('No such email.');
  assertCanManageTeam(actor, email.teamId);
  const refused = 'Only an email that failed, waits, or stopped mid-send can be sent again; this one is being sent.';
  const smtp = options.smtp === undefined ? smtpFromEnv() : options.smtp;
  if (!smtp) {
    // Email is off: queue it again, so it goes out as soon as SMTP is configured.
    const queued = await db.$executeRaw`UPDATE "ReviewEmail"
      SET status = 'PENDING', "nextAttemptAt" = now(), "leaseUntil" = NULL, "updatedAt" = now()
      WHERE id = ${emailId} AND (status = 'FAILED'
        OR (status = 'SENDING' AND ("leaseUntil" IS NULL OR "leaseUntil" < now())))`;
    if (queued !== 1) throw new ConflictError(refused);
    await recordAudit(db, { actor, action: 'review.email.retry', entityType: 'ReviewEmail', entityId: emailId });
    return {
      slug: email.review.team.slug,
      month: email.review.month,
      status: 'PENDING' as const,
      error: 'email is off (no SMTP configured); queued until it is',
    };
  }
  if (await db.reviewEmail.count({ where: { id: emailId, status: 'SENT' } }))
    throw new ConflictError('This email was sent already.');
  const claimed = await claim({ id: emailId, now: new Date(), manual: true });
  if (!claimed) throw new ConflictError(refused);
  await recordAudit(db, { actor, action: 'review.email.retry', entityType: 'ReviewEmail', entityId: emailId });
  const result = await sendTracked(claimed, smtp, options.baseUrl ?? publicBaseUrl(), new Date());
  return { slug: email.review.team.slug, month: email.review.month, status: result.status, error: result.error };
}

/**
 * The outbox rows of an edition, for the leader: sent, failed with reason, or waiting; how many
 * of its recipients have it so far, and whether a SENDING row's sender is gone (`stalled`).
 */
export async function listReviewEmails(actor: Actor, teamId: string, reviewId: string) {
  assertCanManageTeam(actor, teamId);
  const emails = await db.reviewEmail.findMany({
    where: { reviewId },
    orderBy: { revision: 'asc' },
    select: {
      id: true,
      revision: true,
      status: true,
      attempts: true,
      lastError: true,
      recipients: true,
      sentAt: true,
      nextAttemptAt: true,
      leaseUntil: true,
      createdAt: true,
    },
  });
  const counts = emails.length
    ? await db.reviewEmailRecipient.groupBy({
        by: ['emailId'],
        where: { emailId: { in: emails.map((e) => e.id) } },
        _count: { _all: true, sentAt: true },
      })
    : [];
  const now = Date.now();
  return emails.map(({ leaseUntil, ...e }) => {
    const count = counts.find((c) => c.emailId === e.id)?._count;
    return {
      ...e,
      progress: { sent: count?.sentAt ?? 0, of: count?._all ?? 0 },
      stalled: e.status === 'SENDING' && (!leaseUntil || leaseUntil.getTime() < now),
    };
  });
}

/** How many people the first publish would email now: what the confirmation names. */
export async function countRecipients(actor: Actor, team: TeamRef, distribution: string): Promise<number> {
  assertCanManageTeam(actor, team.id);
  return (await recipientsForUnchecked(team.id, distribution)).length;
}

/**
 * The saved draft as its readers would get it, sent only to the leader asking (subject marked
 * "[Test]"), right away: no outbox, nothing recorded as sent to readers.
 */
export async function sendTestEmail(
  actor: Actor,
  team: TeamRef,
  month: string,
  options: { smtp?: SmtpSettings | null; baseUrl?: string } = {},
): Promise<{ to: string }> {
  assertCanManageTeam(actor, team.id);
  const smtp = options.smtp === undefined ? smtpFromEnv() : options.smtp;
  if (!smtp) throw new ValidationError({}, 'Email is off (no SMTP server is configured), so no test can be sent.');
  const draft = await readSnapshotDraft(db, team.id, month);
  if (!draft) throw new NotFoundError('Start the edition first.');
  const baseUrl = options.baseUrl ?? publicBaseUrl();
  // Exactly what publishing would freeze now (lib/editions/snapshot.ts), rendered as readers get it.
  const snapshot = await buildSnapshotUnchecked(db, team, month, draft);
  const rendered = await renderEditionEmail(snapshot, editionUrl(baseUrl, team.slug, month));
  const transport = transportFor(smtp);
  try {
    await transport.sendMail(messageFor(smtp, rendered, actor.email, team.id, baseUrl, '[Test] '));
  } finally {
    transport.close();
  }
  await recordAudit(db, {
    actor,
    action: 'review.email.test',
    entityType: 'Review',
    entityId: draft.id,
    after: { to: actor.email },
  });
  return { to: actor.email };
}
