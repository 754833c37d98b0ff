// Hostile input over HTTP: the API, query strings, sign-in and server actions. Each case asserts
// the status or message the person gets AND that no row changed. Library-level cases are in
// lib/hostile-input.test.ts.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test, TEST_PASSWORD } from './fixtures';
import { callServerAction, encodeServerActionBody, listServerActions } from './fixtures/server-actions';
import { makeCatalog, makeTeam, makeUser } from '../prisma/factories';
import type { PrismaClient } from '../lib/generated/prisma/client';

async function teamWithToken(db: PrismaClient) {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const token = `srv_${randomBytes(24).toString('base64url')}`;
  await db.apiToken.create({
    data: {
      teamId: team.id,
      name: 'hostile',
      tokenHash: createHash('sha256').update(token).digest('hex'),
      prefix: token.slice(0, 10),
      createdById: leader.id,
    },
  });
  return { team, leader, auth: { Authorization: `Bearer ${token}` } };
}

const figureRows = (db: PrismaClient, teamId: string) =>
  Promise.all([
    db.monthFigures.count({ where: { teamId } }),
    db.channelVolume.count({ where: { teamId } }),
    db.kpiValue.count({ where: { teamId } }),
  ]);

test.describe('the figures API refuses with 400 and writes nothing', () => {
  const cases: [string, string, unknown][] = [
    ['month 0000-01', '0000-01', {}],
    ['month 1000-01', '1000-01', {}],
    ['month 1999-12', '1999-12', {}],
    ['month 9999-12', '9999-12', {}],
    ['a count of 9,999,999,999', '2025-01', { volumes: [{ channel: 'Phone', received: 9_999_999_999, handled: 1 }] }],
    ['a KPI of 1e12', '2025-01', { kpis: [{ kpi: 'CSAT', value: 1e12 }] }],
    ['a KPI of "0x10"', '2025-01', { kpis: [{ kpi: 'CSAT', value: '0x10' }] }],
    ['an unknown field', '2025-01', { volumes: [], admin: true }],
  ];
  for (const [label, month, body] of cases) {
    test(label, async ({ request, db }) => {
      const { team, auth } = await teamWithToken(db);
      const response = await request.put(`/api/v1/teams/${team.slug}/months/${month}`, { headers: auth, data: body });
      expect(response.status()).toBe(400);
      expect((await response.json()).error).toBe('invalid');
      expect(await figureRows(db, team.id)).toEqual([0, 0, 0]);
    });
  }

  test('a body that is not JSON', async ({ request, db }) => {
    const { team, auth } = await teamWithToken(db);
    const response = await request.put(`/api/v1/teams/${team.slug}/months/2025-01`, {
      headers: { ...auth, 'Content-Type': 'application/json' },
      data: '{"volumes": [',
    });
    expect(response.status()).toBe(400);
    expect(await figureRows(db, team.id)).toEqual([0, 0, 0]);
  });

  test('a month list from 0000-01 to 9999-12', async ({ request, db }) => {
    const { team, auth } = await teamWithToken(db);
    const response = await request.get(`/api/v1/teams/${team.slug}/months?from=0000-01&to=9999-12`, { headers: auth });
    expect(response.status()).toBe(400);
  });
});

