// Operations: health probes, several instances sharing one truth, and the log of a failed sign-in.
import { request as playwrightRequest } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { addMonths, currentMonth } from '../lib/dates/month';
import { makeCatalog, makeTeam, makeUser } from '../prisma/factories';
import { expect, test, TEST_PASSWORD } from './fixtures';
import { startAppServer, type AppServer } from './fixtures/app-server';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

test.describe('operations', () => {
  test('liveness and readiness answer with the version; readiness lists no pending migration', async ({ request }) => {
    const live = await request.get('/api/health/live');
    expect(live.status()).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok', version });
    const ready = await request.get('/api/health/ready');
    expect(ready.status()).toBe(200);
    const body = (await ready.json()) as {
      status: string;
      version: string;
      database: string;
      migrations: { applied: number; pending: string[] };
    };
    expect(body).toMatchObject({ status: 'ready', version, database: 'ok', migrations: { pending: [] } });
    expect(body.migrations.applied).toBeGreaterThan(0);
    expect(live.headers()['x-request-id']).toMatch(/^[\w.:-]+$/);
    expect((await request.get('/api/health')).status()).toBe(200);
  });

  test.describe('two instances against one database', () => {
    // Two more `next start`s of the build: give them time to come up on a busy machine.
    test.describe.configure({ mode: 'serial', timeout: 120_000 });
    let a: AppServer;
    let b: AppServer;
    test.beforeAll(async () => {
      test.setTimeout(120_000);
      [a, b] = await Promise.all([
        startAppServer({ DATABASE_URL: process.env.E2E_DATABASE_URL! }),
        startAppServer({ DATABASE_URL: process.env.E2E_DATABASE_URL! }),
      ]);
    });
    test.afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    test("a figures change on one instance shows at once on the other's dashboard", async ({ db }) => {
      const team = await makeTeam(db);
      await makeCatalog(db, team.id);
      const reader = await makeUser(db, { role: 'COLLEAGUE' });
      const token = `srv_two_instances_${Date.now()}`;
      const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
      await db.apiToken.create({
        data: {
          teamId: team.id,
          name: 'two instances',
          tokenHash: createHash('sha256').update(token).digest('hex'),
          prefix: token.slice(0, 8),
          createdById: leader.id,
        },
      });
      const month = addMonths(currentMonth(), -1);
      const put = (received: number) =>
        fetch(`${a.url}/api/v1/teams/${team.slug}/months/${month}`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ volumes: [{ channel: 'Phone', received, handled: received }] }),
        });
      expect((await put(4321)).status).toBe(201);

      const onB = await playwrightRequest.newContext({ baseURL: b.url });
      const csrf = (await (await onB.get('/api/auth/csrf')).json()) as { csrfToken: string };
      expect(
        (
          await onB.post('/api/auth/callback/credentials', {
            form: { csrfToken: csrf.csrfToken, email: reader.email, password: TEST_PASSWORD },
            maxRedirects: 0,
          })
        ).status(),
      ).toBe(302);
      const dashboard = async () => (await (await onB.get('/')).text()).replace(/<!-- -->/g, '');
      // B renders and caches the card with the first figures (a cold server's first render may be slow)…
      await expect.poll(dashboard, { timeout: 60_000 }).toContain('4,321');
      // …then A saves new figures: B shows them on its next request, well before the card's minute is up.
      expect((await put(8765)).status).toBe(200);
      await expect.poll(dashboard, { timeout: 15_000, intervals: [100, 250, 500] }).toContain('8,765');
      expect(await dashboard()).not.toContain('4,321');
      await onB.dispose();
    });

    test('a failed sign-in writes one JSON log line with its request id', async () => {
      const email = `nobody-${Date.now()}@example.test`;
      const onA = await playwrightRequest.newContext({ baseURL: a.url });
      const csrf = (await (await onA.get('/api/auth/csrf')).json()) as { csrfToken: string };
      await onA.post('/api/auth/callback/credentials', {
        form: { csrfToken: csrf.csrfToken, email, password: 'wrong-password' },
        maxRedirects: 0,
      });
      await onA.dispose();
      const line = async () =>
        a
          .output()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .find((entry) => entry.event === 'auth.sign_in_failed' && entry.email === email);
      await expect.poll(line).toBeTruthy();
      const entry = (await line())!;
      expect(entry.level).toBe('info');
      expect(entry.requestId).toMatch(/^[\w.:-]{8,}$/);
      expect(JSON.stringify(entry)).not.toContain('wrong-password');
    });
  });
});
