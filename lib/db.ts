import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { trackPool } from './database-state';
import { PrismaClient, type Prisma } from './generated/prisma/client';
import { env } from './env';

// One client per process, kept on globalThis so dev-mode reloads don't open a pool each time.
// pg connects lazily, so importing this during `next build` needs no database.
const globalForDb = globalThis as unknown as { serviceReviewDb?: PrismaClient; serviceReviewBulkDb?: PrismaClient };

/**
 * Every query has a limit. PostgreSQL cancels a statement past `statementMs` (and the connection
 * stays usable); a server that cannot cancel anything — frozen, or the network gone quiet — is left
 * by the client a second later. Connections fail fast while the database is down, so pages answer
 * 503 (scripts/serve.mjs) instead of hanging.
 */
function createClient(statementMs: number, max: number) {
  const pool = new pg.Pool({
    connectionString: env().DATABASE_URL,
    max,
    connectionTimeoutMillis: 3000,
    statement_timeout: statementMs,
    query_timeout: statementMs + 1000,
    // A transaction left open by a stalled request holds its locks no longer than this.
    idle_in_transaction_session_timeout: 60_000,
  });
  // $disconnect ends the pool, as it does the pool PrismaPg makes itself.
  return new PrismaClient({ adapter: new PrismaPg(trackPool(pool), { disposeExternalPool: true }) });
}

/** 5 s a statement: what a person waiting for a page can bear. */
export const db = globalForDb.serviceReviewDb ?? createClient(5_000, env().DATABASE_POOL_SIZE);
if (process.env.NODE_ENV !== 'production') globalForDb.serviceReviewDb = db;

/**
 * For imports (a CSV of many months, a ticket export): their statements may write thousands of
 * rows, so a minute each, on two connections of their own so they never starve pages.
 */
export const bulkDb = globalForDb.serviceReviewBulkDb ?? createClient(60_000, 2);
if (process.env.NODE_ENV !== 'production') globalForDb.serviceReviewBulkDb = bulkDb;

export type Db = typeof db;
export type { Prisma } from './generated/prisma/client';
/** The client inside `db.$transaction`: for writes that must commit or roll back together. */
export type Tx = Prisma.TransactionClient;
/** The root client or a transaction's: for helpers that work inside a transaction or outside one. */
export type DbClient = Tx | Db;
