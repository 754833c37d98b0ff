// Every page, server action and route handler, with the roles allowed. For each role and for
// anonymous readers, what is not allowed must be refused and change nothing — also when the
// request carries x-middleware-subrequest headers (the 2025 middleware-bypass trick). The build's
// own manifests are compared with these tables, so a new page or action without a row fails.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import type { PrismaClient } from '../lib/generated/prisma/client';
import type { Role } from '../lib/generated/prisma/enums';
import { hashPassword } from '../lib/password';
import { makeTeam, makeUser } from '../prisma/factories';
import { expect, TEST_PASSWORD, test } from './fixtures';
import { callServerAction, listServerActions } from './fixtures/server-actions';

type Actor = Role | 'ANONYMOUS';
const ROLES: Role[] = ['ADMIN', 'LEADER', 'AGENT', 'EXEC', 'COLLEAGUE'];
const ACTORS: Actor[] = [...ROLES, 'ANONYMOUS'];
const SIGNED_IN = ROLES;
const PUBLIC = 'public' as const;

const BYPASS_HEADERS: Record<string, string>[] = [
  {},
  { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
  { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
];

type Context = { db: PrismaClient; users: Record<Role, { id: string; email: string; teamId: string | null }> };

// ── Pages ───────────────────────────────────────────────────────────────────────────────────
type PageRow = { route: string; path: (c: Context) => Promise<string> | string; allowed: readonly Role[] | typeof PUBLIC };
const PAGES: PageRow[] = [
  { route: '/sign-in', path: () => '/sign-in', allowed: PUBLIC },
  { route: '/', path: () => '/', allowed: SIGNED_IN },
  { route: '/account/password', path: () => '/account/password', allowed: SIGNED_IN },
  { route: '/admin/users', path: () => '/admin/users', allowed: ['ADMIN'] },
  { route: '/admin/users/new', path: () => '/admin/users/new', allowed: ['ADMIN'] },
  { route: '/admin/users/[userId]', path: (c) => `/admin/users/${c.users.AGENT.id}`, allowed: ['ADMIN'] },
  { route: '/admin/teams', path: () => '/admin/teams', allowed: ['ADMIN'] },
  { route: '/admin/audit', path: () => '/admin/audit', allowed: ['ADMIN'] },
];

// ── Route handlers ──────────────────────────────────────────────────────────────────────────
type RouteRow = { route: string; method: 'GET' | 'POST'; path: string; allowed: readonly Role[] | typeof PUBLIC; expectStatus?: number };
const ROUTES: RouteRow[] = [
  { route: '/api/health', method: 'GET', path: '/api/health', allowed: PUBLIC, expectStatus: 200 },
  { route: '/api/auth/[...nextauth]', method: 'GET', path: '/api/auth/csrf', allowed: PUBLIC, expectStatus: 200 },
];

// ── Server actions ──────────────────────────────────────────────────────────────────────────
type Prepared = { args: unknown[]; probe: () => Promise<unknown> };
type ActionRow = { action: string; allowed: readonly Role[] | typeof PUBLIC; prepare?: (c: Context, actor: Actor) => Promise<Prepared> };

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return [{ ok: false }, data];
};

const ACTIONS: ActionRow[] = [
  // Signing in and out is for everyone; their guards are the credentials themselves (sign-in.spec.ts).
  { action: 'lib/auth-flow/actions.ts#signInAction', allowed: PUBLIC },
  { action: 'lib/auth-flow/actions.ts#signInWithOidcAction', allowed: PUBLIC },
  { action: 'lib/auth-flow/actions.ts#signOutAction', allowed: PUBLIC },
  {
    action: 'lib/users/actions.ts#createUserAction',
    allowed: ['ADMIN'],
    prepare: async (c) => {
      const email = `matrix-${Math.random().toString(36).slice(2)}@example.test`;
      return { args: form({ name: 'Matrix Made', email, role: 'ADMIN', teamId: '' }), probe: () => c.db.user.count({ where: { email } }) };
    },
  },
  {
    action: 'lib/users/actions.ts#updateUserAction',
    allowed: ['ADMIN'],
    prepare: async (c) => {
      const target = await makeUser(c.db, { role: 'COLLEAGUE' });
      return { args: form({ userId: target.id, role: 'ADMIN', teamId: '' }), probe: async () => (await c.db.user.findUniqueOrThrow({ where: { id: target.id } })).role };
    },
  },
  {
    action: 'lib/users/actions.ts#setUserActiveAction',
    allowed: ['ADMIN'],
    prepare: async (c) => {
      const target = await makeUser(c.db, { role: 'EXEC' });
      return { args: form({ userId: target.id, active: 'false' }), probe: async () => (await c.db.user.findUniqueOrThrow({ where: { id: target.id } })).active };
    },
  },
  {
    action: 'lib/users/actions.ts#resetPasswordAction',
    allowed: ['ADMIN'],
    prepare: async (c) => {
      const target = await makeUser(c.db, { role: 'EXEC' });
      return { args: form({ userId: target.id }), probe: async () => (await c.db.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash };
    },
  },
  {
    action: 'lib/teams/actions.ts#createTeamAction',
    allowed: ['ADMIN'],
    prepare: async (c) => {
      const name = `Matrix team ${Math.random().toString(36).slice(2)}`;
      return { args: form({ name, slug: '' }), probe: () => c.db.team.count({ where: { name } }) };
    },
  },
  {
    action: 'lib/users/actions.ts#changePasswordAction',
    allowed: SIGNED_IN,
    prepare: async (c, actor) => {
      const ids = Object.values(c.users).map((u) => u.id);
      if (actor !== 'ANONYMOUS') {
        await c.db.user.update({ where: { id: c.users[actor].id }, data: { passwordHash: await hashPassword(TEST_PASSWORD) } });
      }
      return {
        args: form({ currentPassword: TEST_PASSWORD, newPassword: 'matrix-new-password', confirmPassword: 'matrix-new-password' }),
        probe: () => c.db.auditEvent.count({ where: { action: 'user.change_password', entityId: { in: ids } } }),
      };
    },
  },
];

const isAllowed = (allowed: readonly Role[] | typeof PUBLIC, actor: Actor) => allowed === PUBLIC || (actor !== 'ANONYMOUS' && allowed.includes(actor));

async function signedInContext(baseURL: string, email: string) {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await ctx.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: TEST_PASSWORD }, maxRedirects: 0 });
  expect(res.status()).toBe(302);
  return ctx;
}

