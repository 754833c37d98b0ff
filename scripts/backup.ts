// Backup and restore without pg_dump (the embedded PostgreSQL package ships none, and a managed
// server's pg_dump must match its major). A backup is one gzip file of lines:
//   {"format":"service-review-backup",…,"migrations":[…]}   the header: where the schema was
//   {"table":"Team","columns":[…]}                           then per table, in foreign-key order,
//   …COPY text rows…                                         its rows exactly as COPY writes them
//   \.                                                       (a data row can never be "\.": COPY escapes backslashes)
//   {"end":true,"tables":N}                                  a trailer, so a truncated file is refused
// COPY's text format is the same in every PostgreSQL major, so a file taken on 15 restores on 18.
import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { applyMigrations, loadMigrationsList } from './migrations.ts';

const FORMAT = 'service-review-backup';
/** Sign-in budgets live an hour or a day and hold addresses: not worth keeping. */
export const SKIPPED_TABLES = ['_prisma_migrations', 'SignInLimit'];
const root = path.resolve(import.meta.dirname, '..');

export type BackupHeader = {
  format: string;
  version: 1;
  takenAt: string;
  app: string;
  postgres: string;
  migration: string;
  migrations: string[];
};
export type TableSummary = { table: string; rows: number };
export type BackupResult = { file: string; bytes: number; header: BackupHeader; tables: TableSummary[] };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables of the public schema, every table after the ones it references (restore order). */
async function tablesInForeignKeyOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )
  ).rows
    .map((r) => r.name)
    .filter((name) => !SKIPPED_TABLES.includes(name));
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
       JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`,
    )
  ).rows.map((e) => ({ child: e.child.replace(/^"|"$/g, ''), parent: e.parent.replace(/^"|"$/g, '') }));
  const ordered: string[] = [];
  const remaining = new Set(tables);
  while (remaining.size) {
    // A self-reference is fine: a non-deferrable foreign key is checked at the end of the COPY.
    const ready = [...remaining].filter(
      (t) => !edges.some((e) => e.child === t && e.parent !== t && remaining.has(e.parent)),
    );
    if (!ready.length)
      throw new Error(
        `Foreign keys form a cycle between ${[...remaining].join(', ')}; these tables cannot be restored in order.`,
      );
    for (const t of ready) {
      ordered.push(t);
      remaining.delete(t);
    }
  }
  return ordered;
}

/** Columns COPY can write back: generated columns are computed again on restore. */
async function copyableColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`,
    [quote(table)],
  );
  return result.rows.map((r) => r.name);
}

async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const exists = await client.query(
    `SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = '_prisma_migrations'`,
  );
  if (!exists.rowCount) return [];
  const result = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return result.rows.map((r) => r.name);
}

