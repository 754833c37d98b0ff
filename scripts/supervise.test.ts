// `npm start` under a supervisor: whatever ends the server or PostgreSQL, npm start ends non-zero
// with the other stopped; a PostgreSQL an earlier start left running is recognised, not crashed on.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase, reachEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
import { processAlive, runningPostmaster } from './embedded-postgres';
import { supervise } from './supervise';
import { ownPort } from './testing/own-port';

const base = process.getuid?.() === 0 ? '/var/tmp' : os.tmpdir();
const folders: string[] = [];
const opened: EmbeddedDatabase[] = [];
const children: ChildProcess[] = [];

function dataFolder(name: string) {
  const dir = path.join(base, `service-review-supervise-${name}-${process.pid}-${Date.now()}`);
  folders.push(dir);
  process.env.DATA_DIR = dir;
  return dir;
}

async function open(name: string, options: { hold?: boolean } = {}) {
  await ownPort(dataFolder(name));
  const lines: string[] = [];
  const database = await openEmbeddedDatabase((line) => lines.push(line), { migrate: false, ...options });
  opened.push(database);
  return { database, lines };
}

/** A stand-in for scripts/serve.mjs: a process that serves until told to stop, as the server does. */
function fakeServer() {
  const child = spawn(process.execPath, [
    '-e',
    "process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1e3)",
  ]);
  children.push(child);
  return child;
}

const answers = async (url: string) => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
};

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const database of opened.splice(0)) await database.stop().catch(() => {});
});
afterAll(async () => {
  delete process.env.DATA_DIR;
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

// Each test starts a real PostgreSQL: on a busy machine that alone can take half a minute.
describe('npm start under a supervisor', { timeout: 120_000 }, () => {
  // Fails on the old start.ts: a server killed by a signal has exitCode null, so it waited for an
  // exit that had already happened, and never exited.
  it('exits non-zero and stops PostgreSQL when the server is killed by a signal', async () => {
    const { database } = await open('server-killed');
    const pid = runningPostmaster(path.join(process.env.DATA_DIR!, 'pg'))!.pid;
    const said: string[] = [];
    const server = fakeServer();
    const { done } = supervise({ server, database, say: (line) => said.push(line) });
    server.kill('SIGKILL');
    expect(await done).not.toBe(0);
    expect(processAlive(pid)).toBe(false);
    expect(said.join('\n')).toContain('killed by SIGKILL');
  });

  // Fails on the old start.ts: nothing watched PostgreSQL, so the server went on without it.
  it('exits non-zero and stops the server when PostgreSQL dies', async () => {
    const { database } = await open('postgres-killed');
    const pid = runningPostmaster(path.join(process.env.DATA_DIR!, 'pg'))!.pid;
    const said: string[] = [];
    const server = fakeServer();
    const { done } = supervise({ server, database, say: (line) => said.push(line) });
    process.kill(pid, 'SIGKILL');
    expect(await done).not.toBe(0);
    expect(server.signalCode ?? server.exitCode).not.toBeNull(); // the server was stopped too
    expect(said.join('\n')).toContain('PostgreSQL stopped unexpectedly (killed by SIGKILL)');
  });

  it('exits with the code asked for when stopped (Ctrl-C), both stopped', async () => {
    const { database } = await open('asked');
    const pid = runningPostmaster(path.join(process.env.DATA_DIR!, 'pg'))!.pid;
    const server = fakeServer();
    const supervisor = supervise({ server, database, say: () => {} });
    expect(await supervisor.stop(0)).toBe(0);
    expect(await supervisor.done).toBe(0);
    expect(server.exitCode ?? server.signalCode).not.toBeNull();
    expect(processAlive(pid)).toBe(false);
  });
});

describe('a PostgreSQL left running for the data folder', { timeout: 120_000 }, () => {
  // Fails on the old code: the start chose another port, rewrote pg-port, and crashed with
  // "TypeError: Cannot read properties of undefined (reading 'message')" (PostgreSQL refuses a
  // second server on one folder and embedded-postgres rejects with nothing).
  it('is stopped by the next start, with a sentence, and pg-port is kept', async () => {
    const { database: leftover } = await open('leftover');
    const dir = process.env.DATA_DIR!;
    const port = readFileSync(path.join(dir, 'pg-port'), 'utf8');
    const before = runningPostmaster(path.join(dir, 'pg'))!;
    // db:backup adopts it rather than starting a second server on the folder.
    const lines: string[] = [];
    const reached = await reachEmbeddedDatabase((line) => lines.push(line));
    expect(lines.join('\n')).toContain(`Using the running embedded PostgreSQL (pid ${before.pid})`);
    expect(await answers(reached.url)).toBe(true);

    // The earlier start is gone without stopping it (as after kill -9): the next start recognises it.
    const again: string[] = [];
    const next = await openEmbeddedDatabase((line) => again.push(line), { migrate: false, hold: true });
    opened.push(next);
    expect(again.join('\n')).toContain(`A PostgreSQL left running by an earlier start (pid ${before.pid}`);
    expect(processAlive(before.pid)).toBe(false);
    expect(readFileSync(path.join(dir, 'pg-port'), 'utf8')).toBe(port);
    expect(next.url).toBe(leftover.url);
    expect(await answers(next.url)).toBe(true);
    expect(readFileSync(path.join(dir, 'start.pid'), 'utf8').trim()).toBe(String(process.pid));
    await next.stop();
    expect(() => readFileSync(path.join(dir, 'start.pid'))).toThrow();
  });

  it('is left alone while the npm start that runs it lives: a second start refuses, naming it', async () => {
    const { database } = await open('held');
    const dir = process.env.DATA_DIR!;
    const other = fakeServer(); // stands for the npm start holding the folder
    writeFileSync(path.join(dir, 'start.pid'), `${other.pid}\n`);
    const pid = runningPostmaster(path.join(dir, 'pg'))!.pid;
    await expect(openEmbeddedDatabase(() => {}, { migrate: false, hold: true })).rejects.toThrow(
      `Another \`npm start\` (pid ${other.pid}) is running with the data folder ${dir}`,
    );
    expect(processAlive(pid)).toBe(true);
    expect(await answers(database.url)).toBe(true);
  });
});
