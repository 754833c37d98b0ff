import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from './generated/prisma/client';
import { env } from './env';

// One client per process, kept on globalThis so dev-mode reloads don't open a pool each time.
// pg connects lazily, so importing this during `next build` needs no database.
const globalForDb = globalThis as unknown as { serviceReviewDb?: PrismaClient };

function createClient() {
  const adapter = new PrismaPg({
    connectionString: env().DATABASE_URL,
    max: env().DATABASE_POOL_SIZE,
    // Fail fast while the database is down so /api/health answers 503 instead of hanging.
    connectionTimeoutMillis: 3000,
  });
  return new PrismaClient({ adapter });
}

export const db = globalForDb.serviceReviewDb ?? createClient();
if (process.env.NODE_ENV !== 'production') globalForDb.serviceReviewDb = db;

export type Db = typeof db;
export type { Prisma } from './generated/prisma/client';
/** The client inside `db.$transaction`: for writes that must commit or roll back together. */
export type Tx = Prisma.TransactionClient;
/** The root client or a transaction's: for helpers that work inside a transaction or outside one. */
export type DbClient = Tx | Db;