test.describe('query strings never answer 500', () => {
  const pages = [
    '/quotes?after=2026-99-99_abc',
    '/quotes?before=0000-00-00_x',
    "/quotes?after=2026-01-01_x'%20OR%201=1",
    '/trends?team=customer-care&range=custom&from=0000-01&to=9999-12',
    '/trends?team=customer-care&range=custom&from=2000-01&to=2999-12',
    '/trends?team=customer-care&range=%00&from=%FF',
  ];
  for (const path of pages) {
    test(path, async ({ page, signInAs }) => {
      test.setTimeout(60_000);
      await signInAs('COLLEAGUE');
      // The server's answer is what matters here, not drawing the charts.
      const response = await page.request.get(path);
      expect(response.status()).toBe(200);
    });
  }

  test('a stored 0000-01 month does not break /trends?range=all or its CSV', async ({ page, db, signInAs }) => {
    const team = await makeTeam(db);
    await makeCatalog(db, team.id);
    // As a row written before the migration would be; removed afterwards so no other test sees it.
    const row = await db.monthFigures.create({ data: { teamId: team.id, month: '0000-01' } });
    try {
      await signInAs('EXEC');
      const response = await page.request.get(`/trends?team=${team.slug}&range=all`);
      expect(response.status()).toBe(200);
      const csv = await page.request.get(`/api/trends/csv?team=${team.slug}&range=all&chart=volumes`);
      expect([200, 404]).toContain(csv.status());
    } finally {
      await db.monthFigures.delete({ where: { id: row.id } });
    }
  });

  test('a figures export from 0000-01 is a 400 with a message', async ({ page, db, signInAs }) => {
    const team = await makeTeam(db);
    await signInAs('EXEC');
    const response = await page.request.get(`/api/teams/${team.slug}/figures?from=0000-01&to=2025-01`);
    expect(response.status()).toBe(400);
    expect((await response.json()).errors[0].message).toMatch(/months like/);
  });
});

test.describe('sign-in', () => {
  for (const [label, callbackUrl] of [
    ['a tab', '%2F%09%2Fevil.example'],
    ['a newline', '%2F%0A%2Fevil.example'],
    ['a backslash', '%2F%5Cevil.example'],
    ['non-ASCII', '%2F%C3%A9v%C3%AEl'],
  ] as const) {
    test(`a callbackUrl with ${label} lands on this site`, async ({ page, db, baseURL }) => {
      const user = await makeUser(db, { role: 'COLLEAGUE' });
      const response = await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
      expect(response?.status()).toBe(200);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }

  test('X-Forwarded-For chosen by the client neither evades nor moves the limit', async ({ request, db }) => {
    const user = await makeUser(db, { role: 'AGENT', password: 'right-password' });
    const attempt = async (password: string, forwardedFor: string) => {
      const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
      const response = await request.post('/api/auth/callback/credentials', {
        form: { csrfToken, email: user.email, password },
        headers: { 'X-Forwarded-For': forwardedFor },
        maxRedirects: 0,
      });
      return response.headers().location ?? '';
    };
    // Each wrong guess claims a different address; the socket's address is what counts.
    for (let i = 0; i < 12; i++) await attempt(`wrong-${i}`, `198.51.100.${i}`);
    expect(await db.auditEvent.count({ where: { actorEmail: user.email, action: 'auth.sign_in_failed' } })).toBe(10);
    expect(await db.auditEvent.count({ where: { actorEmail: user.email, action: 'auth.sign_in_throttled' } })).toBe(2);
    // Claiming to be the server itself does not get the right password through either.
    expect(await attempt('right-password', '::ffff:127.0.0.1')).toContain('error');
    expect(await db.auditEvent.count({ where: { actorEmail: user.email, action: 'auth.sign_in' } })).toBe(0);
  });
});

/** The status line's code for a request written by hand (methods a client library will not send). */
function rawStatus(baseURL: string, method: string, target: string): Promise<number> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(`${method} ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`),
    );
    let head = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      head += chunk;
      const match = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (match) {
        resolve(Number(match[1]));
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(0));
  });
}

