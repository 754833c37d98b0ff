// The embedded default's automatic backups in DATA_DIR/backups: one a day while it runs and one
// before every start that applies a migration, keeping the newest 14. A managed PostgreSQL has
// its provider's backups; `npm run db:backup` covers both.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { backupDatabase } from './backup.ts';
import { loadMigrationsList } from './migrations.ts';

export const KEEP_BACKUPS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = /^service-review-\d{8}T\d{6}Z(-[a-z0-9_-]+)?\.backup\.gz$/;

export function backupFileName(label: string | null, at = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `service-review-${stamp}${label ? `-${label}` : ''}.backup.gz`;
}

/** The automatic backups in `dir`, oldest first (their names sort by time). */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort();
}

export function pruneBackups(dir: string, keep = KEEP_BACKUPS): string[] {
  const all = listBackups(dir);
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const name of removed) rmSync(path.join(dir, name), { force: true });
  return removed;
}

export async function takeAutomaticBackup(url: string, dir: string, label: string | null): Promise<string> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, backupFileName(label));
  await backupDatabase(url, file);
  pruneBackups(dir);
  return file;
}

/** A backup when the newest one is a day old or there is none; null when not due. */
export async function backupIfDue(url: string, dir: string, now = Date.now()): Promise<string | null> {
  const newest = listBackups(dir).at(-1);
  if (newest && now - statSync(path.join(dir, newest)).mtimeMs < DAY_MS) return null;
  return takeAutomaticBackup(url, dir, 'daily');
}

/** Before a start applies migrations to a database that already holds some: a backup of it as it was. */
export async function backupBeforeMigrating(url: string, dir: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let applied: string[];
  try {
    const table = await client.query(
      `SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '_prisma_migrations'`,
    );
    if (!table.rowCount) return null;
    applied = (
      await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
    ).rows.map((r) => r.name);
  } finally {
    await client.end();
  }
  const pending = (await loadMigrationsList()).migrationDirectories.filter((d) => !applied.includes(d.path));
  if (!applied.length || !pending.length) return null;
  return takeAutomaticBackup(url, dir, 'before-migrate');
}

/** Checks every hour whether the daily backup is due; the timer never keeps the process alive. */
export function scheduleDailyBackups(url: string, dir: string, log: (line: string) => void): () => void {
  const tick = () =>
    backupIfDue(url, dir).then(
      (file) => file && log(`Daily backup written: ${file}`),
      (error: unknown) => log(`Daily backup failed: ${(error as Error).message}`),
    );
  void tick();
  const timer = setInterval(() => void tick(), 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
