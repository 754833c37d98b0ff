// `npm start`: one command from a fresh clone to a working product. Builds when the sources
// changed, starts (or uses) PostgreSQL, migrates, seeds the demo into an empty embedded database,
// and serves through scripts/serve.mjs (Next inside a node:http server that records the client's
// socket address). Ctrl-C stops Next and PostgreSQL cleanly; data stays in DATA_DIR.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from '../lib/env.js';
import { log } from '../lib/log';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../prisma/demo';
import { KEEP_BACKUPS, scheduleDailyBackups } from './auto-backup.ts';
import type { EmbeddedDatabase } from './embedded-database.ts';
import { reportKeys } from './key-check.ts';
import { prepareDatabase } from './prepare-database.ts';
import { supervise, type Supervisor } from './supervise.ts';

const root = path.resolve(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const serveScript = path.join(root, 'scripts', 'serve.mjs');
// A person at a terminal reads sentences; a container's log collector reads JSON lines, like the
// server's own (lib/log.ts).
const say = (line: string) =>
  process.stdout.isTTY || dev ? console.log(`[service-review] ${line}`) : log.info({ event: 'start' }, line);

function fail(message: string): never {
  if (process.stdout.isTTY || dev) console.error(`\n[service-review] ${message}\n`);
  else log.fatal({ event: 'start.failed' }, message);
  process.exit(1);
}

let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  fail((error as Error).message);
}

/** A fingerprint of everything `next build` reads, so an unchanged checkout starts at once. */
function sourceFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(root, full)}:${statSync(full).size}:${statSync(full).mtimeMs}\n`);
    }
  };
  for (const dir of ['app', 'components', 'lib', 'public', 'prisma']) walk(path.join(root, dir));
  for (const file of ['package-lock.json', 'next.config.js', 'proxy.ts', 'postcss.config.mjs', 'tsconfig.json']) {
    const full = path.join(root, file);
    if (existsSync(full)) hash.update(readFileSync(full));
  }
  return hash.digest('hex');
}

function buildIfNeeded() {
  const marker = path.join(root, '.next', 'service-review-build');
  const fingerprint = sourceFingerprint();
  if (
    existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    existsSync(marker) &&
    readFileSync(marker, 'utf8') === fingerprint
  )
    return;
  say('Building the app (first start or changed sources)…');
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) fail('next build failed; see above.');
  writeFileSync(marker, fingerprint);
}

let embedded: EmbeddedDatabase | null = null;
let supervisor: Supervisor | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (supervisor) process.exit(await supervisor.stop(code));
  if (stopping) return;
  stopping = true;
  if (embedded) {
    say('Stopping PostgreSQL…');
    await embedded.stop().catch((error: unknown) => say(`PostgreSQL did not stop cleanly: ${String(error)}`));
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

const childEnv: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: '1', ...process.env };
try {
  const prepared = await prepareDatabase(env.DATABASE_URL, say);
  embedded = prepared.embedded;
  if (embedded?.movedFrom)
    say(
      `PostgreSQL cannot run as root inside ${embedded.movedFrom} (a parent folder is private), so its data lives in ${embedded.dataDir}. Set DATA_DIR to choose another folder.`,
    );
  childEnv.DATABASE_URL = prepared.url;
  if (embedded) childEnv.AUTH_SECRET ??= embedded.authSecret;
  if (prepared.appliedMigrations.length) say(`Applied migrations: ${prepared.appliedMigrations.join(', ')}`);
  if (prepared.seeded) say('Seeded demo data into the new embedded database.');
  if (embedded) {
    const backups = path.join(embedded.dataDir, 'backups');
    say(`Backups: daily into ${backups} (the newest ${KEEP_BACKUPS} are kept)`);
    scheduleDailyBackups(prepared.url, backups, say);
  }
} catch (error) {
  say(`Could not prepare the database: ${(error as Error).message}`);
  await shutdown(1);
}
// The key backups need, and destinations stored under another one (a restore without its key).
if (childEnv.DATABASE_URL)
  await reportKeys(
    childEnv.DATABASE_URL,
    childEnv.AUTH_SECRET,
    embedded && { dataDir: embedded.dataDir, explicitSecret: Boolean(env.AUTH_SECRET) },
    say,
  );

if (!dev) buildIfNeeded();

const port = String(env.PORT);
const hostArgs = env.HOSTNAME ? ['-H', env.HOSTNAME] : [];
const server: ChildProcess = spawn(
  process.execPath,
  [serveScript, ...(dev ? ['--dev'] : []), '-p', port, ...hostArgs],
  {
    cwd: root,
    stdio: dev ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    env: { ...childEnv, NODE_ENV: dev ? 'development' : 'production' },
  },
);
if (dev) {
  // The app logs JSON lines (lib/log.ts); in development they are read by a person. pino-pretty
  // passes Next's own plain lines through unchanged. A dev dependency, so only here.
  const pretty = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules', 'pino-pretty', 'bin.js'),
      '--colorize',
      '--translateTime',
      'SYS:HH:MM:ss',
      '--ignore',
      'pid,hostname,service',
    ],
    { cwd: root, stdio: ['pipe', 'inherit', 'inherit'] },
  );
  server.stdout!.pipe(pretty.stdin!);
}
// From here on the server and PostgreSQL end together, and npm start with them (non-zero unless asked).
supervisor = supervise({ server, database: embedded, say });
void supervisor.done.then((code) => {
  stopping = true;
  process.exit(code);
});

const url =
  env.PUBLIC_URL ?? `http://${!env.HOSTNAME || env.HOSTNAME === '0.0.0.0' ? 'localhost' : env.HOSTNAME}:${port}`;
for (let i = 0; i < 600 && !stopping; i++) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    if (response.ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
say(`Service Review is ready at ${url}`);
if (embedded) {
  say(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
  for (const account of DEMO_ACCOUNTS) say(`  ${account.role.padEnd(9)} ${account.email}`);
}
say('Press Ctrl-C to stop.');