test.describe('no request answers 5xx', () => {
  for (const method of ['TRACE', 'TRACK', 'CONNECT']) {
    test(`${method} answers 405 on any path`, async ({ baseURL }) => {
      for (const target of ['/', '/sign-in', '/api/health', '/api/auth/session', '/_next/static/x.js', '/nowhere'])
        expect(await rawStatus(baseURL!, method, target), `${method} ${target}`).toBe(405);
      if (method === 'CONNECT') expect(await rawStatus(baseURL!, method, 'example.com:443')).toBe(405);
    });
  }

  // Every C0 control character and DEL, percent-encoded, in each place Auth.js copies a parameter.
  const controls = [...Array.from({ length: 32 }, (_, i) => i), 0x7f].map(
    (c) => `%${c.toString(16).padStart(2, '0').toUpperCase()}`,
  );
  test('a control character anywhere in an Auth.js URL answers 400', async ({ request }) => {
    test.setTimeout(90_000);
    for (const c of controls) {
      for (const path of [
        `/api/auth/error?error=${c}`,
        `/api/auth/error?error=Configuration${c}x`,
        `/api/auth/signin?callbackUrl=%2F${c}%2Fevil.example`,
        `/api/auth/signout?callbackUrl=%2Fx${c}`,
        `/api/auth/session?x${c}=1`,
        `/api/auth/csrf/${c}`,
      ]) {
        const response = await request.get(path, { maxRedirects: 0 });
        expect(response.status(), path).toBe(400);
      }
    }
  });

  test('a control character in a posted callbackUrl goes home instead of failing', async ({ request, baseURL }) => {
    test.setTimeout(90_000);
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    for (const c of controls) {
      const response = await request.post('/api/auth/signout', {
        form: { csrfToken, callbackUrl: `/x${decodeURIComponent(c)}` },
        maxRedirects: 0,
      });
      expect(response.status(), c).toBe(302);
      expect(response.headers().location, c).toBe(`${baseURL}/`);
    }
  });

  test('/_next/image of a page, a route or nothing answers 4xx', async ({ request }) => {
    for (const url of ['/', '/sign-in', '/about', '/api/health', '/api/auth/session', '/nowhere.png']) {
      const response = await request.get(`/_next/image?url=${encodeURIComponent(url)}&w=64&q=75`, {
        maxRedirects: 0,
      });
      expect(response.status(), url).toBeGreaterThanOrEqual(400);
      expect(response.status(), url).toBeLessThan(500);
    }
  });

  test('a KPI target of 1e11, 0x10 or 1e-9 is refused at its field and saves nothing', async ({
    page,
    db,
    signInAs,
  }) => {
    test.setTimeout(60_000);
    const leader = await signInAs('LEADER');
    const team = await db.team.findUniqueOrThrow({ where: { id: leader.teamId! } });
    await makeCatalog(db, team.id);
    const kpi = await db.kpi.findFirstOrThrow({ where: { teamId: team.id, name: 'CSAT' } });
    const target = page.locator(`#kpi-${kpi.id}-target`);
    for (const typed of ['1e11', '0x10', '1e-9']) {
      // A fresh page each time, so the refusal seen is this value's.
      await page.goto(`/manage/${team.slug}/settings`);
      await target.fill(typed);
      await target.press('Enter');
      await expect(page.getByText('Enter a number like 91.5. Or leave it empty for no target.')).toBeVisible();
      await expect(target).toHaveAttribute('aria-invalid', 'true');
      expect((await db.kpi.findUniqueOrThrow({ where: { id: kpi.id } })).target?.toString(), typed).toBe(
        kpi.target?.toString(),
      );
    }
  });
});

