import { describe, expect, it } from 'vitest';
import { db } from './db';
import { makeUser } from '../prisma/factories';
import { clientAddressFrom } from './client-address';
import { authenticateWithPassword, SIGN_IN_MESSAGES, SignInRefused } from './sign-in';
import { ValidationError } from './errors';
import { consumeSignInAttempt, creditSuccessfulSignIn, SIGN_IN_LIMITS, SLOW_LANE_SECONDS } from './throttle';
import { changeOwnPassword, resetUserPassword } from './users/users';
import { verifyPassword } from './password';

const email = (n: string) => `${n}-${Math.random().toString(36).slice(2)}@example.test`;
// Distinct addresses within this file (a random pick made two of a test's sixty collide, about one
// run in thirty, and a collision is no longer a fresh address): counted on from a random start.
let nextAddress = Math.floor(Math.random() * 30_000);
const address = () => {
  const n = nextAddress++;
  return `198.18.${(n >> 8) & 255}.${n & 255}`;
};

async function spend(who: string, ip: string, n: number) {
  const verdicts = [];
  for (let i = 0; i < n; i++) verdicts.push(await consumeSignInAttempt(who, ip));
  return verdicts;
}

describe('sign-in budgets', () => {
  it('allows ten attempts for one email from one address, then refuses the eleventh', async () => {
    const verdicts = await spend(email('pair'), address(), SIGN_IN_LIMITS.pair.points + 1);
    expect(verdicts.slice(0, SIGN_IN_LIMITS.pair.points).every((v) => v.allowed)).toBe(true);
    expect(verdicts.at(-1)).toMatchObject({ allowed: false, budget: 'pair' });
  });

  it('never shuts an account sprayed from many addresses: fresh addresses are checked, the rest slowed', async () => {
    const who = email('spray');
    const sprayers = Array.from({ length: SIGN_IN_LIMITS.email.points }, address);
    for (const ip of sprayers) expect(await consumeSignInAttempt(who, ip)).toEqual({ allowed: true });
    // Past the account's budget: an address that has not tried this account is still checked…
    for (let i = 0; i < SIGN_IN_LIMITS.fresh.points; i++)
      expect(await consumeSignInAttempt(who, address())).toEqual({ allowed: true });
    // …and past that, and from addresses that tried it, one attempt a minute is.
    expect(await consumeSignInAttempt(who, sprayers[0]!)).toEqual({ allowed: true });
    const slowed = await consumeSignInAttempt(who, sprayers[1]!);
    expect(slowed).toMatchObject({ allowed: false, budget: 'account' });
    expect(slowed.allowed ? 0 : slowed.retryAfterSeconds).toBeLessThanOrEqual(SLOW_LANE_SECONDS);
    expect(await consumeSignInAttempt(who, address())).toMatchObject({ allowed: false, budget: 'account' });
  });

  it('lets an office address fail a hundred times a day across its people, then refuses it', async () => {
    const office = address();
    const verdicts = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.address.points; i++)
      verdicts.push(await consumeSignInAttempt(email('staff'), office));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(SIGN_IN_LIMITS.address.points);
    expect(verdicts.at(-1)).toMatchObject({ allowed: false, budget: 'address' });
    // Another address is untouched.
    expect(await consumeSignInAttempt(email('elsewhere'), address())).toEqual({ allowed: true });
  });

  it('starts the pair again after a success', async () => {
    const who = email('forgetful');
    const ip = address();
    await spend(who, ip, SIGN_IN_LIMITS.pair.points - 1);
    await creditSuccessfulSignIn(who, ip);
    const again = await spend(who, ip, SIGN_IN_LIMITS.pair.points);
    expect(again.every((v) => v.allowed)).toBe(true);
    expect(await consumeSignInAttempt(who, ip)).toMatchObject({ allowed: false });
  });
});

