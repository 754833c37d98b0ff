import { expect, test } from './fixtures';
import { startAppServer } from './fixtures/app-server';
import { startTcpProxy } from './fixtures/tcp-proxy';

test.describe('platform', () => {
  test('security headers on every response, no X-Powered-By', async ({ request }) => {
    for (const url of ['/sign-in', '/api/health', '/']) {
      const response = await request.get(url, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers['content-security-policy'], url).toContain("object-src 'none'");
      expect(headers['content-security-policy'], url).toContain("base-uri 'none'");
      expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBeTruthy();
      expect(headers['x-powered-by'], url).toBeUndefined();
    }
  });

  test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, signInAs }) => {
    await signInAs('COLLEAGUE');
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'));
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  test('health answers 200 with the database up', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('an instance started while the database is away answers 503, then recovers and starts its job queue', async () => {
    test.setTimeout(90_000);
    // The suite's real PostgreSQL, reached through a hop this test can cut and restore.
    const database = new URL(process.env.E2E_DATABASE_URL!);
    const proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port) });
    database.host = `127.0.0.1:${proxy.port}`;
    await proxy.cut();
    const server = await startAppServer({ DATABASE_URL: database.toString() });
    const logged = (event: string) => server.output().includes(`"event":"${event}"`);
    try {
      await expect.poll(server.health, { timeout: 30_000 }).toBe(503);
      await expect.poll(() => logged('jobs.start_failed'), { timeout: 20_000 }).toBe(true);
      await proxy.restore();
      await expect.poll(server.health, { timeout: 20_000 }).toBe(200);
      // Without a retry the instance would never run schedules, deliveries or reminders.
      await expect.poll(() => logged('jobs.started'), { timeout: 30_000 }).toBe(true);

      await proxy.cut();
      await expect.poll(server.health, { timeout: 20_000 }).toBe(503);
      expect(server.process.exitCode).toBeNull(); // still serving
      await proxy.restore();
      await expect.poll(server.health, { timeout: 20_000 }).toBe(200);
    } finally {
      await server.stop();
      await proxy.close();
    }
  });

  test('unknown pages get the not-found page', async ({ page, signInAs }) => {
    await signInAs('COLLEAGUE');
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
  });
});
