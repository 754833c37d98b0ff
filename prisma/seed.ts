// `npm run db:seed`: puts the demo organisation into DATABASE_URL's database (explicitly asked
// for), or into the embedded database when DATABASE_URL is unset. Never run on start-up for a
// database given by DATABASE_URL.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { seedDemo } from './demo';
import { openEmbeddedDatabase } from '../scripts/embedded-database';

const embedded = process.env.DATABASE_URL ? null : await openEmbeddedDatabase();
const url = process.env.DATABASE_URL ?? embedded!.url;
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
try {
  const seeded = await seedDemo(db);
  console.log(
    seeded
      ? 'Seeded the demo organisation (password: demo-password).'
      : 'The database already has users: nothing seeded.',
  );
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