test.describe.configure({ mode: 'serial' });

test.describe('authorization matrix', () => {
  let context: Context;
  const clients = new Map<Actor, APIRequestContext>();
  let baseURL: string;

  test.beforeAll(async ({ workerDb }) => {
    baseURL = test.info().project.use.baseURL!;
    const team = await makeTeam(workerDb);
    const users = {} as Context['users'];
    for (const role of ROLES) {
      users[role] = await makeUser(workerDb, { role, teamId: role === 'LEADER' || role === 'AGENT' ? team.id : null });
    }
    context = { db: workerDb, users };
    for (const role of ROLES) clients.set(role, await signedInContext(baseURL, users[role].email));
    clients.set('ANONYMOUS', await playwrightRequest.newContext({ baseURL }));
  });

  test.afterAll(async () => {
    for (const client of clients.values()) await client.dispose();
  });

  test('lists every page and route handler in the build', () => {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), '.next/app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
    const built = Object.entries(manifest)
      .filter(([key]) => !key.includes('/_') && !key.endsWith('/favicon.ico/route'))
      .map(([, route]) => route)
      .sort();
    expect(built).toEqual([...PAGES.map((p) => p.route), ...ROUTES.map((r) => r.route)].sort());
  });

  test('lists every server action in the build', () => {
    const built = listServerActions().map((a) => `${a.filename}#${a.exportedName}`).sort();
    expect(built).toEqual(ACTIONS.map((a) => a.action).sort());
  });

  for (const row of PAGES) {
    test(`page ${row.route}`, async () => {
      const pagePath = await row.path(context);
      for (const actor of ACTORS) {
        for (const headers of BYPASS_HEADERS) {
          const res = await clients.get(actor)!.get(pagePath, { headers, maxRedirects: 0 });
          const label = `${actor} GET ${pagePath} ${JSON.stringify(headers)}`;
          if (row.allowed === PUBLIC) {
            expect([200, 307], label).toContain(res.status());
          } else if (isAllowed(row.allowed, actor)) {
            expect(res.status(), label).toBe(200);
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
    test(`route ${row.method} ${row.route}`, async () => {
      for (const actor of ACTORS) {
        for (const headers of BYPASS_HEADERS) {
          const res = await clients.get(actor)!.fetch(row.path, { method: row.method, headers, maxRedirects: 0 });
          if (isAllowed(row.allowed, actor)) expect(res.status(), `${actor} ${row.path}`).toBe(row.expectStatus ?? 200);
          else expect([401, 403], `${actor} ${row.path}`).toContain(res.status());
        }
      }
    });
  }

  for (const row of ACTIONS.filter((a) => a.prepare)) {
    test(`action ${row.action}`, async () => {
      const [filename, exportedName] = row.action.split('#');
      const ref = listServerActions().find((a) => a.filename === filename && a.exportedName === exportedName);
      expect(ref, row.action).toBeTruthy();
      for (const actor of ACTORS) {
        for (const headers of BYPASS_HEADERS) {
          const prepared = await row.prepare!(context, actor);
          const before = await prepared.probe();
          const res = await callServerAction(clients.get(actor)!, baseURL, ref!, prepared.args, headers);
          const after = await prepared.probe();
          const label = `${actor} → ${row.action} ${JSON.stringify(headers)}`;
          if (isAllowed(row.allowed, actor)) {
            expect(after, `${label} should have changed something: ${res.status} ${res.text.slice(0, 600)}`).not.toEqual(before);
          } else {
            expect(after, `${label} must change nothing`).toEqual(before);
            expect(res.text, label).toMatch(actor === 'ANONYMOUS' ? /Please sign in/ : /You do not have access/);
          }
        }
      }
    });
  }
});