test.describe('server actions', () => {
  const createWin = () =>
    listServerActions().find(
      (a) => a.filename.endsWith('lib/wins/actions.ts') && a.exportedName === 'createWinAction',
    )!;

  test('a body over 1 MB gets 413 with a message and records nothing', async ({ page, db, baseURL, signInAs }) => {
    const agent = await signInAs('AGENT');
    const title = `Huge ${Date.now()}`;
    const data = new FormData();
    const args = [{ ok: false }, data];
    for (const [k, v] of Object.entries({
      title,
      story: 'x'.repeat(1_100_000),
      occurredOn: '2026-01-05',
      creditIds: agent.id,
      submissionKey: `huge-${Date.now()}`,
    }))
      data.append(k, v);
    const response = await callServerAction(page.request, baseURL!, createWin(), args);
    expect(response.status).toBe(413);
    expect(response.text).toMatch(/more than 1 MB/);
    expect(await db.win.count({ where: { title } })).toBe(0);
  });

  /** Sends a win as a browser would, but chunked: no Content-Length, as some clients do. */
  async function sendChunked(page: Page, baseURL: string, agentId: string, title: string, story: string) {
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const data = new FormData();
    for (const [k, v] of Object.entries({
      title,
      story,
      occurredOn: '2026-01-05',
      creditIds: agentId,
      submissionKey: `chunked-${title}`,
    }))
      data.append(k, v);
    const { contentType, body } = await encodeServerActionBody([{ ok: false }, data]);
    const action = createWin();
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(
        new URL(action.pagePath, baseURL),
        {
          method: 'POST',
          headers: {
            'Next-Action': action.id,
            Accept: 'text/x-component',
            Origin: baseURL,
            'Content-Type': contentType,
            'Transfer-Encoding': 'chunked',
            Cookie: cookie,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
      req.end();
    });
  }

  test('a body over 1 MB sent without a length (chunked) gets 413 too and records nothing', async ({
    page,
    db,
    baseURL,
    signInAs,
  }) => {
    const agent = await signInAs('AGENT');
    const title = `Chunked huge ${Date.now()}`;
    const refused = await sendChunked(page, baseURL!, agent.id, title, 'x'.repeat(1_100_000));
    expect(refused.status).toBe(413);
    expect(refused.text).toMatch(/more than 1 MB/);
    expect(await db.win.count({ where: { title } })).toBe(0);
  });

  test('a small body sent without a length (chunked) is handled as usual', async ({ page, db, baseURL, signInAs }) => {
    const agent = await signInAs('AGENT');
    const title = `Chunked small ${Date.now()}`;
    const accepted = await sendChunked(page, baseURL!, agent.id, title, 'A customer rang back to say thank you.');
    expect(accepted.status, accepted.text.slice(0, 300)).toBe(200);
    expect(await db.win.count({ where: { title } })).toBe(1);
  });

  test('a foreign Origin is refused even when X-Forwarded-Host matches it', async ({ page, db, signInAs }) => {
    const agent = await signInAs('AGENT');
    const title = `Foreign ${Date.now()}`;
    const data = new FormData();
    for (const [k, v] of Object.entries({
      title,
      story: 'From elsewhere.',
      occurredOn: '2026-01-05',
      creditIds: agent.id,
      submissionKey: `foreign-${Date.now()}`,
    }))
      data.append(k, v);
    const response = await callServerAction(page.request, 'https://evil.example', createWin(), [{ ok: false }, data], {
      'X-Forwarded-Host': 'evil.example',
    });
    expect(response.status).toBe(403);
    expect(response.text).toMatch(/another site/);
    expect(await db.win.count({ where: { title } })).toBe(0);
  });

  test('the same win submitted ten times at once is recorded once', async ({ page, db, baseURL, signInAs }) => {
    const agent = await signInAs('AGENT');
    const title = `Once ${Date.now()}`;
    const key = `once-${Date.now()}`;
    const send = () => {
      const data = new FormData();
      for (const [k, v] of Object.entries({
        title,
        story: 'Only once.',
        occurredOn: '2026-01-05',
        creditIds: agent.id,
        submissionKey: key,
      }))
        data.append(k, v);
      return callServerAction(page.request, baseURL!, createWin(), [{ ok: false }, data]);
    };
    await Promise.all(Array.from({ length: 10 }, send));
    expect(await db.win.count({ where: { title } })).toBe(1);
  });
});

test('the API answers 503 JSON while the database is down', async ({ db }) => {
  test.setTimeout(90_000);
  const { team, auth } = await teamWithToken(db);
  const port = 3190 + Math.floor(Math.random() * 9);
  // A second server of the same build whose database does not answer (nothing listens on port 9).
  const server = spawn(process.execPath, ['scripts/serve.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      DATABASE_URL: 'postgresql://nobody:x@127.0.0.1:9/none',
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456',
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
  try {
    let health = 0;
    for (let i = 0; i < 300 && health === 0; i++) {
      health = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (health === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health).toBe(503);
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/teams/${team.slug}/months`, { headers: auth });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toMatchObject({ error: 'unavailable' });
  } finally {
    server.kill('SIGTERM');
  }
});
