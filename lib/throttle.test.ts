import { describe, expect, it } from 'vitest';
import { db } from './db';
import { makeUser } from '../prisma/factories';
import { clientAddressFrom } from './client-address';
import { authenticateWithPassword, SignInRefused } from './sign-in';
import { consumeSignInAttempt, creditSuccessfulSignIn, SIGN_IN_LIMITS } from './throttle';

const email = (n: string) => `${n}-${Math.random().toString(36).slice(2)}@example.test`;
const address = () => `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

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

  it('refuses one email sprayed from many addresses once the account budget is spent', async () => {
    const who = email('spray');
    const verdicts = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.email.points; i++) verdicts.push(await consumeSignInAttempt(who, address()));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(SIGN_IN_LIMITS.email.points);
    expect(verdicts.at(-1)).toMatchObject({ allowed: false, budget: 'email' });
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
  it('checks at most the limit of 50 parallel wrong passwords, and then refuses the right one', async () => {
    const user = await makeUser(db, { role: 'AGENT', password: 'the-right-password' });
    const ip = address();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        authenticateWithPassword(user.email, `wrong-${i}`, ip).then(
          () => 'in',
          (e: unknown) => (e instanceof SignInRefused ? e.reason : 'error'),
        ),
      ),
    );
    // Each verified password leaves one auth.sign_in_failed row; throttled ones are never verified.
    const verified = await db.auditEvent.count({ where: { actorEmail: user.email, action: 'auth.sign_in_failed' } });
    const throttled = await db.auditEvent.count({
      where: { actorEmail: user.email, action: 'auth.sign_in_throttled' },
    });
    expect(verified).toBe(SIGN_IN_LIMITS.pair.points);
    expect(throttled).toBe(50 - SIGN_IN_LIMITS.pair.points);
    expect(outcomes.filter((o) => o === 'invalid')).toHaveLength(SIGN_IN_LIMITS.pair.points);
    expect(outcomes.filter((o) => o === 'throttled_account')).toHaveLength(50 - SIGN_IN_LIMITS.pair.points);
    await expect(authenticateWithPassword(user.email, 'the-right-password', ip)).rejects.toMatchObject({
      reason: 'throttled_account',
    });
  });

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
