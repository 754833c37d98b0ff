import { hashPassword } from '../../lib/password';
import { makeUser } from '../../prisma/factories';
import { TEST_PASSWORD } from '../fixtures';
import { form, PUBLIC, SIGNED_IN, unique, type MatrixArea } from './types';

export const foundation: MatrixArea = {
  pages: [
    { route: '/sign-in', path: () => '/sign-in', allowed: PUBLIC },
    { route: '/about', path: () => '/about', allowed: PUBLIC },
    { route: '/', path: () => '/', allowed: SIGNED_IN },
    { route: '/account/password', path: () => '/account/password', allowed: SIGNED_IN },
    { route: '/admin/users', path: () => '/admin/users', allowed: ['ADMIN'] },
    { route: '/admin/users/new', path: () => '/admin/users/new', allowed: ['ADMIN'] },
    { route: '/admin/users/[userId]', path: (c) => `/admin/users/${c.users.AGENT.id}`, allowed: ['ADMIN'] },
    { route: '/admin/teams', path: () => '/admin/teams', allowed: ['ADMIN'] },
    { route: '/admin/audit', path: () => '/admin/audit', allowed: ['ADMIN'] },
  ],
  routes: [
    { route: '/api/health', method: 'GET', path: () => '/api/health', allowed: PUBLIC },
    // The site icon (app/icon.svg): browsers ask for it before anyone signs in.
    { route: '/icon.svg', method: 'GET', path: () => '/icon.svg', allowed: PUBLIC },
    { route: '/api/auth/[...nextauth]', method: 'GET', path: () => '/api/auth/csrf', allowed: PUBLIC },
  ],
  actions: [
    // Signing in and out is for everyone; their guards are the credentials themselves (sign-in.spec.ts).
    { action: 'lib/auth-flow/actions.ts#signInAction', allowed: PUBLIC },
    { action: 'lib/auth-flow/actions.ts#signInWithOidcAction', allowed: PUBLIC },
    { action: 'lib/auth-flow/actions.ts#signOutAction', allowed: PUBLIC },
    {
      action: 'lib/users/actions.ts#createUserAction',
      allowed: ['ADMIN'],
      prepare: async (c) => {
        const email = `matrix-${unique()}@example.test`;
        return {
          args: form({ name: 'Matrix Made', email, role: 'ADMIN', teamId: '' }),
          probe: () => c.db.user.count({ where: { email } }),
        };
      },
    },
    {
      action: 'lib/users/actions.ts#updateUserAction',
      allowed: ['ADMIN'],
      prepare: async (c) => {
        const target = await makeUser(c.db, { role: 'COLLEAGUE' });
        return {
          args: form({ userId: target.id, role: 'ADMIN', teamId: '' }),
          probe: async () => (await c.db.user.findUniqueOrThrow({ where: { id: target.id } })).role,
        };
      },
    },
    {
      action: 'lib/users/actions.ts#setUserActiveAction',
      allowed: ['ADMIN'],
      prepare: async (c) => {
        const target = await makeUser(c.db, { role: 'EXEC' });
        return {
          args: form({ userId: target.id, active: 'false' }),
          probe: async () => (await c.db.user.findUniqueOrThrow({ where: { id: target.id } })).active,
        };
      },
    },
    {
      action: 'lib/users/actions.ts#resetPasswordAction',
      allowed: ['ADMIN'],
      prepare: async (c) => {
        const target = await makeUser(c.db, { role: 'EXEC' });
        return {
          args: form({ userId: target.id }),
          probe: async () => (await c.db.user.findUniqueOrThrow({ where: { id: target.id } })).passwordHash,
        };
      },
    },
    {
      action: 'lib/users/actions.ts#signOutEverywhereAction',
      allowed: ['ADMIN'],
      prepare: async (c) => {
        const target = await makeUser(c.db, { role: 'EXEC' });
        return {
          args: form({ userId: target.id }),
          probe: async () => (await c.db.user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion,
        };
      },
    },
    {
      action: 'lib/teams/actions.ts#createTeamAction',
      allowed: ['ADMIN'],
      prepare: async (c) => {
        const name = `Matrix team ${unique()}`;
        return { args: form({ name, slug: '' }), probe: () => c.db.team.count({ where: { name } }) };
      },
    },
    {
      action: 'lib/auth-flow/actions.ts#changePasswordAction',
      allowed: SIGNED_IN,
      prepare: async (c, actor) => {
        const ids = Object.values(c.users).map((u) => u.id);
        if (actor !== 'ANONYMOUS') {
          await c.db.user.update({
            where: { id: c.users[actor].id },
            data: { passwordHash: await hashPassword(TEST_PASSWORD) },
          });
        }
        return {
          args: form({
            currentPassword: TEST_PASSWORD,
            newPassword: 'matrix-new-password',
            confirmPassword: 'matrix-new-password',
          }),
          probe: () => c.db.auditEvent.count({ where: { action: 'user.change_password', entityId: { in: ids } } }),
        };
      },
    },
  ],
};