describe('sign-in under concurrency', () => {
  it('checks exactly the limit of 100 parallel wrong passwords, and then refuses the right one', async () => {
    const user = await makeUser(db, { role: 'AGENT', password: 'the-right-password' });
    const ip = address();
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        authenticateWithPassword(user.email, `wrong-${i}`, ip).then(
          () => 'in',
          (e: unknown) => (e instanceof SignInRefused ? e.reason : `error: ${String(e)}`),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.startsWith('error'))).toEqual([]);
    // Each verified password leaves one auth.sign_in_failed row; throttled ones are never verified.
    const verified = await db.auditEvent.count({ where: { actorEmail: user.email, action: 'auth.sign_in_failed' } });
    const throttled = await db.auditEvent.count({
      where: { actorEmail: user.email, action: 'auth.sign_in_throttled' },
    });
    expect(verified).toBe(SIGN_IN_LIMITS.pair.points);
    expect(throttled).toBe(100 - SIGN_IN_LIMITS.pair.points);
    expect(outcomes.filter((o) => o === 'invalid')).toHaveLength(SIGN_IN_LIMITS.pair.points);
    expect(outcomes.filter((o) => o === 'throttled_pair')).toHaveLength(100 - SIGN_IN_LIMITS.pair.points);
    // The 101st attempt from this address is also past the address's daily budget.
    await expect(authenticateWithPassword(user.email, 'the-right-password', ip)).rejects.toMatchObject({
      reason: 'throttled_address',
    });
  }, 120_000);

  it('checks exactly the account budget, the fresh budget and one slow-lane attempt of 100 parallel addresses', async () => {
    const user = await makeUser(db, { role: 'AGENT', password: 'the-right-password' });
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        authenticateWithPassword(user.email, `wrong-${i}`, address()).then(
          () => 'in',
          (e: unknown) => (e instanceof SignInRefused ? e.reason : `error: ${String(e)}`),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.startsWith('error'))).toEqual([]);
    const checked = SIGN_IN_LIMITS.email.points + SIGN_IN_LIMITS.fresh.points + 1;
    expect(outcomes.filter((o) => o === 'invalid')).toHaveLength(checked);
    expect(outcomes.filter((o) => o === 'throttled_account')).toHaveLength(100 - checked);
    expect(await db.auditEvent.count({ where: { actorEmail: user.email, action: 'auth.sign_in_failed' } })).toBe(
      checked,
    );
  }, 120_000);

  it('a correct password resets the pair, so a typo later does not lock the person out', async () => {
    const user = await makeUser(db, { role: 'AGENT', password: 'the-right-password' });
    const ip = address();
    for (let i = 0; i < SIGN_IN_LIMITS.pair.points - 1; i++)
      await expect(authenticateWithPassword(user.email, 'typo', ip)).rejects.toMatchObject({ reason: 'invalid' });
    await expect(authenticateWithPassword(user.email, 'the-right-password', ip)).resolves.toMatchObject({
      id: user.id,
    });
    await expect(authenticateWithPassword(user.email, 'typo', ip)).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('refuses an expired one-time password even when it is right', async () => {
    const user = await makeUser(db, { role: 'COLLEAGUE', password: 'one-time-pass', passwordChangeRequired: true });
    await db.user.update({ where: { id: user.id }, data: { oneTimePasswordExpiresAt: new Date(Date.now() - 1000) } });
    await expect(authenticateWithPassword(user.email, 'one-time-pass', address())).rejects.toMatchObject({
      reason: 'expired_one_time_password',
    });
    await db.user.update({ where: { id: user.id }, data: { oneTimePasswordExpiresAt: new Date(Date.now() + 60_000) } });
    await expect(authenticateWithPassword(user.email, 'one-time-pass', address())).resolves.toMatchObject({
      id: user.id,
    });
  });
});

describe('no lock-out by strangers', () => {
  it('after 31 strangers’ wrong sign-ins the owner gets in from a fresh address, and is slowed, not shut, elsewhere', async () => {
    const user = await makeUser(db, { role: 'LEADER', password: 'the-owners-password' });
    const strangers = Array.from({ length: 31 }, address);
    for (const ip of strangers)
      await expect(authenticateWithPassword(user.email, 'a-guess', ip)).rejects.toMatchObject({ reason: 'invalid' });
    await expect(authenticateWithPassword(user.email, 'the-owners-password', address())).resolves.toMatchObject({
      id: user.id,
    });
    // From an address strangers used, one attempt a minute is checked: the next one is it.
    await expect(authenticateWithPassword(user.email, 'the-owners-password', strangers[0]!)).resolves.toMatchObject({
      id: user.id,
    });
    await expect(authenticateWithPassword(user.email, 'the-owners-password', strangers[1]!)).rejects.toMatchObject({
      reason: 'throttled_account',
    });
    expect(SIGN_IN_MESSAGES.throttled_account).toMatch(/once a minute .* from another network/);
  }, 120_000);

  it('an admin’s new one-time password clears the account’s budgets, on this address too', async () => {
    const admin = await makeUser(db, { role: 'ADMIN' });
    const user = await makeUser(db, { role: 'AGENT', password: 'the-right-password' });
    const ip = address();
    for (let i = 0; i < 40; i++) await authenticateWithPassword(user.email, `wrong-${i}`, ip).catch(() => undefined);
    await expect(authenticateWithPassword(user.email, 'the-right-password', ip)).rejects.toMatchObject({
      reason: 'throttled_pair',
    });
    expect(SIGN_IN_MESSAGES.throttled_pair).toMatch(/new one-time password, which lifts the pause/);
    const oneTimePassword = await resetUserPassword(admin, user.id);
    expect(await db.signInLimit.count({ where: { key: { contains: user.email } } })).toBe(0);
    await expect(authenticateWithPassword(user.email, oneTimePassword, ip)).resolves.toMatchObject({ id: user.id });
    const reset = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.reset_password', entityId: user.id } });
    // The pair and the account's total (no lane was used: one address).
    expect(reset.after).toMatchObject({ budgetsCleared: 2 });
  }, 120_000);
});