function appVersion(): string {
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Writes a consistent backup of the database at `url` to `file` (through `file.partial`, so a failed run leaves no half file under the real name). */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  // A backup reads every table in one snapshot, so far longer than a page's 5 s (lib/db.ts), but
  // not for ever: a server that stops answering ends it with an error instead of a hung command.
  const client = new pg.Client({
    connectionString: url,
    statement_timeout: 30 * 60_000,
    query_timeout: 30 * 60_000 + 5000,
    connectionTimeoutMillis: 10_000,
  });
  await client.connect();
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  const gzip = createGzip({ level: 6 });
  gzip.pipe(out);
  const write = async (data: string | Buffer) => {
    if (!gzip.write(data)) await once(gzip, 'drain');
  };
  const tables: TableSummary[] = [];
  try {
    // One snapshot for every table: rows written while the backup runs are either all in it or
    // none of them are, as in pg_dump.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = await appliedMigrations(client);
    if (!migrations.length)
      throw new Error('The database has no applied migrations: nothing of Service Review to back up.');
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    const header: BackupHeader = {
      format: FORMAT,
      version: 1,
      takenAt: new Date().toISOString(),
      app: appVersion(),
      postgres: version.rows[0]!.server_version,
      migration: migrations.at(-1)!,
      migrations,
    };
    await write(JSON.stringify(header) + '\n');
    for (const table of await tablesInForeignKeyOrder(client)) {
      const columns = await copyableColumns(client, table);
      await write(JSON.stringify({ table, columns }) + '\n');
      const source = client.query(copyTo(`COPY ${quote(table)} (${columns.map(quote).join(', ')}) TO STDOUT`));
      // COPY's text format ends every row with a newline and escapes newlines inside values, so
      // counting them is exact (the stream's own rowCount is set only after its last chunk).
      let rows = 0;
      for await (const chunk of source) {
        const buffer = chunk as Buffer;
        for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) rows++;
        await write(buffer);
      }
      tables.push({ table, rows });
      await write('\\.\n');
    }
    await write(JSON.stringify({ end: true, tables: tables.length }) + '\n');
    await client.query('COMMIT');
    gzip.end();
    await once(out, 'close');
    renameSync(partial, file);
    return { file, bytes: out.bytesWritten, header, tables };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Row counts of every table that holds rows: what a restore would replace. */
async function tablesWithRows(client: pg.ClientBase): Promise<TableSummary[]> {
  const names = (
    await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )
  ).rows
    .map((r) => r.name)
    .filter((n) => n !== '_prisma_migrations');
  const found: TableSummary[] = [];
  for (const table of names) {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`);
    const rows = Number(result.rows[0]!.n);
    if (rows) found.push({ table, rows });
  }
  return found;
}

/** Drops what the migrations made, as the database owner may (no superuser needed). */
async function dropSchemaObjects(client: pg.ClientBase) {
  const tables = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
  );
  for (const { name } of tables.rows) await client.query(`DROP TABLE IF EXISTS public.${quote(name)} CASCADE`);
  const types = await client.query<{ name: string }>(
    `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`,
  );
  for (const { name } of types.rows) await client.query(`DROP TYPE IF EXISTS public.${quote(name)} CASCADE`);
}

/** Moves every sequence owned by a column past the largest restored value. */
async function fixSequences(client: pg.ClientBase) {
  const owned = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.oid::regclass::text AS seq, d.refobjid::regclass::text AS tbl, a.attname AS col FROM pg_class s
     JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     JOIN pg_namespace n ON n.oid = s.relnamespace WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const { seq, tbl, col } of owned.rows) {
    await client.query(`SELECT setval($1::regclass, coalesce((SELECT max(${quote(col)}) FROM ${tbl}), 0) + 1, false)`, [
      seq,
    ]);
  }
}

export class RestoreRefused extends Error {}

/**
 * Restores `file` into the database at `url`: refuses one that holds rows unless `force`, drops
 * what is there, applies the migrations the backup was taken at, loads every table in one
 * transaction (foreign-key order, so no superuser is needed) and moves sequences on.
 * Migrations newer than the backup are applied by the next start, as after any upgrade.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<{ header: BackupHeader; tables: TableSummary[] }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[
    Symbol.asyncIterator
  ]();
  const next = async () => {
    const { value, done } = await lines.next();
    return done ? null : (value as string);
  };
  const first = await next();
  let header: BackupHeader;
  try {
    header = JSON.parse(first ?? '') as BackupHeader;
  } catch {
    throw new RestoreRefused(`${file} is not a Service Review backup (its first line is not the backup header).`);
  }
  if (header.format !== FORMAT || header.version !== 1)
    throw new RestoreRefused(`${file} is not a Service Review backup of a format this version reads.`);
  const onDisk = new Set((await loadMigrationsList()).migrationDirectories.map((d) => d.path));
  const unknown = header.migrations.filter((m) => !onDisk.has(m));
  if (unknown.length) {
    throw new RestoreRefused(
      `This backup was taken at migration ${header.migration}, which this version of Service Review does not have (${unknown.join(', ')}): restore it with the version that took it, or a newer one.`,
    );
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await tablesWithRows(client);
    if (existing.length && !options.force) {
      const what = existing.map((t) => `${t.table} ${t.rows}`).join(', ');
      throw new RestoreRefused(
        `The database is not empty (${what}). Restoring replaces everything in it: run again with --force to do that.`,
      );
    }
    await dropSchemaObjects(client);
    await applyMigrations(url, { only: header.migrations });

    const tables: TableSummary[] = [];
    await client.query('BEGIN');
    let line = await next();
    while (line !== null && line.startsWith('{"table"')) {
      const { table, columns } = JSON.parse(line) as { table: string; columns: string[] };
      const sink = client.query(copyFrom(`COPY ${quote(table)} (${columns.map(quote).join(', ')}) FROM STDIN`));
      let rows = 0;
      let batch: string[] = [];
      let size = 0;
      const flush = async () => {
        if (!batch.length) return;
        if (!sink.write(batch.join(''))) await once(sink, 'drain');
        batch = [];
        size = 0;
      };
      for (line = await next(); line !== null && line !== '\\.'; line = await next()) {
        batch.push(line + '\n');
        size += line.length + 1;
        rows++;
        if (size > 256 * 1024) await flush();
      }
      if (line === null) {
        // Abort the COPY (pg-copy-streams sends CopyFail) so the connection can roll back.
        const incomplete = new RestoreRefused(
          `${file} ends inside table ${table}: the backup is incomplete; nothing was restored.`,
        );
        sink.destroy(incomplete);
        await once(sink, 'close').catch(() => {});
        throw incomplete;
      }
      await flush();
      sink.end();
      await once(sink, 'finish');
      tables.push({ table, rows });
      line = await next();
    }
    const trailer = line === null ? null : (JSON.parse(line) as { end?: boolean; tables?: number });
    if (!trailer?.end || trailer.tables !== tables.length)
      throw new RestoreRefused(
        `${file} is incomplete (no end marker after ${tables.length} tables); nothing was restored.`,
      );
    await fixSequences(client);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { header, tables };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
    void lines.return?.();
  }
}
