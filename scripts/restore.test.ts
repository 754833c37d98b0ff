// A restore never destroys what it cannot replace: against a database that holds data, every
// failed restore (a file cut short, a flipped byte, other row counts, another migration level, the
// restore process killed with SIGKILL midway) leaves the md5 of every table unchanged, and the
// command ends with a message instead of hanging on a damaged gzip.
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../lib/db';
import { seedDemo } from '../prisma/demo';
import { backupDatabase } from './backup.ts';
import { createDatabase, dropDatabase } from './embedded-postgres.ts';
import { RESTORE_APPLICATION_NAME, restoreDatabase } from './restore.ts';
import { fingerprint, type Fingerprint } from './testing/fingerprint.ts';
import { pollUntil } from './testing/poll.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'restore-safety-'));
const adminUrl = inject('pgAdminUrl');
const UNCHANGED = /Nothing was restored: the database is exactly as it was\./;
let target: string;
let targetName: string;
let good: Buffer;
let text: string;
let before: Fingerprint;

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const until = <T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 60_000) => pollUntil(read, ok, ms, 50);

const write = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

/** `npm run db:restore -- FILE --force` in one process (node, not tsx's wrapper), on the target. */
function restoreCommand(file: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-restore.ts', file, '--force'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: target },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

beforeAll(async () => {
  await seedDemo(db);
  const file = path.join(dir, 'demo.backup.gz');
  await backupDatabase(process.env.DATABASE_URL!, file);
  good = readFileSync(file);
  text = gunzipSync(good).toString('utf8');
  // The database a failed restore must not touch: the demo, then changed, so that it differs from
  // the backup in every way a partial restore could show.
  targetName = `restore_target_${process.pid}`;
  await createDatabase(adminUrl, targetName);
  const url = new URL(adminUrl);
  url.pathname = `/${targetName}`;
  target = url.toString();
  await restoreDatabase(target, file);
  await query(target, `UPDATE "Team" SET name = name || ' (live)'`);
  await query(target, `INSERT INTO "Team" (id, name, slug, "updatedAt") VALUES ('live-only', 'Live', 'live', now())`);
  before = await fingerprint(target, { all: true });
  expect(before.Team!.rows).toBeGreaterThan(1);
  expect(before._prisma_migrations!.rows).toBeGreaterThan(5);
}, 180_000);

afterAll(async () => {
  await dropDatabase(adminUrl, targetName);
  rmSync(dir, { recursive: true, force: true });
});

describe('a failed restore leaves the database exactly as it was', () => {
  it('a gzip file cut short', async () => {
    const file = write('cut.backup.gz', good.subarray(0, Math.floor(good.length * 0.6)));
    await expect(restoreDatabase(target, file, { force: true })).rejects.toThrow(/damaged or cut short/);
    await expect(restoreDatabase(target, file, { force: true })).rejects.toThrow(UNCHANGED);
    await expect(restoreDatabase(target, path.join(dir, 'missing.gz'), { force: true })).rejects.toThrow(
      /missing\.gz cannot be read \(ENOENT/,
    );
    expect(await fingerprint(target, { all: true })).toEqual(before);
  }, 120_000);

  it('a whole gzip file whose backup ends inside a table, or before its end marker', async () => {
    // Cut after the first row of a table: every line whole, the gzip valid.
    const figures = text.indexOf('\n', text.indexOf('{"table":"MonthFigures"')) + 1;
    const inside = write('inside.backup.gz', gzipSync(text.slice(0, text.indexOf('\n', figures) + 1)));
    await expect(restoreDatabase(target, inside, { force: true })).rejects.toThrow(/ends inside table .* Nothing/);
    const noEnd = write('no-end.backup.gz', gzipSync(text.slice(0, text.lastIndexOf('{"end"'))));
    await expect(restoreDatabase(target, noEnd, { force: true })).rejects.toThrow(/no end marker.*Nothing/);
    expect(await fingerprint(target, { all: true })).toEqual(before);
  }, 120_000);

  it('a flipped byte: in the compressed data, or in the CRC-32 of an otherwise intact file', async () => {
    const middle = Buffer.from(good);
    middle[Math.floor(middle.length / 2)]! ^= 0x5a;
    const file = write('flipped.backup.gz', middle);
    await expect(restoreDatabase(target, file, { force: true })).rejects.toThrow(UNCHANGED);
    // The gzip trailer is CRC-32 then length: the data decompresses whole, only the check fails.
    const crc = Buffer.from(good);
    crc[crc.length - 8]! ^= 0x01;
    const crcFile = write('crc.backup.gz', crc);
    await expect(restoreDatabase(target, crcFile, { force: true })).rejects.toThrow(/damaged.*Nothing/);
    expect(await fingerprint(target, { all: true })).toEqual(before);
  }, 120_000);

  it('a table with other rows than the backup counted', async () => {
    // The last row of the last table that has rows dropped (no later table refers to it, so nothing
    // but the count can notice): every line still whole, the file a valid gzip.
    const lines = text.split('\n');
    let at = lines.length - 1;
    while (!(lines[at]!.startsWith('{"table"') && lines[at + 1] !== '\\.')) at--;
    const table = (JSON.parse(lines[at]!) as { table: string }).table;
    while (lines[at] !== '\\.') at++;
    lines.splice(at - 1, 1);
    const lessOne = lines.join('\n');
    const file = write('less-one.backup.gz', gzipSync(lessOne));
    await expect(restoreDatabase(target, file, { force: true })).rejects.toThrow(
      new RegExp(`damaged: ${table} holds \\d+ rows, \\d+ were backed up.*Nothing`),
    );
    expect(await fingerprint(target, { all: true })).toEqual(before);
  }, 120_000);

  it('another migration level: older than its rows, or newer than this version', async () => {
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as { migration: string; migrations: string[] };
    const withHeader = (h: object) => gzipSync(JSON.stringify(h) + text.slice(newline));
    // The rows name tables and columns that the first three migrations never made: the COPY fails
    // after the schema was dropped and rebuilt, inside the transaction.
    const older = { ...header, migrations: header.migrations.slice(0, 3), migration: header.migrations[2] };
    const olderFile = write('older.backup.gz', withHeader(older));
    await expect(restoreDatabase(target, olderFile, { force: true })).rejects.toThrow(UNCHANGED);
    const future = {
      ...header,
      migration: '29991231000000_future',
      migrations: [...header.migrations, '29991231000000_future'],
    };
    const newerFile = write('newer.backup.gz', withHeader(future));
    await expect(restoreDatabase(target, newerFile, { force: true })).rejects.toThrow(
      /29991231000000_future, which this version.*Nothing/,
    );
    expect(await fingerprint(target, { all: true })).toEqual(before);
  }, 120_000);

  it('the restore command killed with SIGKILL in the middle of loading', async () => {
    // The file comes through a named pipe that is given half of the backup, so the restore is
    // certainly inside its transaction, loading rows, when it is killed.
    const fifo = path.join(dir, 'slow.backup.gz');
    execFileSync('mkfifo', [fifo]);
    const pipe = await open(fifo, 'r+'); // read-write: never blocks, and the reader never sees EOF
    const { child, output } = restoreCommand(fifo);
    try {
      void pipe.write(good.subarray(0, Math.floor(good.length / 2))).catch(() => {});
      const [restoring] = await until(
        () =>
          query<{ pid: number; locks: string }>(
            adminUrl,
            `SELECT a.pid, (SELECT count(*) FROM pg_locks l WHERE l.pid = a.pid AND l.mode = 'AccessExclusiveLock') AS locks
             FROM pg_stat_activity a WHERE a.application_name = $1 AND a.datname = $2 AND a.state = 'active' AND a.query LIKE 'COPY %'`,
            [RESTORE_APPLICATION_NAME, targetName],
          ),
        (rows) => rows.length > 0 || child.exitCode !== null,
      );
      expect(restoring, output()).toBeDefined();
      expect(Number(restoring!.locks)).toBeGreaterThan(0); // it has dropped and rebuilt tables
      child.kill('SIGKILL');
      await once(child, 'exit');
      await until(
        () => query(adminUrl, `SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [restoring!.pid]),
        (rows) => rows.length === 0,
      );
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await pipe.close();
    }
    expect(await fingerprint(target, { all: true })).toEqual(before);
  }, 120_000);

  it('the restore command ends with a message and a non-zero exit on a damaged gzip, within a bounded time', async () => {
    const middle = Buffer.from(good);
    middle[Math.floor(middle.length / 2)]! ^= 0x5a;
    const { child, output } = restoreCommand(write('damaged.backup.gz', middle));
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    const limit = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 60_000).unref());
    try {
      const result = await Promise.race([exited, limit]);
      expect(result, output()).not.toBe('hung');
      expect(result).toEqual([1, null]);
      expect(output()).toMatch(UNCHANGED);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    expect(await fingerprint(target, { all: true })).toEqual(before);
  }, 120_000);
});
