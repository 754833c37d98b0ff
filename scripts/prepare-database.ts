// The database half of `npm start`: with DATABASE_URL, migrate that server and nothing more (it
// never gets demo accounts); without it, open the embedded cluster, migrate, and seed the demo
// organisation into it when it is empty.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { seedDemo } from '../prisma/demo';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database.ts';
import { applyMigrations } from './migrations.ts';

export type PreparedDatabase = {
  url: string;
  embedded: EmbeddedDatabase | null;
  appliedMigrations: string[];
  seeded: boolean;
};

export async function prepareDatabase(
  databaseUrl: string | undefined,
  log: (line: string) => void = () => {},
): Promise<PreparedDatabase> {
  if (databaseUrl) {
    return { url: databaseUrl, embedded: null, appliedMigrations: await applyMigrations(databaseUrl), seeded: false };
  }
  // `npm start`'s own: it holds the folder, so db:backup and a second start do not pull it away.
  const embedded = await openEmbeddedDatabase(log, { hold: true });
  try {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: embedded.url }) });
    const seeded = await seedDemo(db).finally(() => db.$disconnect());
    return { url: embedded.url, embedded, appliedMigrations: embedded.appliedMigrations, seeded };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
