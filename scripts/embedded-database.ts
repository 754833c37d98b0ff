// The product's own database when DATABASE_URL is unset: a persistent embedded PostgreSQL under
// DATA_DIR (default .data), migrated on every open. Its password, port and AUTH_SECRET are kept
// beside it so sessions and data survive restarts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { backupBeforeMigrating } from './auto-backup.ts';
import {
  createDatabase,
  freePort,
  processAlive,
  resolveDataDir,
  runningPostmaster,
  startCluster,
  stopLeftoverPostgres,
} from './embedded-postgres.ts';
import { applyMigrations } from './migrations.ts';

const DATABASE = 'service_review';

function keep(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}

/**
 * `npm start` holds its data folder in `start.pid`: another command that would start or stop the
 * folder's PostgreSQL refuses while that process lives, instead of pulling the database from under it.
 */
function liveHolder(dataDir: string): number | null {
  const file = path.join(dataDir, 'start.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid) ? pid : null;
}

export type EmbeddedDatabase = {
  url: string;
  authSecret: string;
  dataDir: string;
  movedFrom: string | null;
  appliedMigrations: string[];
  /** Settles when PostgreSQL ends by itself, with how it ended. */
  exited: Promise<string>;
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
  // The port is the running server's own (postmaster.pid), not pg-port, which a failed start may have changed.
  const running = existsSync(passwordFile) ? runningPostmaster(path.join(dataDir, 'pg')) : null;
  if (running) {
    const password = readFileSync(passwordFile, 'utf8').trim();
    const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/${DATABASE}`;
    const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await probe.connect();
      await probe.end();
      log(`Using the running embedded PostgreSQL (pid ${running.pid}) on 127.0.0.1:${running.port}`);
      return { url, dataDir, stop: async () => {} };
    } catch (error) {
      await probe.end().catch(() => {});
      const holder = liveHolder(dataDir);
      if (holder)
        throw new Error(
          `npm start (pid ${holder}) runs the PostgreSQL of ${dataDir}, but it did not answer on port ${running.port}: ${(error as Error).message}`,
          { cause: error },
        );
      // a leftover that does not answer: openEmbeddedDatabase stops it and starts the folder's own
    }
  }
  const opened = await openEmbeddedDatabase(log, { migrate: false });
  return { url: opened.url, dataDir: opened.dataDir, stop: opened.stop };
}

/**
 * Starts the folder's PostgreSQL for this process. `hold` (npm start) marks the folder as held until
 * stop(). A PostgreSQL an earlier start left running is stopped first, saying so; while another
 * `npm start` holds the folder this refuses, naming it.
 */
export async function openEmbeddedDatabase(
  log: (line: string) => void = () => {},
  options: { migrate?: boolean; hold?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const preferred = path.resolve(process.env.DATA_DIR || '.data');
  const { dir: dataDir, moved } = resolveDataDir(preferred);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const holder = liveHolder(dataDir);
  if (holder)
    throw new Error(
      `Another \`npm start\` (pid ${holder}) is running with the data folder ${dataDir}. Stop it first, or set DATA_DIR to another folder.`,
    );
  // Before choosing a port: pg-port is rewritten only when no PostgreSQL of this folder runs.
  await stopLeftoverPostgres(path.join(dataDir, 'pg'), log);
  const holdFile = path.join(dataDir, 'start.pid');
  if (options.hold) writeFileSync(holdFile, `${process.pid}\n`);
  const release = () => {
    if (options.hold) rmSync(holdFile, { force: true });
  };
  const password = keep(path.join(dataDir, 'pg-password'), () => randomBytes(18).toString('base64url'));
  const authSecret = keep(path.join(dataDir, 'auth-secret'), () => randomBytes(33).toString('base64'));
  const savedPort = Number(keep(path.join(dataDir, 'pg-port'), () => '54329'));
  const port = await freePort(savedPort);
  if (port !== savedPort) writeFileSync(path.join(dataDir, 'pg-port'), `${port}\n`);
  log(`Starting embedded PostgreSQL in ${path.join(dataDir, 'pg')} on 127.0.0.1:${port}`);
  let cluster;
  try {
    cluster = await startCluster({ dataDir: path.join(dataDir, 'pg'), port, password, persistent: true, log });
  } catch (error) {
    release();
    throw error;
  }
  const stop = async () => {
    await cluster.stop();
    release();
  };
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
        exited: cluster.exited,
        stop,
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
      exited: cluster.exited,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
