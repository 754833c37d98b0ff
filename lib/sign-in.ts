import 'server-only';
import { db } from './db';
import { recordAudit } from './audit';
import { verifyPassword } from './password';
import {
  consumeSignInAttempt,
  creditSuccessfulSignIn,
  pruneSignInLimits,
  SIGN_IN_LIMITS,
  type ThrottledBy,
} from './throttle';

export type SignInRefusal =
  'invalid' | 'throttled_pair' | 'throttled_account' | 'throttled_address' | 'expired_one_time_password';

export class SignInRefused extends Error {
  constructor(readonly reason: SignInRefusal) {
    super(reason);
    this.name = 'SignInRefused';
  }
}

const RESET_LIFTS = 'An admin can issue you a new one-time password, which lifts the pause.';

export const SIGN_IN_MESSAGES: Record<SignInRefusal, string> = {
  invalid: 'That email and password do not match an active account.',
  throttled_pair: `Too many failed attempts for this account from your network. Sign-in from here is paused for up to ${SIGN_IN_LIMITS.pair.seconds / 60} minutes; from another network it still works. ${RESET_LIFTS}`,
  throttled_account: `Many attempts failed for this account this hour, so it is checked once a minute from networks where they failed. Try again in a minute, or from another network. ${RESET_LIFTS}`,
  throttled_address: 'Too many failed sign-ins from your network today. Try again tomorrow, or ask an admin.',
  expired_one_time_password: 'That one-time password has expired. Ask an admin for a new one.',
};

const REFUSAL_OF: Record<ThrottledBy, SignInRefusal> = {
  pair: 'throttled_pair',
  account: 'throttled_account',
  address: 'throttled_address',
};

/** What a password was checked for, in the audit: signing in, or a signed-in person's current password. */
type PasswordCheck = { check?: 'current password' };

/**
 * Spends one attempt from the sign-in budgets, or audits the refusal and throws it. Every check of
 * a password goes through here first, so no form gets more guesses than sign-in does.
 */
async function spendPasswordAttempt(email: string, ip: string, userId: string | undefined, purpose: PasswordCheck) {
  // About one check in a hundred clears out expired budgets; nothing else needs a schedule.
  if (Math.random() < 0.01) void pruneSignInLimits().catch(() => undefined);
  const verdict = await consumeSignInAttempt(email, ip);
  if (verdict.allowed) return;
  await recordAudit(db, {
    actor: null,
    actorEmail: email,
    action: 'auth.sign_in_throttled',
    entityType: 'User',
    entityId: userId,
    ip,
    after: { budget: verdict.budget, retryAfterSeconds: verdict.retryAfterSeconds, ...purpose },
  });
  throw new SignInRefused(REFUSAL_OF[verdict.budget]);
}

/**
 * Checks an email and password. The attempt is spent from the throttle budgets before the
 * password is looked at, so no number of concurrent requests gets more guesses than the limit.
 * Every outcome is audited. Returns the user and the session version their cookie will carry.
 */
export async function authenticateWithPassword(email: string, password: string, ip: string) {
  await spendPasswordAttempt(email, ip, undefined, {});
  const user = await db.user.findUnique({ where: { email } });
  const ok = (await verifyPassword(password, user?.passwordHash)) && user !== null && user.active;
  if (!ok || !user) {
    await recordAudit(db, {
      actor: null,
      actorEmail: email,
      action: 'auth.sign_in_failed',
      entityType: 'User',
      entityId: user?.id,
      ip,
    });
    throw new SignInRefused('invalid');
  }
  if (user.passwordChangeRequired && user.oneTimePasswordExpiresAt && user.oneTimePasswordExpiresAt <= new Date()) {
    await recordAudit(db, {
      actor: null,
      actorEmail: email,
      action: 'auth.sign_in_failed',
      entityType: 'User',
      entityId: user.id,
      ip,
      after: { reason: 'one-time password expired' },
    });
    throw new SignInRefused('expired_one_time_password');
  }
  await creditSuccessfulSignIn(email, ip);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAudit(db, {
    actor: user,
    action: 'auth.sign_in',
    entityType: 'User',
    entityId: user.id,
    after: { method: 'password' },
    ip,
  });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/**
 * A signed-in person's current password (before they change it): the same budgets, refusals and
 * audit events as signing in, marked `check: 'current password'`. Throws SignInRefused.
 */
export async function verifyCurrentPassword(user: { id: string; email: string }, password: string, ip: string) {
  const purpose: PasswordCheck = { check: 'current password' };
  await spendPasswordAttempt(user.email, ip, user.id, purpose);
  const stored = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(password, stored?.passwordHash))) {
    await recordAudit(db, {
      actor: null,
      actorEmail: user.email,
      action: 'auth.sign_in_failed',
      entityType: 'User',
      entityId: user.id,
      ip,
      after: purpose,
    });
    throw new SignInRefused('invalid');
  }
  await creditSuccessfulSignIn(user.email, ip);
}
