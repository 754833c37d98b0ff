// Every page, server action and route handler, with the roles allowed (rows live in
// e2e/matrix/, one file per area). For each role and for anonymous readers, what is not allowed
// must be refused and change nothing — also when the request carries x-middleware-subrequest
// headers (the 2025 middleware-bypass trick). The build's own manifests are compared with the
// rows, so a new page, route or action without a row fails the suite.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { makeTeam, makeUser } from '../prisma/factories';
import { expect, TEST_PASSWORD, test } from './fixtures';
import { callServerAction, listServerActions } from './fixtures/server-actions';
import { AREAS } from './matrix';
import { PUBLIC, ROLES, type Actor, type Allowed, type Context } from './matrix/types';

const ACTORS: Actor[] = [...ROLES, 'ANONYMOUS'];
const PAGES = AREAS.flatMap((a) => a.pages ?? []);
const ROUTES = AREAS.flatMap((a) => a.routes ?? []);
const ACTIONS = AREAS.flatMap((a) => a.actions ?? []);

// The 2025 trick names the middleware (Next ≤ 15) or the proxy (Next 16) five times; a server
// that honours the header for either name is fooled by one that names both, so one request asks
// for both bypasses (and a refused actor costs two requests instead of three).
const BYPASS_HEADERS: Record<string, string>[] = [
  {},
  { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware:proxy:proxy:proxy:proxy:proxy' },
];

const isAllowed = (allowed: Allowed, actor: Actor) =>
  allowed === PUBLIC || (actor !== 'ANONYMOUS' && allowed.includes(actor));

/** The bypass headers only matter for a refusal: an allowed actor is asked once, without them. */
const headersFor = (allowed: Allowed, actor: Actor) => (isAllowed(allowed, actor) ? [{}] : BYPASS_HEADERS);

async function signedInContext(baseURL: string, email: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await ctx.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password: TEST_PASSWORD },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
  return ctx;
}

// Outside the serial block, so a missing row is reported without skipping every check.
test.describe('authorization matrix coverage', () => {
  test('lists every page and route handler in the build', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(process.cwd(), '.next/app-path-routes-manifest.json'), 'utf8'),
    ) as Record<string, string>;
    const built = Object.entries(manifest)
      .filter(([key]) => !key.includes('/_') && !key.endsWith('/favicon.ico/route'))
      .map(([, route]) => route);
    expect([...new Set(built)].sort()).toEqual(
      [...new Set([...PAGES.map((p) => p.route), ...ROUTES.map((r) => r.route)])].sort(),
    );
  });

  test('lists every server action in the build', () => {
    const built = listServerActions()
      .map((a) => `${a.filename}#${a.exportedName}`)
      .sort();
    expect(built).toEqual([...new Set(ACTIONS.map((a) => a.action))].sort());
  });
});

test.describe('authorization matrix', () => {
  test.describe.configure({ mode: 'serial' });
  let context: Context;
  const clients = new Map<Actor, APIRequestContext>();
  let baseURL: string;

  test.beforeAll(async ({ workerDb }) => {
    baseURL = test.info().project.use.baseURL!;
    const team = await makeTeam(workerDb);
    const otherTeam = await makeTeam(workerDb);
    const users = {} as Context['users'];
    for (const role of ROLES) {
      users[role] = await makeUser(workerDb, { role, teamId: role === 'LEADER' || role === 'AGENT' ? team.id : null });
    }
    const otherTeamUsers = {
      LEADER: await makeUser(workerDb, { role: 'LEADER', teamId: otherTeam.id }),
      AGENT: await makeUser(workerDb, { role: 'AGENT', teamId: otherTeam.id }),
    };
    context = { db: workerDb, team, otherTeam, users, otherTeamUsers };
    for (const role of ROLES) clients.set(role, await signedInContext(baseURL, users[role].email));
    clients.set('ANONYMOUS', await playwrightRequest.newContext({ baseURL }));
  });

  test.afterAll(async () => {
    for (const client of clients.values()) await client.dispose();
  });

  for (const row of PAGES) {
    test(`page ${row.route}${row.label ? ` (${row.label})` : ''}`, async () => {
      const pagePath = await row.path(context);
      for (const actor of ACTORS) {
        for (const headers of headersFor(row.allowed, actor)) {
          const res = await clients.get(actor)!.get(pagePath, { headers, maxRedirects: 0 });
          const label = `${actor} GET ${pagePath} ${JSON.stringify(headers)}`;
          if (row.allowed === PUBLIC) {
            expect([200, 307], label).toContain(res.status());
          } else if (isAllowed(row.allowed, actor)) {
            expect(row.allowedStatus ?? [200], label).toContain(res.status());
          } else if (row.refusedStatus) {
            expect(res.status(), label).toBe(row.refusedStatus);
          } else if (actor === 'ANONYMOUS') {
            expect([303, 307], label).toContain(res.status());
            expect(res.headers().location, label).toContain('/sign-in');
          } else {
            expect(res.status(), label).toBe(403);
            expect(await res.text(), label).toContain('This page is not available to you');
          }
        }
      }
    });
  }

  for (const row of ROUTES) {
    test(`route ${row.method} ${row.route}${row.label ? ` (${row.label})` : ''}`, async () => {
      for (const actor of ACTORS) {
        for (const headers of headersFor(row.allowed, actor)) {
          const url = await row.path(context);
          const before = await row.probe?.(context);
          const body = await row.body?.(context);
          const res = await clients.get(actor)!.fetch(url, {
            method: row.method,
            headers,
            maxRedirects: 0,
            ...(body === undefined ? {} : { data: body }),
          });
          const after = await row.probe?.(context);
          const label = `${actor} ${row.method} ${url} ${JSON.stringify(headers)}`;
          if (isAllowed(row.allowed, actor)) {
            expect([row.expectStatus ?? 200].flat(), `${label}: ${res.status()}`).toContain(res.status());
          } else {
            expect([401, 403], label).toContain(res.status());
            expect(after, `${label} must change nothing`).toEqual(before);
          }
        }
      }
    });
  }

  for (const row of ACTIONS.filter((a) => a.prepare)) {
    test(`action ${row.action}${row.label ? ` (${row.label})` : ''}`, async () => {
      const [filename, exportedName] = row.action.split('#');
      const ref = listServerActions().find((a) => a.filename === filename && a.exportedName === exportedName);
      expect(ref, row.action).toBeTruthy();
      for (const actor of ACTORS) {
        for (const headers of headersFor(row.allowed, actor)) {
          const prepared = await row.prepare!(context, actor);
          const before = await prepared.probe();
          const res = await callServerAction(clients.get(actor)!, baseURL, ref!, prepared.args, headers);
          const after = await prepared.probe();
          const label = `${actor} → ${row.action} ${JSON.stringify(headers)}`;
          if (isAllowed(row.allowed, actor)) {
            expect(
              after,
              `${label} should have changed something: ${res.status} ${res.text.slice(0, 600)}`,
            ).not.toEqual(before);
          } else {
            expect(after, `${label} must change nothing`).toEqual(before);
            expect(res.text, label).toMatch(actor === 'ANONYMOUS' ? /Please sign in/ : /You do not have access/);
          }
        }
      }
    });
  }
});