describe('checking a current password spends the sign-in budget', () => {
  it('60 current-password guesses are throttled after ten and audited, and the right one then changes nothing', async () => {
    const user = await makeUser(db, { role: 'COLLEAGUE', password: 'current-password' });
    const ip = address();
    const messages: string[] = [];
    for (let i = 0; i < 60; i++) {
      const error = await changeOwnPassword(user, `guess-${i}`, 'a-new-password', ip).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      messages.push((error as ValidationError).fieldErrors.currentPassword?.[0] ?? '');
    }
    expect(messages.filter((m) => m === 'That is not your current password.')).toHaveLength(SIGN_IN_LIMITS.pair.points);
    expect(messages.filter((m) => m.startsWith('Too many failed attempts'))).toHaveLength(
      60 - SIGN_IN_LIMITS.pair.points,
    );
    const events = (action: string) => db.auditEvent.findMany({ where: { actorEmail: user.email, action } });
    const failed = await events('auth.sign_in_failed');
    expect(failed).toHaveLength(SIGN_IN_LIMITS.pair.points);
    expect(failed.every((e) => e.entityId === user.id && e.ip === ip)).toBe(true);
    expect(failed[0]!.after).toEqual({ check: 'current password' });
    const throttled = await events('auth.sign_in_throttled');
    expect(throttled).toHaveLength(60 - SIGN_IN_LIMITS.pair.points);
    expect(throttled[0]!.after).toMatchObject({ budget: 'pair', check: 'current password' });
    // The right password from the same address is refused too, and nothing changed.
    await expect(changeOwnPassword(user, 'current-password', 'a-new-password', ip)).rejects.toBeInstanceOf(
      ValidationError,
    );
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword('current-password', stored.passwordHash)).toBe(true);
    expect(stored.sessionVersion).toBe(0);
  }, 120_000);

  it('the current-password check and sign-in share one budget', async () => {
    const user = await makeUser(db, { role: 'COLLEAGUE', password: 'current-password' });
    const ip = address();
    for (let i = 0; i < SIGN_IN_LIMITS.pair.points; i++)
      await expect(changeOwnPassword(user, `guess-${i}`, 'a-new-password', ip)).rejects.toBeInstanceOf(ValidationError);
    await expect(authenticateWithPassword(user.email, 'current-password', ip)).rejects.toMatchObject({
      reason: 'throttled_pair',
    });
  });

  it('a right current password changes it and starts the pair again', async () => {
    const user = await makeUser(db, { role: 'COLLEAGUE', password: 'current-password' });
    const ip = address();
    for (let i = 0; i < SIGN_IN_LIMITS.pair.points - 1; i++)
      await changeOwnPassword(user, `guess-${i}`, 'x-new-password', ip).catch(() => undefined);
    await changeOwnPassword(user, 'current-password', 'a-new-password', ip);
    expect(await db.signInLimit.count({ where: { key: `pair:${user.email}|${ip}` } })).toBe(0);
    await expect(authenticateWithPassword(user.email, 'a-new-password', ip)).resolves.toMatchObject({ id: user.id });
  });
});

describe('the client address', () => {
  // serve.mjs appends the socket address (here 192.0.2.9, or a proxy's) to every request.
  it('with no trusted proxy, is the socket whatever the client claims', () => {
    expect(clientAddressFrom('192.0.2.9', 0)).toBe('192.0.2.9');
    expect(clientAddressFrom('203.0.113.66, 192.0.2.9', 0)).toBe('192.0.2.9');
    expect(clientAddressFrom('::ffff:127.0.0.1, 192.0.2.9', 0)).toBe('192.0.2.9');
    expect(clientAddressFrom('1.1.1.1, 2.2.2.2, 3.3.3.3, 192.0.2.9', 0)).toBe('192.0.2.9');
  });

  it('behind one proxy, is what that proxy appended, not what the client sent', () => {
    // Client sent "203.0.113.66"; the proxy (10.0.0.2) appended the real client 198.51.100.7.
    expect(clientAddressFrom('203.0.113.66, 198.51.100.7, 10.0.0.2', 1)).toBe('198.51.100.7');
    expect(clientAddressFrom('198.51.100.7, 10.0.0.2', 1)).toBe('198.51.100.7');
  });

  it('behind two proxies, is what the outermost appended', () => {
    expect(clientAddressFrom('evil, 198.51.100.7, 10.0.0.1, 10.0.0.2', 2)).toBe('198.51.100.7');
  });

  it('when a request bypassed the proxies, is the socket', () => {
    expect(clientAddressFrom('192.0.2.9', 2)).toBe('192.0.2.9');
    expect(clientAddressFrom(null, 0)).toBe('unknown');
  });

  it('spells IPv4-mapped addresses one way', () => {
    expect(clientAddressFrom('::FFFF:127.0.0.1', 0)).toBe('127.0.0.1');
  });
});
