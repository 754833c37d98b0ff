import { createServer } from 'node:net';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { describeErrorCause } from './error-cause';

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('errors keep their cause', () => {
  it('fetch’s "fetch failed" keeps the ECONNREFUSED under it', async () => {
    const port = await closedPort();
    const error: unknown = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect((error as Error).message).toBe('fetch failed');
    expect(describeErrorCause(error)).toMatch(/^fetch failed ← .*ECONNREFUSED/);
  });

  it('an SMTP server that is not there says so, with the code', async () => {
    const port = await closedPort();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false });
    const error: unknown = await transport
      .sendMail({ from: 'a@example.test', to: 'b@example.test', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    transport.close();
    expect(describeErrorCause(error)).toMatch(/ECONNREFUSED/);
    expect(describeErrorCause(error)).toMatch(/\(ESOCKET\)/);
  });

  it('reads codes, nested causes and plain values', () => {
    const root = Object.assign(new Error('getaddrinfo failed'), { code: 'ENOTFOUND' });
    expect(describeErrorCause(new Error('post failed', { cause: root }))).toBe(
      'post failed ← getaddrinfo failed (ENOTFOUND)',
    );
    expect(describeErrorCause('just text')).toBe('just text');
    expect(
      describeErrorCause(Object.assign(new Error('connect ECONNREFUSED 1.2.3.4:5'), { code: 'ECONNREFUSED' })),
    ).toBe('connect ECONNREFUSED 1.2.3.4:5');
  });
});
