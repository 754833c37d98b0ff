// PostgreSQL stopped or frozen under load: pages and JSON answer 503 with Retry-After, every
// request ends within the statement timeout, readiness names the cause, and the server's stdout is
// JSON lines with each failed request once. A cluster of its own, since this one is stopped.
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { makeUser } from '../prisma/factories';
import { createDatabase, freePort, startCluster, type Cluster } from '../scripts/embedded-postgres';
import { applyMigrations } from '../scripts/migrations';
import { expect, test, TEST_PASSWORD } from './fixtures';
import { startAppServer, type AppServer } from './fixtures/app-server';

const PAGES = ['/', '/trends', '/account/password', '/quotes'];

type Answer = { path: string; status: number; retryAfter: string | null; requestId: string | null; ms: number };

/** Every postgres process of the cluster: the postmaster and the backends it forked. */
function clusterPids(postmaster: number): number[] {
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** Readers asking for pages in a loop until `until` settles; each answer is recorded. */
async function load(reader: APIRequestContext, until: Promise<unknown>, answers: Answer[], connections = 6) {
  let done = false;
  void until.finally(() => (done = true));
  await Promise.all(
    Array.from({ length: connections }, async (_, n) => {
      for (let i = n; !done; i++) {
        const page = PAGES[i % PAGES.length]!;
        const started = Date.now();
        const response = await reader.get(page, { maxRedirects: 0, timeout: 60_000 }).catch(() => null);
        if (!response) continue;
        answers.push({
          path: page,
          status: response.status(),
          retryAfter: response.headers()['retry-after'] ?? null,
          requestId: response.headers()['x-request-id'] ?? null,
          ms: Date.now() - started,
        });
      }
    }),
  );
}

test.describe('a database outage', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  let dataDir: string;
  let cluster: Cluster;
  let port: number;
  let url: string;
  let server: AppServer;
  let stdout = '';
  let reader: APIRequestContext;

  const start = async () => {
    cluster = await startCluster({ dataDir, port, password: 'outage', persistent: true });
  };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dataDir = path.join(process.getuid?.() === 0 ? '/var/tmp' : os.tmpdir(), `service-review-outage-${Date.now()}`);
    port = await freePort();
    await start();
    await createDatabase(cluster.adminUrl, 'outage');
    url = cluster.urlFor('outage');
    await applyMigrations(url);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    const user = await makeUser(db, { role: 'COLLEAGUE' });
    await db.$disconnect();
    server = await startAppServer({ DATABASE_URL: url });
    server.process.stdout!.on('data', (chunk: string) => (stdout += chunk));
    reader = await playwrightRequest.newContext({ baseURL: server.url });
    const csrf = (await (await reader.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const signedIn = await reader.post('/api/auth/callback/credentials', {
      form: { csrfToken: csrf.csrfToken, email: user.email, password: TEST_PASSWORD },
      maxRedirects: 0,
    });
    expect(signedIn.status()).toBe(302);
    for (const page of PAGES) expect((await reader.get(page, { maxRedirects: 0 })).status(), page).toBe(200);
  });

  test.afterAll(async () => {
    await reader?.dispose();
    await server?.stop();
    for (const pid of clusterPids(cluster.pid)) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone
      }
    }
    await cluster?.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  });

  // Fails on the old code: with PostgreSQL frozen, pages waited as long as it stayed frozen.
  test('PostgreSQL frozen (SIGSTOP) under load: every page answers within the timeout', async () => {
    const answers: Answer[] = [];
    const frozen = clusterPids(cluster.pid);
    const outage = (async () => {
      await expect.poll(() => answers.length, { timeout: 30_000 }).toBeGreaterThan(6);
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
      await expect
        .poll(() => answers.filter((a) => a.status !== 200).length, {
          timeout: 90_000,
          message: 'answers while frozen',
        })
        .toBeGreaterThan(20);
    })();
    try {
      await load(reader, outage, answers);
      await outage;
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
    }
    const failing = answers.filter((a) => a.status !== 200);
    const summary = failing.map((a) => `${a.path} ${a.status} ${a.ms}ms`).join(', ');
    expect(failing.length, summary).toBeGreaterThan(20);
    for (const answer of failing) {
      expect(answer.status, summary).toBe(503);
      // 6 s before the client gives up on a server that cannot cancel (3 s to connect): the
      // edition gate's query and the page's at most, since the first failure ends the page, and
      // once one has failed the gate is skipped.
      expect(answer.ms, summary).toBeLessThan(15_000);
    }
    const later = failing.slice(12).map((a) => a.ms);
    expect(later.length).toBeGreaterThan(6);
    for (const ms of later) expect(ms, summary).toBeLessThan(7_500);
    await expect.poll(async () => (await reader.get('/', { maxRedirects: 0 })).status(), { timeout: 30_000 }).toBe(200);
  });

  // Fails on the old code: pages answered 500 (61/61), readiness listed every migration as
  // pending, Next printed each failure in plain text besides 2–3 JSON lines per failed request.
  test('PostgreSQL stopped under load: 503 with Retry-After, readiness says why, one JSON line per failure', async () => {
    const from = stdout.length;
    const answers: Answer[] = [];
    // 10 s of outage, not 30: every failure path is taken within the first seconds (new
    // connections refused, pooled ones cut), and the rest is the same requests again.
    const outage = (async () => {
      await expect.poll(() => answers.length, { timeout: 30_000 }).toBeGreaterThan(6);
      await cluster.stop();
      const stoppedAt = Date.now();
      await expect
        .poll(() => Date.now() - stoppedAt > 10_000 && answers.filter((a) => a.status === 503).length > 40, {
          timeout: 60_000,
        })
        .toBe(true);
    })();
    await load(reader, outage, answers);
    await outage;

    const after = answers.slice(answers.findIndex((a) => a.status !== 200) + 6);
    expect(after.length).toBeGreaterThan(20);
    for (const answer of after) {
      expect(answer.status, answer.path).toBe(503);
      expect(answer.retryAfter, answer.path).toBe('30');
    }
    const api = await reader.get('/api/reader');
    expect(api.status()).toBe(503);
    expect(api.headers()['retry-after']).toBe('30');
    expect(await api.json()).toMatchObject({ error: 'unavailable' });
    const ready = await reader.get('/api/health/ready');
    expect(ready.status()).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'unavailable',
      reason: 'database unreachable',
      database: 'unreachable',
      migrations: null,
    });

    // stdout: JSON lines only; each failed page request once, with its request id and digest.
    const lines = stdout.slice(from).split('\n').filter(Boolean);
    const entries = lines.map((line) => {
      expect(() => JSON.parse(line), line.slice(0, 200)).not.toThrow();
      return JSON.parse(line) as { event?: string; requestId?: string; digest?: string };
    });
    const failed = entries.filter((e) => e.event === 'request.failed');
    for (const answer of after) {
      const mine = failed.filter((e) => e.requestId === answer.requestId);
      expect(mine, `${answer.path} ${answer.requestId}`).toHaveLength(1);
      expect(mine[0]!.digest).toMatch(/^\d+$/);
    }
    expect(failed.length).toBeLessThanOrEqual(answers.filter((a) => a.status >= 500).length);

    await start();
    await expect.poll(server.health, { timeout: 30_000 }).toBe(200);
    await expect.poll(async () => (await reader.get('/', { maxRedirects: 0 })).status(), { timeout: 30_000 }).toBe(200);
  });
});
