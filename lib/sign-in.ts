import 'server-only';
import { db } from './db';
import { recordAudit } from './audit';
import { verifyPassword } from './password';
import { consumeSignInAttempt, creditSuccessfulSignIn, pruneSignInLimits, SIGN_IN_LIMITS } from './throttle';

export type SignInRefusal = 'invalid' | 'throttled_account' | 'throttled_address' | 'expired_one_time_password';

export class SignInRefused extends Error {
  constructor(readonly reason: SignInRefusal) {
    super(reason);
    this.name = 'SignInRefused';
  }
}

export const SIGN_IN_MESSAGES: Record<SignInRefusal, string> = {
  invalid: 'That email and password do not match an active account.',
  throttled_account: `Too many failed attempts for this account. Sign-in is paused for up to ${SIGN_IN_LIMITS.pair.seconds / 60} minutes; an admin can issue a new one-time password.`,
  throttled_address: 'Too many failed sign-ins from your network today. Try again tomorrow, or ask an admin.',
  expired_one_time_password: 'That one-time password has expired. Ask an admin for a new one.',
};

/**
 * Checks an email and password. The attempt is spent from the throttle budgets before the
 * password is looked at, so no number of concurrent requests gets more guesses than the limit.
 * Every outcome is audited. Returns the user and the session version their cookie will carry.
 */
export async function authenticateWithPassword(email: string, password: string, ip: string) {
  // About one sign-in in a hundred clears out expired budgets; nothing else needs a schedule.
  if (Math.random() < 0.01) void pruneSignInLimits().catch(() => undefined);
  const verdict = await consumeSignInAttempt(email, ip);
  if (!verdict.allowed) {
    await recordAudit(db, {
      actor: null,
      actorEmail: email,
      action: 'auth.sign_in_throttled',
      entityType: 'User',
      ip,
      after: { budget: verdict.budget },
    });
    throw new SignInRefused(verdict.budget === 'address' ? 'throttled_address' : 'throttled_account');
  }
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
