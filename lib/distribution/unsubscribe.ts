import 'server-only';
import { db } from '../db';
import { recordAudit } from '../audit';
import { env } from '../env.js';
import { NotFoundError } from '../errors';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

function secret(): string {
  const value = env().AUTH_SECRET ?? process.env.AUTH_SECRET;
  // start.ts always provides one; without it no link could be checked, so none is made.
  if (!value) throw new Error('AUTH_SECRET is not set: unsubscribe links cannot be signed.');
  return value;
}

export function unsubscribeToken(teamId: string, email: string): string {
  return signUnsubscribeToken(secret(), teamId, email);
}

/** The List-Unsubscribe target (one-click POST) and the page a person opens from the email. */
export function unsubscribeUrls(baseUrl: string, teamId: string, email: string) {
  const token = unsubscribeToken(teamId, email);
  return {
    oneClick: new URL(`/api/unsubscribe/${token}`, baseUrl).toString(),
    page: new URL(`/unsubscribe/${token}`, baseUrl).toString(),
  };
}

const maskEmail = (email: string) => email.replace(/^(.)[^@]*(@.*)$/, '$1…$2');

/** What the unsubscribe page shows for a token: the team and the (masked) address. */
export async function describeUnsubscribe(token: string) {
  const found = verifyUnsubscribeToken(secret(), token);
  if (!found)
    throw new NotFoundError(
      'This unsubscribe link is not valid. Use the link in the latest email, or sign in and choose “Stop these emails” on an edition.',
    );
  const team = await db.team.findUnique({ where: { id: found.teamId }, select: { id: true, name: true } });
  if (!team) throw new NotFoundError('This unsubscribe link is not valid.');
  const optedOut = await db.reviewEmailAddressOptOut.findUnique({
    where: { teamId_email: { teamId: team.id, email: found.email } },
    select: { email: true },
  });
  return { team, email: maskEmail(found.email), optedOut: Boolean(optedOut) };
}

/**
 * Stops a team's edition emails to the token's address: no session needed (the signature is the
 * proof), idempotent, audited. Stored by address, so it holds for people without an account.
 */
export async function unsubscribeByToken(token: string): Promise<{ teamName: string }> {
  const found = verifyUnsubscribeToken(secret(), token);
  if (!found) throw new NotFoundError('This unsubscribe link is not valid.');
  const team = await db.team.findUnique({ where: { id: found.teamId }, select: { id: true, name: true } });
  if (!team) throw new NotFoundError('This unsubscribe link is not valid.');
  await db.$transaction(async (tx) => {
    const created = await tx.reviewEmailAddressOptOut.createMany({
      data: [{ teamId: team.id, email: found.email }],
      skipDuplicates: true,
    });
    if (created.count)
      await recordAudit(tx, {
        actor: null,
        actorEmail: found.email,
        action: 'review.email.unsubscribe',
        entityType: 'Team',
        entityId: team.id,
        after: { email: found.email },
      });
  });
  return { teamName: team.name };
}
