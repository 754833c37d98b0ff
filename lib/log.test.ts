import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { logLevel, parseEnv } from './env.js';
import { createLogger, type LogLevel } from './log';

function capture(level: LogLevel) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}

describe('structured log', () => {
  it('writes one JSON line per event with its level, time and request id, and never a password', () => {
    const { logger, lines } = capture('info');
    logger.error(
      { event: 'request.failed', requestId: 'req-42', path: '/trends', password: 'hunter2-secret' },
      'request failed',
    );
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 'error',
      event: 'request.failed',
      requestId: 'req-42',
      path: '/trends',
      msg: 'request failed',
      service: 'service-review',
    });
    expect(new Date(entry.time as string).toISOString()).toBe(entry.time);
    expect(lines[0]).not.toContain('hunter2-secret');
  });

  it('drops what is below LOG_LEVEL', () => {
    const { logger, lines } = capture('warn');
    logger.info({ event: 'outbox.sent' }, 'sent');
    logger.warn({ event: 'outbox.failed' }, 'failed');
    expect(lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['outbox.failed']);
  });

  it('validates LOG_LEVEL and AUDIT_IP_RETENTION_DAYS', () => {
    expect(parseEnv({}).LOG_LEVEL).toBe('info');
    expect(() => parseEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(parseEnv({ AUDIT_IP_RETENTION_DAYS: '30' }).AUDIT_IP_RETENTION_DAYS).toBe(30);
    expect(() => parseEnv({ AUDIT_IP_RETENTION_DAYS: '0' })).toThrow(/AUDIT_IP_RETENTION_DAYS/);
  });

  it('reads LOG_LEVEL alone for the logger, so scripts without the rest of the environment can log', () => {
    expect(logLevel({ LOG_LEVEL: 'debug', DATABASE_URL: 'postgresql://x/y' })).toBe('debug');
    expect(logLevel({})).toBe('info');
    expect(logLevel({ LOG_LEVEL: '' })).toBe('info');
    expect(logLevel({ LOG_LEVEL: 'loud' })).toBe('info');
  });
});
