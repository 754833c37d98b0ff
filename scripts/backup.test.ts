// The restore drill: demo data → backup → restore into a fresh database → every table's row count
// and checksum equal; the same while writes run, proving the backup is one snapshot.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db } from '../lib/db';
import { seedDemo } from '../prisma/demo';
import { backupDatabase } from './backup.ts';
import { applyMigrations } from './migrations.ts';
import { RestoreRefused, restoreDatabase } from './restore.ts';
import { fingerprint } from './testing/fingerprint.ts';
import { createDatabase, dropDatabase } from './embedded-postgres.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'backup-drill-'));
const adminUrl = inject('pgAdminUrl');
const made: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await createDatabase(adminUrl, name);
  made.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  for (const name of made) await dropDatabase(adminUrl, name);
  rmSync(dir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('backup and restore', () => {
  it('restores the demo organisation into a fresh database with every table equal, and refuses to overwrite without --force', async () => {
    await seedDemo(db);
    const source = process.env.DATABASE_URL!;
    const file = path.join(dir, 'demo.backup.gz');
    const result = await backupDatabase(source, file);
    expect(result.header.migrations.length).toBeGreaterThan(0);
    expect(result.tables.find((t) => t.table === 'MonthFigures')!.rows).toBeGreaterThan(50);
    // No secrets and no throttle data in the file.
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    expect(text).not.toContain(process.env.AUTH_SECRET!);
    expect(text).not.toContain('{"table":"SignInLimit"');

    const target = await freshDatabase();
    const restored = await restoreDatabase(target, file);
    expect(restored.tables).toEqual(result.tables);
    const before = await fingerprint(source);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(await fingerprint(target)).toEqual(before);
    // The restore records the migrations itself (inside its transaction), exactly as Prisma does.
    const history = (url: string) =>
      query(
        url,
        `SELECT migration_name, checksum, logs, applied_steps_count, finished_at IS NOT NULL AS finished, rolled_back_at
         FROM _prisma_migrations ORDER BY migration_name`,
      );
    expect(await history(target)).toEqual(await history(source));
    expect((await history(target)).length).toBe(result.header.migrations.length);

    await expect(restoreDatabase(target, file)).rejects.toThrow(RestoreRefused);
    await expect(restoreDatabase(target, file)).rejects.toThrow(/not empty \(.*Team \d+.*--force/);
    await query(target, `UPDATE "Team" SET name = name || ' changed'`);
    await restoreDatabase(target, file, { force: true });
    expect(await fingerprint(target)).toEqual(before);
  }, 180_000);

  it('leaves a migration history that the next start migrates on from, as after an upgrade', async () => {
    const all = (await applyMigrations(await freshDatabase())).sort();
    const older = await freshDatabase();
    expect(await applyMigrations(older, { only: all.slice(0, 5) })).toHaveLength(5);
    await query(older, `INSERT INTO "Team" (id, name, slug, "updatedAt") VALUES ('old-team', 'Old', 'old', now())`);
    const file = path.join(dir, 'older.backup.gz');
    await backupDatabase(older, file);

    const target = await freshDatabase();
    const restored = await restoreDatabase(target, file);
    expect(restored.header.migrations).toEqual(all.slice(0, 5));
    expect(await applyMigrations(target)).toEqual(all.slice(5));
    expect(await query(target, `SELECT name FROM "Team"`)).toEqual([{ name: 'Old' }]);
  }, 120_000);

  it('is one snapshot while writes run: paired rows committed together are both in it or both absent', async () => {
    const source = process.env.DATABASE_URL!;
    // A writer commits a team and its channel in one transaction, again and again. Team is copied
    // long before Channel, so a backup that was not one snapshot would hold unpaired rows.
    const writer = new pg.Client({ connectionString: source });
    await writer.connect();
    let committed = 0;
    let running = true;
    const writes = (async () => {
      for (let i = 0; running; i++) {
        await writer.query('BEGIN');
        await writer.query(`INSERT INTO "Team" (id, name, slug, "updatedAt") VALUES ($1, $1, $1, now())`, [
          `drill-${i}`,
        ]);
        await writer.query(
          `INSERT INTO "Channel" (id, "teamId", name, "nameKey", position, "updatedAt") VALUES ($1, $1, 'Phone', 'phone', 0, now())`,
          [`drill-${i}`],
        );
        await writer.query('COMMIT');
        committed = i + 1;
      }
    })();
    while (committed < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    const atStart = committed;
    const file = path.join(dir, 'concurrent.backup.gz');
    await backupDatabase(source, file);
    const atEnd = committed;
    running = false;
    await writes;
    await writer.end();
    expect(atEnd).toBeGreaterThan(atStart); // writes really ran during the backup

    const target = await freshDatabase();
    await restoreDatabase(target, file);
    const [teams] = await query<{ n: string; max: string }>(
      target,
      `SELECT count(*) AS n, max(substring(id from 7)::int) AS max FROM "Team" WHERE id LIKE 'drill-%'`,
    );
    const [channels] = await query<{ n: string }>(
      target,
      `SELECT count(*) AS n FROM "Channel" WHERE id LIKE 'drill-%'`,
    );
    const kept = Number(teams!.n);
    // Exactly the writes committed when the snapshot was taken: a gap-free prefix, every team with its channel.
    expect(kept).toBeGreaterThanOrEqual(atStart);
    expect(kept).toBeLessThanOrEqual(atEnd);
    expect(Number(teams!.max)).toBe(kept - 1);
    expect(Number(channels!.n)).toBe(kept);
  }, 120_000);

  it('refuses a file that is not a backup or is cut short, and writes nothing', async () => {
    const target = await freshDatabase();
    const notBackup = path.join(dir, 'not-a-backup.gz');
    writeFileSync(notBackup, gzipSync('month,kind,item,value\n'));
    await expect(restoreDatabase(target, notBackup)).rejects.toThrow(/not a Service Review backup/);

    const own = path.join(dir, 'own.backup.gz');
    await backupDatabase(process.env.DATABASE_URL!, own);
    const full = gunzipSync(readFileSync(own)).toString('utf8');
    const cut = path.join(dir, 'cut.backup.gz');
    writeFileSync(cut, gzipSync(full.slice(0, full.indexOf('\n\\.\n') + 1)));
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/ends inside table .* Nothing was restored/);
    writeFileSync(cut, gzipSync(full.slice(0, full.lastIndexOf('{"end"'))));
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/incomplete \(no end marker/);
    // Not even the schema: the empty database is left exactly as it was.
    expect(await query(target, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);

    const newer = path.join(dir, 'newer.backup.gz');
    const header = JSON.parse(full.slice(0, full.indexOf('\n'))) as { migrations: string[] };
    const future = {
      ...header,
      migration: '29991231000000_future',
      migrations: [...header.migrations, '29991231000000_future'],
    };
    writeFileSync(newer, gzipSync(JSON.stringify(future) + full.slice(full.indexOf('\n'))));
    await expect(restoreDatabase(target, newer)).rejects.toThrow(/29991231000000_future, which this version/);
  }, 120_000);
});
