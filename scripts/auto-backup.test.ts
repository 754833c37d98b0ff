import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  backupBeforeMigrating,
  backupFileName,
  backupIfDue,
  KEEP_BACKUPS,
  listBackups,
  pruneBackups,
} from './auto-backup.ts';
import { checkDataFolderMajor } from './embedded-postgres.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'auto-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('automatic backups of the embedded database', () => {
  it('backs up when a day has passed, and keeps the newest 14', async () => {
    const backups = path.join(dir, 'daily');
    const url = process.env.DATABASE_URL!;
    const first = await backupIfDue(url, backups);
    expect(first).toMatch(/service-review-\d{8}T\d{6}Z-daily\.backup\.gz$/);
    expect(await backupIfDue(url, backups)).toBeNull(); // not due again the same day
    utimesSync(first!, new Date(Date.now() - 25 * 3600_000), new Date(Date.now() - 25 * 3600_000));
    const second = await backupIfDue(url, backups, Date.now());
    expect(second).not.toBeNull();

    for (let day = 1; day <= 20; day++)
      writeFileSync(path.join(backups, backupFileName('daily', new Date(Date.UTC(2000, 0, day, 2)))), 'old');
    pruneBackups(backups);
    const kept = listBackups(backups);
    expect(kept).toHaveLength(KEEP_BACKUPS);
    // The oldest went; the two just written are kept.
    const fresh = new Set([path.basename(first!), path.basename(second!)]);
    expect(kept.filter((f) => f.includes('-2000'))).toHaveLength(KEEP_BACKUPS - fresh.size);
    expect(kept.some((f) => f.includes('20000101T'))).toBe(false);
    expect(kept).toEqual(expect.arrayContaining([...fresh]));
    expect(readdirSync(backups)).toHaveLength(KEEP_BACKUPS);
  });

  it('backs up before a start that applies a migration, and not otherwise', async () => {
    const backups = path.join(dir, 'before');
    const url = process.env.DATABASE_URL!;
    expect(await backupBeforeMigrating(url, backups)).toBeNull(); // every migration applied
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      `DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)`,
    );
    await client.end();
    expect(await backupBeforeMigrating(url, backups)).toMatch(/-before-migrate\.backup\.gz$/);
  });

  it('stops on a data folder from another PostgreSQL major with the way across', () => {
    writeFileSync(path.join(dir, 'PG_VERSION'), '17\n');
    expect(() => checkDataFolderMajor(dir, 18)).toThrow(
      new RegExp(
        `made by PostgreSQL 17, but this version of Service Review runs PostgreSQL 18.*npm run db:backup -- FILE.*move the folder ${dir} aside.*npm run db:restore -- FILE`,
      ),
    );
    expect(() => checkDataFolderMajor(dir, 17)).not.toThrow();
    expect(() => checkDataFolderMajor(path.join(dir, 'missing'), 18)).not.toThrow();
  });
});
