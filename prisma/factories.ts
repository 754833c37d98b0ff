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

type CatalogClient = Pick<PrismaClient, 'channel' | 'contactReason' | 'segment' | 'kpi'>;
type KpiSpec = { name: string; unit?: 'PERCENT' | 'SECONDS' | 'MINUTES' | 'COUNT' | 'SCORE'; direction?: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER'; target?: number | null };

/** A team's channels, reasons, segments and KPIs, by name (defaults suit most tests). */
export async function makeCatalog(
  db: CatalogClient,
  teamId: string,
  spec: { channels?: string[]; reasons?: string[]; segments?: string[]; kpis?: KpiSpec[] } = {},
) {
  const key = (s: string) => s.trim().toLowerCase();
  const rows = (names: string[]) => names.map((name, position) => ({ teamId, name, nameKey: key(name), position }));
  await db.channel.createMany({ data: rows(spec.channels ?? ['Phone', 'Email', 'Chat']) });
  await db.contactReason.createMany({ data: rows(spec.reasons ?? ['Billing', 'Delivery']) });
  await db.segment.createMany({ data: rows(spec.segments ?? ['Consumers', 'Business']) });
  const kpis = spec.kpis ?? [{ name: 'CSAT', unit: 'PERCENT' }, { name: 'First response time', unit: 'MINUTES', direction: 'LOWER_IS_BETTER' }, { name: 'Average handle time', unit: 'MINUTES', direction: 'LOWER_IS_BETTER' }];
  await db.kpi.createMany({
    data: kpis.map((k, position) => ({ teamId, position, name: k.name, nameKey: key(k.name), unit: k.unit ?? 'SCORE', direction: k.direction ?? 'HIGHER_IS_BETTER', target: k.target ?? null, decimals: 1 })),
  });
}
