// Restores a backup of scripts/backup.ts. Everything that changes the database happens in ONE
// transaction: dropping what is there, rebuilding the schema at the backup's migrations (their SQL
// run on this connection, recorded in _prisma_migrations as Prisma records them), loading every
// table and moving sequences on. PostgreSQL's DDL is transactional, so a file found cut short,
// damaged (gzip CRC, length), from another migration level or with other row counts than it
// promises, a failing COPY, Ctrl-C or a `kill -9` of this process all end in a rollback: the
// database is left exactly as it was. The commit comes only after the last byte of the file has
// been read and its gzip trailer checked.
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BACKUP_FORMAT, quote, type BackupHeader, type BackupTrailer, type TableSummary } from './backup.ts';
import { loadMigrationsList } from './migrations.ts';

/** The file or the database is not one to restore; nothing was changed. */
export class RestoreRefused extends Error {}

/** The name the restore's connection carries in pg_stat_activity. */
export const RESTORE_APPLICATION_NAME = 'service-review-restore';
const UNCHANGED = 'Nothing was restored: the database is exactly as it was.';

/**
 * The lines of a gzip file, read as they are needed. `next()` rejects on any read or gzip error
 * (a file cut short, a damaged byte: zlib checks the CRC-32 and length in the trailer) and returns
 * null only once the whole file has been read and that trailer checked. pipeline() passes an
 * error of either stream on, so it ends the read instead of leaving it waiting for data forever.
 */
function gzipLines(file: string) {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  pipeline(source, gunzip, () => {});
  const chunks = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const decoder = new StringDecoder('utf8');
  let lines: string[] = [];
  let index = 0;
  let rest = '';
  let ended = false;
  return {
    async next(): Promise<string | null> {
      while (index >= lines.length) {
        if (ended) return null;
        let chunk: IteratorResult<Buffer>;
        try {
          chunk = await chunks.next();
        } catch (error) {
          // zlib's codes start with Z_ (a bad CRC, a file ending early); the rest come from reading.
          const damaged = String((error as { code?: unknown }).code).startsWith('Z_');
          throw new RestoreRefused(
            `${file} ${damaged ? 'is damaged or cut short' : 'cannot be read'} (${(error as Error).message}). ${UNCHANGED}`,
          );
        }
        const text = chunk.done ? decoder.end() : decoder.write(chunk.value);
        const parts = (rest + text).split('\n');
        rest = parts.pop()!;
        if (chunk.done) {
          ended = true;
          if (rest) parts.push(rest);
          rest = '';
        }
        lines = parts;
        index = 0;
      }
      return lines[index++]!;
    },
    close() {
      gunzip.destroy();
      source.destroy();
    },
  };
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

/**
 * `prisma migrate deploy` up to the backup's migrations, but on this connection, inside the
 * restore's transaction: Prisma's engine would commit each migration on a connection of its own.
 * The table and its rows are the ones Prisma writes (checksum: SHA-256 of migration.sql), so later
 * starts, and Prisma's own CLI, see the history as theirs.
 */
async function migrateInTransaction(client: pg.ClientBase, names: string[]) {
  const sqlByName = new Map(
    (await loadMigrationsList()).migrationDirectories.map((d) => [d.path, d.migrationFile.content.value]),
  );
  await client.query(`CREATE TABLE "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  for (const name of [...names].sort()) {
    const sql = sqlByName.get(name)!;
    const started = new Date();
    await client.query(sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, $4, 1)`,
      [randomUUID(), createHash('sha256').update(sql).digest('hex'), name, started],
    );
  }
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

async function readHeader(file: string, next: () => Promise<string | null>): Promise<BackupHeader> {
  let header: BackupHeader;
  try {
    header = JSON.parse((await next()) ?? '') as BackupHeader;
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(`${file} is not a Service Review backup (its first line is not the backup header).`);
  }
  if (header?.format !== BACKUP_FORMAT || header.version !== 1 || !Array.isArray(header.migrations))
    throw new RestoreRefused(`${file} is not a Service Review backup of a format this version reads.`);
  const onDisk = new Set((await loadMigrationsList()).migrationDirectories.map((d) => d.path));
  const unknown = header.migrations.filter((m) => !onDisk.has(m));
  if (unknown.length) {
    throw new RestoreRefused(
      `This backup was taken at migration ${header.migration}, which this version of Service Review does not have (${unknown.join(', ')}): restore it with the version that took it, or a newer one. ${UNCHANGED}`,
    );
  }
  return header;
}

/** Loads one table's COPY rows, up to its `\.` line; the rows loaded. */
async function copyTable(
  client: pg.ClientBase,
  file: string,
  table: string,
  columns: string[],
  next: () => Promise<string | null>,
): Promise<number> {
  const sink = client.query(copyFrom(`COPY ${quote(table)} (${columns.map(quote).join(', ')}) FROM STDIN`));
  // A COPY that fails on the server (a missing column: another migration level) errors the sink.
  let failed: Error | null = null;
  sink.on('error', (error: Error) => (failed ??= error));
  let rows = 0;
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (failed) throw failed;
    if (!batch.length) return;
    if (!sink.write(batch.join(''))) await Promise.race([once(sink, 'drain'), once(sink, 'error')]);
    if (failed) throw failed;
    batch = [];
    size = 0;
  };
  try {
    let line: string | null;
    for (line = await next(); line !== null && line !== '\\.'; line = await next()) {
      batch.push(line + '\n');
      size += line.length + 1;
      rows++;
      if (size > 256 * 1024) await flush();
    }
    if (line === null) throw new RestoreRefused(`${file} ends inside table ${table}: the backup is incomplete.`);
    await flush();
    sink.end();
    await once(sink, 'finish');
    return rows;
  } catch (error) {
    // Our own failure (the file): abort the COPY (pg-copy-streams sends CopyFail) so the connection
    // can roll back. A failure the server reported has ended the COPY already, and destroying the
    // stream then would wait for ever for a COPY that will not start.
    if (!failed && !sink.destroyed) {
      sink.destroy(error as Error);
      await finished(sink).catch(() => {});
    }
    throw error;
  }
}

