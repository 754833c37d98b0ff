import 'server-only';
import nodemailer from 'nodemailer';
import { db } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { env } from '../env.js';
import { log } from '../log';
import { describeErrorCause } from '../error-cause';
import { assertCanManageTeam, type TeamRef } from '../team-access';
import type { EditionSnapshot } from './content';
import { editionUrl, forRecipient, renderEditionEmail } from './email-render';
import { buildSnapshotUnchecked, readSnapshotDraft } from './snapshot';
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
 * Claims one outbox row for sending. The claim is a single UPDATE from PENDING/FAILED to SENDING,
 * so two workers (or instances) can never both send it; a row left in SENDING by a crash is never
 * retried automatically, because the message may already have gone.
 */
async function claim(where: { id?: string; now: Date; manual?: boolean }): Promise<string | null> {
  const staleBefore = new Date(where.now.getTime() - STALE_AFTER_MS);
  if (where.id && !where.manual) {
    // The edition just published: its own email, if still waiting, whatever is queued before it.
    const own = await db.$queryRaw<{ id: string }[]>`UPDATE "ReviewEmail"
      SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = now()
      WHERE id = ${where.id} AND status = 'PENDING' AND "nextAttemptAt" <= ${where.now} RETURNING id`;
    return own[0]?.id ?? null;
  }
  const rows = where.manual
    ? await db.$queryRaw<
        { id: string }[]
      >`UPDATE "ReviewEmail" SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = now()
        WHERE id = ${where.id} AND status = 'FAILED' RETURNING id`
    : await db.$queryRaw<
        { id: string }[]
      >`UPDATE "ReviewEmail" SET status = 'SENDING', attempts = attempts + 1, "updatedAt" = now()
        WHERE id = (SELECT id FROM "ReviewEmail" WHERE status IN ('PENDING', 'FAILED') AND "nextAttemptAt" <= ${where.now}
          AND attempts < ${MAX_ATTEMPTS} AND "createdAt" > ${staleBefore} ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id`;
  return rows[0]?.id ?? null;
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
 * Sends to every recipient not yet sent to, in batches, recording each delivery: a retry after a
 * failure (or a crash) sends only to those still waiting, never twice to anyone.
 */
async function sendToRecipients(
  emailId: string,
  recipients: string[],
  smtp: SmtpSettings,
  rendered: Rendered,
  teamId: string,
  baseUrl: string,
): Promise<number> {
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
  const transport = transportFor(smtp);
  try {
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      const results = await Promise.allSettled(
        batch.map((to) => transport.sendMail(messageFor(smtp, rendered, to, teamId, baseUrl))),
      );
      const sent = batch.filter((_, j) => results[j]!.status === 'fulfilled');
      if (sent.length)
        await db.reviewEmailRecipient.updateMany({
          where: { emailId, address: { in: sent } },
          data: { sentAt: new Date() },
        });
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        const done = await db.reviewEmailRecipient.count({ where: { emailId, sentAt: { not: null } } });
        const reason = describeErrorCause(failed.reason);
        throw new Error(`sent to ${done} of ${recipients.length}; the rest wait for the retry: ${reason}`);
      }
    }
  } finally {
    transport.close();
  }
  return db.reviewEmailRecipient.count({ where: { emailId, sentAt: { not: null } } });
}

async function sendClaimed(id: string, smtp: SmtpSettings, baseUrl: string, now: Date) {
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
  try {
    const revision = await db.reviewRevision.findUniqueOrThrow({
      where: { reviewId_revision: { reviewId: review.id, revision: email.revision } },
      select: { snapshot: true },
    });
    const recipients = await recipientsForUnchecked(review.team.id, review.distribution);
    const rendered = await renderEditionEmail(
      revision.snapshot as EditionSnapshot,
      editionUrl(baseUrl, review.team.slug, review.month),
    );
    const sent = recipients.length
      ? await sendToRecipients(id, recipients, smtp, rendered, review.team.id, baseUrl)
      : 0;
    await db.reviewEmail.update({
      where: { id },
      data: { status: 'SENT', sentAt: new Date(), recipients: sent, lastError: null },
    });
    log.info(
      {
        event: 'outbox.sent',
        emailId: id,
        reviewId: review.id,
        team: review.team.slug,
        month: review.month,
        attempt: email.attempts,
        recipients: sent,
      },
      'edition email sent',
    );
    return { id, status: 'SENT' as const, error: null };
  } catch (error) {
    const reason = describeErrorCause(error);
    const wait = BACKOFF[Math.min(email.attempts - 1, BACKOFF.length - 1)] ?? 60;
    await db.reviewEmail.update({
      where: { id },
      data: {
        status: 'FAILED',
        lastError: reason.slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + wait * 60_000),
      },
    });
    log.warn(
      {
        event: 'outbox.failed',
        emailId: id,
        reviewId: review.id,
        team: review.team.slug,
        month: review.month,
        attempt: email.attempts,
        retryInMinutes: wait,
        reason,
      },
      'edition email failed',
    );
    return { id, status: 'FAILED' as const, error: reason };
  }
}

/** Sends every due outbox row (new ones and failed ones whose retry time has come). */
export async function deliverDueEmails(
  options: { smtp?: SmtpSettings | null; baseUrl?: string; now?: Date; first?: string } = {},
) {
  const smtp = options.smtp === undefined ? smtpFromEnv() : options.smtp;
  if (!smtp) return [];
  const now = options.now ?? new Date();
  const baseUrl = options.baseUrl ?? publicBaseUrl();
  const results = [];
  // A leader who just published waits for their own edition's email, not for a backlog of retries.
  const first = options.first ? await claim({ id: options.first, now }) : null;
  if (first) results.push(await sendClaimed(first, smtp, baseUrl, now));
  for (let id = await claim({ now }); id; id = await claim({ now }))
    results.push(await sendClaimed(id, smtp, baseUrl, now));
  return results;
}

/** A leader retries a failed email now. */
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
  const smtp = options.smtp === undefined ? smtpFromEnv() : options.smtp;
  if (!smtp) {
    // Email is off: queue it again, so it goes out as soon as SMTP is configured.
    const queued = await db.reviewEmail.updateMany({
      where: { id: emailId, status: 'FAILED' },
      data: { status: 'PENDING', nextAttemptAt: new Date() },
    });
    if (queued.count !== 1) throw new ConflictError('Only a failed email can be retried.');
    await recordAudit(db, { actor, action: 'review.email.retry', entityType: 'ReviewEmail', entityId: emailId });
    return {
      slug: email.review.team.slug,
      month: email.review.month,
      status: 'PENDING' as const,
      error: 'email is off (no SMTP configured); queued until it is',
    };
  }
  const id = await claim({ id: emailId, now: new Date(), manual: true });
  if (!id) throw new ConflictError('Only a failed email can be retried.');
  await recordAudit(db, { actor, action: 'review.email.retry', entityType: 'ReviewEmail', entityId: id });
  const result = await sendClaimed(id, smtp, options.baseUrl ?? publicBaseUrl(), new Date());
  return { slug: email.review.team.slug, month: email.review.month, status: result.status, error: result.error };
}

/** The outbox rows of an edition, for the leader: sent, failed with reason, or waiting. */
export async function listReviewEmails(actor: Actor, teamId: string, reviewId: string) {
  assertCanManageTeam(actor, teamId);
  return db.reviewEmail.findMany({
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
      createdAt: true,
    },
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
  // Exactly what publishing would freeze now (lib/reviews/snapshot.ts), rendered as readers get it.
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
