// Queries one at a time on a transaction's connection, and the database's state as pages see it.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { makeTeam } from '../prisma/factories';
import { databaseState, isDatabaseUnavailable, trackPool } from './database-state';
import { db } from './db';
import { readMonth } from './figures/figures';
import { PrismaClient } from './generated/prisma/client';

async function warningsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listen = (warning: Error) => seen.push(warning.message);
  process.on('warning', listen);
  try {
    await work();
    // Node emits warnings on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listen);
  }
  return seen;
}

describe('the database client', () => {
  // Fails without the queue in trackPool: Prisma sends a month's four relation reads at once on
  // the transaction's connection, and pg warns "client is already executing a query".
  it('reads a month with its relations inside a transaction without pg queueing (no deprecation warning)', async () => {
    const team = await makeTeam(db);
    await db.monthFigures.create({ data: { teamId: team.id, month: '2026-03' } });
    const warnings = await warningsDuring(() =>
      db.$transaction(async (tx) => {
        for (let i = 0; i < 3; i++) expect((await readMonth(tx, team.id, '2026-03')).version).toBe(1);
      }),
    );
    expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });

  it('ends a statement past its limit', async () => {
    const pool = trackPool(new pg.Pool({ connectionString: process.env.DATABASE_URL, statement_timeout: 300 }));
    const client = new PrismaClient({ adapter: new PrismaPg(pool) });
    const started = Date.now();
    await expect(client.$queryRaw`SELECT pg_sleep(5)`).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
    await client.$disconnect();
  });

  it('is down after a refused connection and up after an answer', async () => {
    const refused = trackPool(new pg.Pool({ connectionString: 'postgresql://x:y@127.0.0.1:9/none' }));
    const error = await refused.query('SELECT 1').catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(databaseState.down).toBe(true);
    await refused.end();
    const up = trackPool(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
    await up.query('SELECT 1');
    expect(databaseState.down).toBe(false);
    // A query's own fault says nothing about the database.
    expect(isDatabaseUnavailable(await up.query('SELECT 1/0').catch((e: unknown) => e))).toBe(false);
    expect(databaseState.down).toBe(false);
    await up.end();
  });
});