/**
 * Restores `file` into the database at `url`: refuses one that holds rows unless `force`; then, in
 * one transaction, replaces everything with the backup's schema and rows. Migrations newer than
 * the backup are applied by the next start, as after any upgrade. Any failure rolls back and says
 * so in its message.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<{ header: BackupHeader; tables: TableSummary[] }> {
  const lines = gzipLines(file);
  const next = () => lines.next();
  const client = new pg.Client({ connectionString: url, application_name: RESTORE_APPLICATION_NAME });
  // A lost connection also rejects the query in flight; unheard, this event would end the process.
  client.on('error', () => {});
  let connected = false;
  let committing = false;
  let table: string | null = null;
  try {
    const header = await readHeader(file, next);
    await client.connect();
    connected = true;
    await client.query('BEGIN');
    // The app must be stopped: waiting behind its locks for ever is no answer.
    await client.query(`SET LOCAL lock_timeout = '30s'`);
    const existing = await tablesWithRows(client);
    if (existing.length && !options.force) {
      const what = existing.map((t) => `${t.table} ${t.rows}`).join(', ');
      throw new RestoreRefused(
        `The database is not empty (${what}). Restoring replaces everything in it: run again with --force to do that.`,
      );
    }
    await dropSchemaObjects(client);
    await migrateInTransaction(client, header.migrations);

    const tables: TableSummary[] = [];
    let line = await next();
    while (line !== null && line.startsWith('{"table"')) {
      const { table: name, columns } = JSON.parse(line) as { table: string; columns: string[] };
      table = name;
      tables.push({ table, rows: await copyTable(client, file, table, columns, next) });
      table = null;
      line = await next();
    }
    let trailer: BackupTrailer | null = null;
    try {
      trailer = line === null ? null : (JSON.parse(line) as BackupTrailer);
    } catch {
      // not a trailer: refused below
    }
    if (!trailer?.end || trailer.tables !== tables.length)
      throw new RestoreRefused(`${file} is incomplete (no end marker after ${tables.length} tables).`);
    const differ = trailer.rows ? tables.filter((t) => trailer.rows![t.table] !== t.rows) : [];
    if (differ.length)
      throw new RestoreRefused(
        `${file} is damaged: ${differ.map((t) => `${t.table} holds ${t.rows} rows, ${trailer.rows![t.table] ?? 0} were backed up`).join('; ')}.`,
      );
    // Read to the end: only then has zlib checked the CRC-32 and length of everything loaded.
    if ((await next()) !== null) throw new RestoreRefused(`${file} has data after its end marker.`);
    await fixSequences(client);
    committing = true;
    await client.query('COMMIT');
    committing = false;
    await client.query('ANALYZE').catch(() => {});
    return { header, tables };
  } catch (error) {
    if (connected) await client.query('ROLLBACK').catch(() => {});
    if (committing)
      throw new Error(
        `The connection failed while committing the restore (${(error as Error).message}): check the database.`,
      );
    const message = (error as Error).message;
    if (error instanceof RestoreRefused) {
      // A refusal before the transaction (not a backup, not empty) changed nothing either.
      throw new RestoreRefused(message.includes(UNCHANGED) || !connected ? message : `${message} ${UNCHANGED}`);
    }
    const where = table ? ` while loading table ${table}` : '';
    const lockHint = (error as { code?: string }).code === '55P03' ? ' Is the app still running? Stop it first.' : '';
    throw new Error(`${message}${where}.${lockHint} ${UNCHANGED}`, { cause: error });
  } finally {
    lines.close();
    await client.end().catch(() => {});
  }
}
