// Departments for the demo organisation, and readers across it with a story the Reach view can
// tell: Sales and Finance read every month, Product started reading half-way, Marketing stopped
// three editions ago, HR read once, Logistics never has. Deterministic, like the other seeders.
import type { PrismaClient } from '../lib/generated/prisma/client';
import type { DemoSeeder } from './demo';
import { makeDepartment } from './factories';

/**
 * The departments' people beyond the demo accounts: first names only need to look real. Each
 * department has three or more, so Reach shows it by name (smaller ones count as "Other departments").
 */
const PEOPLE: Record<string, string[]> = {
  Sales: ['Hannah Weiss', 'Omar Farouk', 'Lucia Romano', 'Ben Carter'],
  Finance: ['Mei Lin', 'Arjun Rao', 'Sofia Lund'],
  Operations: ['Karl Meyer', 'Zoe Adams'],
  Product: ['Nadia Petrova', 'Felix Wagner', 'Aisha Bello'],
  IT: ['Ravi Menon', 'Elena Ruiz'],
  HR: ['Claire Dubois', 'Yusuf Demir', 'Tariq Hassan'],
  Marketing: ['Isla Murray', 'Diego Alvarez', 'Hana Sato'],
  Logistics: ['Piotr Nowak', 'Kemi Adeyemi', 'Marta Silva'],
};

/** Where the demo accounts and teammates work. */
const ACCOUNT_DEPARTMENTS: Record<string, string> = {
  'admin@demo.test': 'IT',
  'exec@demo.test': 'Operations',
  'colleague@demo.test': 'Finance',
  'leader@demo.test': 'Operations',
  'agent@demo.test': 'Operations',
  'amira.haddad@demo.test': 'Operations',
  'leo.martin@demo.test': 'Operations',
  'grace.kim@demo.test': 'Operations',
  'billing.leader@demo.test': 'Finance',
  'tom.berg@demo.test': 'Finance',
  'ines.costa@demo.test': 'Finance',
};

const NOTES = [
  'Sharing this with my team: the contact reasons explain a lot of our tickets.',
  'Thank you, the ask about release notes is on our list.',
  null,
  'Good to see the wait times coming down.',
];

/** Whether person `j` of a department reads edition `i` of `n`. */
function reads(department: string, j: number, i: number, n: number): boolean {
  switch (department) {
    case 'Sales':
    case 'Finance':
      return (i + j) % 4 !== 0;
    case 'Product':
      return i >= n / 2 && (i + j) % 3 !== 0;
    case 'Marketing':
      return i < n - 3 && (i + j) % 2 === 0;
    case 'HR':
      return i === 2 && j === 0;
    case 'IT':
    case 'Operations':
      return (i + j) % 2 === 1;
    default:
      return false;
  }
}

async function seedPeople(db: PrismaClient, users: Record<string, { id: string }>) {
  const departments = new Map<string, string>();
  for (const name of Object.keys(PEOPLE)) departments.set(name, (await makeDepartment(db, name)).id);
  for (const [email, name] of Object.entries(ACCOUNT_DEPARTMENTS)) {
    const user = users[email];
    if (user) await db.user.update({ where: { id: user.id }, data: { departmentId: departments.get(name)! } });
  }
  const people: { id: string; department: string; j: number }[] = [];
  for (const [department, names] of Object.entries(PEOPLE)) {
    for (const [j, name] of names.entries()) {
      // No password (single sign-on only): hashing one each would slow every fresh start down.
      const user = await db.user.create({
        data: {
          role: 'COLLEAGUE',
          name,
          email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@demo.test`,
          departmentId: departments.get(department)!,
          // Ben left Sales in the spring: his early reading still counts, he is no longer one to reach.
          active: name !== 'Ben Carter',
        },
        select: { id: true },
      });
      people.push({ id: user.id, department, j });
    }
  }
  return people;
}

export const seedDemoReach: DemoSeeder = async (db, org) => {
  const people = await seedPeople(db, org.users);
  for (const team of Object.values(org.teams)) {
    const editions = await db.review.findMany({
      where: { teamId: team.id, status: 'PUBLISHED' },
      orderBy: { month: 'asc' },
      select: { id: true, publishedAt: true },
    });
    for (const [i, edition] of editions.entries()) {
      const at = edition.publishedAt ?? new Date();
      const readers = people.filter((p) => reads(p.department, p.j, i, editions.length));
      await db.reviewView.createMany({
        data: readers.map((p, n) => ({
          teamId: team.id,
          reviewId: edition.id,
          userId: p.id,
          createdAt: new Date(at.getTime() + (n + 5) * 3_600_000),
        })),
        skipDuplicates: true,
      });
      // A few of them say thanks, a note now and then.
      const thankers = readers.filter((p, n) => (n + i) % 5 === 0);
      await db.reviewThanks.createMany({
        data: thankers.map((p, n) => ({
          teamId: team.id,
          reviewId: edition.id,
          userId: p.id,
          note: NOTES[(n + i) % NOTES.length] ?? null,
          createdAt: new Date(at.getTime() + (n + 6) * 3_600_000),
        })),
        skipDuplicates: true,
      });
    }
  }
};
