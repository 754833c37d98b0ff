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
