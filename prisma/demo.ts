// The demo organisation seeded into an empty embedded database (and on `npm run db:seed`). Each
// area of the product adds its own seeder to DEMO_SEEDERS, in the order they depend on each other.
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../lib/generated/prisma/client';
import type { Role } from '../lib/generated/prisma/enums';
import { makeTeam, makeUser } from './factories';
import { seedDemoFigures } from './demo-figures';
import { seedStories } from './demo-stories';
import { seedDemoReach } from './demo-reach';
import { seedDemoReviews } from './demo-reviews';
import { seedDemoAsks } from './seed-asks';
import { seedDemoOutcomes } from './seed-outcomes';
import { seedDemoProfiles } from './demo-profiles';
import { seedDemoYearReview } from './seed-year-review';
import { seedDemoDepartments } from './seed-departments';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.test', name: 'Morgan Ellis', role: 'ADMIN', team: null },
  { email: 'leader@demo.test', name: 'Priya Shah', role: 'LEADER', team: 'customer-care' },
  { email: 'billing.leader@demo.test', name: 'Dana Okafor', role: 'LEADER', team: 'billing-support' },
  { email: 'agent@demo.test', name: 'Sam Taylor', role: 'AGENT', team: 'customer-care' },
  { email: 'exec@demo.test', name: 'Jordan Reyes', role: 'EXEC', team: null },
  { email: 'colleague@demo.test', name: 'Chris Novak', role: 'COLLEAGUE', team: null },
] as const satisfies readonly { email: string; name: string; role: Role; team: string | null }[];

/** Teammates who make the demo feel lived-in (credited on quotes and wins). */
const DEMO_TEAMMATES = [
  { email: 'amira.haddad@demo.test', name: 'Amira Haddad', role: 'AGENT', team: 'customer-care' },
  { email: 'leo.martin@demo.test', name: 'Léo Martin', role: 'AGENT', team: 'customer-care' },
  { email: 'grace.kim@demo.test', name: 'Grace Kim', role: 'AGENT', team: 'customer-care' },
  { email: 'tom.berg@demo.test', name: 'Tom Berg', role: 'AGENT', team: 'billing-support' },
  { email: 'ines.costa@demo.test', name: 'Inês Costa', role: 'AGENT', team: 'billing-support' },
] as const satisfies readonly { email: string; name: string; role: Role; team: string | null }[];

export type DemoTeamSlug = 'customer-care' | 'billing-support';
type DemoTeam = Awaited<ReturnType<typeof makeTeam>>;
type DemoUser = Awaited<ReturnType<typeof makeUser>>;
export type DemoOrganisation = {
  teams: Record<DemoTeamSlug, DemoTeam>;
  /** By email. */
  users: Record<string, DemoUser>;
  /** Today's date for the demo, so every seeder agrees on "this month". */
  now: Date;
};

export type DemoSeeder = (db: PrismaClient, org: DemoOrganisation) => Promise<void>;

/** Area seeders, run in order after the organisation exists. */
export const DEMO_SEEDERS: DemoSeeder[] = [
  seedDemoFigures,
  // Reasons linked to departments before any edition is published, so editions freeze their sections.
  seedDemoDepartments,
  seedStories,
  seedDemoReviews,
  seedDemoReach,
  seedDemoAsks,
  // After the asks seeder, so outcomes can link to the asks they answered.
  seedDemoOutcomes,
  seedDemoProfiles,
  seedDemoYearReview,
];

export async function seedOrganisation(db: PrismaClient): Promise<DemoOrganisation> {
  const teams = {
    'customer-care': await makeTeam(db, { name: 'Customer Care', slug: 'customer-care' }),
    'billing-support': await makeTeam(db, { name: 'Billing Support', slug: 'billing-support' }),
  };
  const users: Record<string, DemoUser> = {};
  const signIns = new Set<string>(DEMO_ACCOUNTS.map((a) => a.email));
  for (const account of [...DEMO_ACCOUNTS, ...DEMO_TEAMMATES]) {
    users[account.email] = await makeUser(db, {
      email: account.email,
      name: account.name,
      role: account.role,
      teamId: account.team ? teams[account.team].id : null,
      // Only the accounts the README lists sign in with the demo password; teammates exist to be
      // credited and get a random password nobody knows (an admin can issue them one).
      password: signIns.has(account.email) ? DEMO_PASSWORD : randomBytes(24).toString('base64url'),
    });
  }
  return { teams, users, now: new Date() };
}

/** Seeds the demo organisation into an empty database; returns false if users already exist. */
export async function seedDemo(db: PrismaClient): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const org = await seedOrganisation(db);
  for (const seed of DEMO_SEEDERS) await seed(db, org);
  return true;
}
