// The product's own database when DATABASE_URL is unset: a persistent embedded PostgreSQL under
// DATA_DIR (default .data), migrated on every open. Its password, port and AUTH_SECRET are kept
// beside it so sessions and data survive restarts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { backupBeforeMigrating } from './auto-backup.ts';
import { createDatabase, freePort, resolveDataDir, startCluster } from './embedded-postgres.ts';
import { applyMigrations } from './migrations.ts';

const DATABASE = 'service_review';

function keep(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}

export type EmbeddedDatabase = {
  url: string;
  authSecret: string;
  dataDir: string;
  movedFrom: string | null;
  appliedMigrations: string[];
  stop(): Promise<void>;
};

/**
 * The embedded database for a one-off command (`db:backup`, `db:restore`): the running cluster of
 * `npm start` when there is one (PostgreSQL allows one server per data folder), else a cluster
 * started for the command and stopped after it. Never migrates.
 */
export async function reachEmbeddedDatabase(
  log: (line: string) => void = () => {},
): Promise<{ url: string; dataDir: string; stop(): Promise<void> }> {
  const { dir: dataDir } = resolveDataDir(path.resolve(process.env.DATA_DIR || '.data'));
  const passwordFile = path.join(dataDir, 'pg-password');
  if (existsSync(passwordFile) && existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))) {
    const password = readFileSync(passwordFile, 'utf8').trim();
    const port = Number(readFileSync(path.join(dataDir, 'pg-port'), 'utf8').trim());
    const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
    const probe = new pg.Client({ connectionString: url });
    try {
      await probe.connect();
      await probe.end();
      log(`Using the running embedded PostgreSQL on 127.0.0.1:${port}`);
      return { url, dataDir, stop: async () => {} };
    } catch {
      await probe.end().catch(() => {});
      // not running after all (a stale pid file): start it below
    }
  }
  const opened = await openEmbeddedDatabase(log, { migrate: false });
  return { url: opened.url, dataDir: opened.dataDir, stop: opened.stop };
}

export async function openEmbeddedDatabase(
  log: (line: string) => void = () => {},
  options: { migrate?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const preferred = path.resolve(process.env.DATA_DIR || '.data');
  const { dir: dataDir, moved } = resolveDataDir(preferred);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const password = keep(path.join(dataDir, 'pg-password'), () => randomBytes(18).toString('base64url'));
  const authSecret = keep(path.join(dataDir, 'auth-secret'), () => randomBytes(33).toString('base64'));
  const savedPort = Number(keep(path.join(dataDir, 'pg-port'), () => '54329'));
  const port = await freePort(savedPort);
  if (port !== savedPort) writeFileSync(path.join(dataDir, 'pg-port'), `${port}\n`);
  log(`Starting embedded PostgreSQL in ${path.join(dataDir, 'pg')} on 127.0.0.1:${port}`);
  const cluster = await startCluster({ dataDir: path.join(dataDir, 'pg'), port, password, persistent: true, log });
  try {
    await createDatabase(cluster.adminUrl, DATABASE);
    const url = cluster.urlFor(DATABASE);
    if (options.migrate === false)
      return {
        url,
        authSecret,
        dataDir,
        movedFrom: moved ? preferred : null,
        appliedMigrations: [],
        stop: () => cluster.stop(),
      };
    // An upgrade starts with a backup: the data as the previous version left it.
    const backup = await backupBeforeMigrating(url, path.join(dataDir, 'backups'));
    if (backup) log(`Backed up the database before migrating: ${backup}`);
    const appliedMigrations = await applyMigrations(url);
    return {
      url,
      authSecret,
      dataDir,
      movedFrom: moved ? preferred : null,
      appliedMigrations,
      stop: () => cluster.stop(),
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
