// `npm run bench:backup`: the benchmark data set (5 years × 3 teams of figures, 100,000 quotes;
// `--quotes N` to change) seeded into a throwaway PostgreSQL, then `db:backup` and `db:restore`
// into a fresh database, timed, with the file's size and a row-count check.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { backupDatabase } from '../backup.ts';
import { restoreDatabase } from '../restore.ts';
import { createDatabase, startThrowawayCluster } from '../embedded-postgres.ts';
import { createTestDatabase, prepareTemplate } from '../testing/template.ts';
import { seedBenchData } from './seed.ts';

const QUOTES = process.argv.includes('--quotes') ? Number(process.argv[process.argv.indexOf('--quotes') + 1]) : 100_000;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function rowCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'SignInLimit')`,
    );
    let total = 0;
    for (const { name } of tables.rows)
      total += Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`)).rows[0]!.n);
    return total;
  } finally {
    await client.end();
  }
}

const cluster = await startThrowawayCluster();
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-backup-'));
try {
  await prepareTemplate(cluster.adminUrl);
  const source = await createTestDatabase(cluster.adminUrl, 'bench');
  let started = performance.now();
  await seedBenchData(source.url, QUOTES);
  console.log(`Seeded 3 teams × 60 months and ${QUOTES.toLocaleString('en-GB')} quotes in ${seconds(started)}`);

  const file = path.join(dir, 'bench.backup.gz');
  started = performance.now();
  const backup = await backupDatabase(source.url, file);
  const rows = backup.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Backup:  ${seconds(started)}, ${rows.toLocaleString('en-GB')} rows in ${backup.tables.length} tables, ${(backup.bytes / 1024 / 1024).toFixed(1)} MB`,
  );

  await createDatabase(cluster.adminUrl, 'bench_restored');
  const target = cluster.urlFor('bench_restored');
  started = performance.now();
  const restored = await restoreDatabase(target, file);
  console.log(
    `Restore: ${seconds(started)} (schema, rows, sequences, ANALYZE), ${restored.tables.reduce((sum, t) => sum + t.rows, 0).toLocaleString('en-GB')} rows`,
  );
  const [before, after] = [await rowCount(source.url), await rowCount(target)];
  if (before !== after) throw new Error(`Row counts differ: ${before} backed up, ${after} restored`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await cluster.stop();
}
