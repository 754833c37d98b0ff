import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.js';

describe('environment', () => {
  it('applies defaults for an empty environment (embedded database)', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('takes an IANA time zone for the organisation, UTC by default', () => {
    expect(parseEnv({}).APP_TIME_ZONE).toBe('UTC');
    expect(parseEnv({ APP_TIME_ZONE: 'Australia/Sydney' }).APP_TIME_ZONE).toBe('Australia/Sydney');
    expect(() => parseEnv({ APP_TIME_ZONE: 'Sydney' })).toThrow(/APP_TIME_ZONE: must be an IANA time zone/);
  });

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgresql/);
  });

  it('requires AUTH_SECRET with DATABASE_URL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://u:p@db/x' })).toThrow(/AUTH_SECRET: is required/);
    expect(parseEnv({ DATABASE_URL: 'postgresql://u:p@db/x', AUTH_SECRET: 'x'.repeat(32) }).DATABASE_URL).toBe(
      'postgresql://u:p@db/x',
    );
  });

  it('wants all three OIDC settings or none', () => {
    expect(() => parseEnv({ AUTH_OIDC_ISSUER: 'https://login.example.com' })).toThrow(/must be set together/);
    expect(() =>
      parseEnv({ AUTH_OIDC_ISSUER: 'https://login.example.com', AUTH_OIDC_ID: 'id', AUTH_OIDC_SECRET: 's' }),
    ).toThrow(/PUBLIC_URL: is required/);
    const sso = {
      AUTH_OIDC_ISSUER: 'https://login.example.com',
      AUTH_OIDC_ID: 'id',
      AUTH_OIDC_SECRET: 's',
      PUBLIC_URL: 'https://review.example.com',
    };
    expect(parseEnv(sso).AUTH_OIDC_NAME).toBe('Single sign-on');
  });

  it('reads the SMTP settings for edition emails, off by default', () => {
    expect(parseEnv({}).SMTP_HOST).toBeUndefined();
    expect(() => parseEnv({ SMTP_HOST: 'smtp.example.com' })).toThrow(/MAIL_FROM: is required/);
    expect(() => parseEnv({ SMTP_HOST: 'smtp.example.com', MAIL_FROM: 'r@example.com', SMTP_USER: 'u' })).toThrow(
      /SMTP_USER/,
    );
    const smtp = parseEnv({
      SMTP_HOST: 'smtp.example.com',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      MAIL_FROM: 'Review <r@example.com>',
    });
    expect(smtp).toMatchObject({ SMTP_PORT: 465, SMTP_SECURE: true });
  });
});
