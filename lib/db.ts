import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { trackPool } from './database-state';
import { PrismaClient, type Prisma } from './generated/prisma/client';
import { env } from './env';

// One client per process, kept on globalThis so dev-mode reloads don't open a pool each time.
// pg connects lazily, so importing this during `next build` needs no database.
type Client = { prisma: PrismaClient; pool: pg.Pool };
const globalForDb = globalThis as unknown as { serviceReviewDb?: Client; serviceReviewBulkDb?: Client };

/**
 * Every query has a limit. PostgreSQL cancels a statement past `statementMs` (and the connection
 * stays usable); a server that cannot cancel anything — frozen, or the network gone quiet — is left
 * by the client a second later. Connections fail fast while the database is down, so pages answer
 * 503 (scripts/serve.mjs) instead of hanging.
 */
function createClient(statementMs: number, max: number): Client {
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
  return { prisma: new PrismaClient({ adapter: new PrismaPg(trackPool(pool), { disposeExternalPool: true }) }), pool };
}

const main = globalForDb.serviceReviewDb ?? createClient(5_000, env().DATABASE_POOL_SIZE);
if (process.env.NODE_ENV !== 'production') globalForDb.serviceReviewDb = main;

/** 5 s a statement: what a person waiting for a page can bear. */
export const db = main.prisma;

/**
 * db's own pool (same connections, limits and outage tracking), for the reads every request makes
 * before its page: the session's user (lib/session-user.ts) and a leader's "Needs you"
 * (lib/dashboard/needs.ts). Measured per call on one machine: Prisma's findUnique 0.9 ms of CPU,
 * its $queryRaw 0.5 ms, pg's own query 0.19 ms. Everything else goes through db.
 */
export const pool = main.pool;

/**
 * For imports (a CSV of many months, a ticket export): their statements may write thousands of
 * rows, so a minute each, on two connections of their own so they never starve pages.
 */
const bulk = globalForDb.serviceReviewBulkDb ?? createClient(60_000, 2);
if (process.env.NODE_ENV !== 'production') globalForDb.serviceReviewBulkDb = bulk;
export const bulkDb = bulk.prisma;

export type Db = typeof db;
export type { Prisma } from './generated/prisma/client';
/** The client inside `db.$transaction`: for writes that must commit or roll back together. */
export type Tx = Prisma.TransactionClient;
/** The root client or a transaction's: for helpers that work inside a transaction or outside one. */
export type DbClient = Tx | Db;
