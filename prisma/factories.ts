// Factory functions for demo data and tests: each call makes uniquely named rows unless told
// otherwise, so tests never collide and never depend on one another's leftovers.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../lib/generated/prisma/client';
import type { Role } from '../lib/generated/prisma/enums';
import { hashPassword } from '../lib/password';

type Client = Pick<PrismaClient, 'team' | 'user'>;

const unique = () => randomUUID().slice(0, 8);

export async function makeTeam(db: Client, overrides: { name?: string; slug?: string } = {}) {
  const suffix = unique();
  return db.team.create({
    data: { name: overrides.name ?? `Team ${suffix}`, slug: overrides.slug ?? `team-${suffix}` },
  });
}

export type MakeUserInput = {
  role: Role;
  teamId?: string | null;
  name?: string;
  email?: string;
  password?: string;
  active?: boolean;
  passwordChangeRequired?: boolean;
};

export async function makeUser(db: Client, input: MakeUserInput) {
  const suffix = unique();
  return db.user.create({
    data: {
      name: input.name ?? `${input.role.toLowerCase()} ${suffix}`,
      email: (input.email ?? `${input.role.toLowerCase()}-${suffix}@example.test`).toLowerCase(),
      role: input.role,
      teamId: input.teamId ?? null,
      active: input.active ?? true,
      passwordChangeRequired: input.passwordChangeRequired ?? false,
      passwordHash: await hashPassword(input.password ?? 'test-password'),
    },
  });
}

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.test', name: 'Morgan Ellis', role: 'ADMIN', team: null },
  { email: 'leader@demo.test', name: 'Priya Shah', role: 'LEADER', team: 'customer-care' },
  { email: 'agent@demo.test', name: 'Sam Taylor', role: 'AGENT', team: 'customer-care' },
  { email: 'exec@demo.test', name: 'Jordan Reyes', role: 'EXEC', team: null },
  { email: 'colleague@demo.test', name: 'Chris Novak', role: 'COLLEAGUE', team: null },
] as const satisfies readonly { email: string; name: string; role: Role; team: string | null }[];

/** Teammates who make the demo feel lived-in (credited on quotes and wins in later features). */
const DEMO_TEAMMATES = [
  { email: 'amira.haddad@demo.test', name: 'Amira Haddad', role: 'AGENT', team: 'customer-care' },
  { email: 'leo.martin@demo.test', name: 'Léo Martin', role: 'AGENT', team: 'customer-care' },
  { email: 'grace.kim@demo.test', name: 'Grace Kim', role: 'AGENT', team: 'customer-care' },
  { email: 'billing.leader@demo.test', name: 'Dana Okafor', role: 'LEADER', team: 'billing-support' },
  { email: 'tom.berg@demo.test', name: 'Tom Berg', role: 'AGENT', team: 'billing-support' },
  { email: 'ines.costa@demo.test', name: 'Inês Costa', role: 'AGENT', team: 'billing-support' },
] as const satisfies readonly { email: string; name: string; role: Role; team: string | null }[];

/** Seeds the demo organisation into an empty database; returns false if users already exist. */
export async function seedDemo(db: Client): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const teams = {
    'customer-care': await makeTeam(db, { name: 'Customer Care', slug: 'customer-care' }),
    'billing-support': await makeTeam(db, { name: 'Billing Support', slug: 'billing-support' }),
  };
  for (const account of [...DEMO_ACCOUNTS, ...DEMO_TEAMMATES]) {
    await makeUser(db, {
      email: account.email,
      name: account.name,
      role: account.role,
      teamId: account.team ? teams[account.team].id : null,
      password: DEMO_PASSWORD,
    });
  }
  return true;
}
