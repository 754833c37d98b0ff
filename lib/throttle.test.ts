import { describe, expect, it } from 'vitest';
import { isSignInThrottled, recordSignInAttempt, SIGN_IN_LIMIT } from './throttle';

const email = (n: string) => `${n}-${Math.random().toString(36).slice(2)}@example.test`;

describe('sign-in throttling', () => {
  it('refuses after five failures for one email, within the window', async () => {
    const who = email('victim');
    for (let i = 0; i < SIGN_IN_LIMIT.maxFailures - 1; i++) await recordSignInAttempt(who, `10.0.0.${i}`, false);
    expect(await isSignInThrottled(who, '10.0.1.1')).toBe(false);
    await recordSignInAttempt(who, '10.0.0.99', false);
    expect(await isSignInThrottled(who, '10.0.1.1')).toBe(true);
  });

  it('refuses after five failures from one address, whatever the email', async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < SIGN_IN_LIMIT.maxFailures; i++) await recordSignInAttempt(email('spray'), ip, false);
    expect(await isSignInThrottled(email('fresh'), ip)).toBe(true);
  });

  it('forgets an email’s failures after a success', async () => {
    const who = email('forgetful');
    for (let i = 0; i < 4; i++) await recordSignInAttempt(who, '198.51.100.1', false);
    await recordSignInAttempt(who, '198.51.100.1', true);
    await recordSignInAttempt(who, '198.51.100.2', false);
    expect(await isSignInThrottled(who, '198.51.100.3')).toBe(false);
  });
});
