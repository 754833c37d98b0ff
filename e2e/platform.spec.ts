import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { startAppServer } from './fixtures/app-server';
import { freePort, startCluster } from '../scripts/embedded-postgres';

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

  test('health answers 503 while the database is down and recovers when it returns', async () => {
    test.setTimeout(90_000);
    const dataDir = path.join(
      process.getuid?.() === 0 ? '/var/tmp' : os.tmpdir(),
      `service-review-health-${Date.now()}`,
    );
    const pgPort = await freePort();
    const options = { dataDir, port: pgPort, password: 'health', persistent: true };
    let cluster = await startCluster(options);
    const server = await startAppServer({ DATABASE_URL: cluster.urlFor('postgres') });
    try {
      await expect.poll(server.health, { timeout: 30_000 }).toBe(200);
      await cluster.stop();
      await expect.poll(server.health, { timeout: 20_000 }).toBe(503);
      expect(server.process.exitCode).toBeNull(); // still serving
      cluster = await startCluster(options);
      await expect.poll(server.health, { timeout: 20_000 }).toBe(200);
    } finally {
      await server.stop();
      await cluster.stop().catch(() => {});
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('unknown pages get the not-found page', async ({ page, signInAs }) => {
    await signInAs('COLLEAGUE');
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
  });
});
