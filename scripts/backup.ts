// Backup and restore without pg_dump (the embedded PostgreSQL package ships none, and a managed
// server's pg_dump must match its major). A backup is one gzip file of lines:
//   {"format":"service-review-backup",…,"migrations":[…]}   the header: where the schema was
//   {"table":"Team","columns":[…]}                           then per table, in foreign-key order,
//   …COPY text rows…                                         its rows exactly as COPY writes them
//   \.                                                       (a data row can never be "\.": COPY escapes backslashes)
//   {"end":true,"tables":N,"rows":{"Team":3,…}}              a trailer, so a cut or damaged file is refused
// COPY's text format is the same in every PostgreSQL major, so a file taken on 15 restores on 18.
// scripts/restore.ts reads it back.
import { once } from 'node:events';
import { createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

export const BACKUP_FORMAT = 'service-review-backup';
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
/** The last line. `rows` (each table's row count) is absent from files taken before it was added. */
export type BackupTrailer = { end?: boolean; tables?: number; rows?: Record<string, number> };
export type BackupResult = { file: string; bytes: number; header: BackupHeader; tables: TableSummary[] };

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

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
  // not for ever: PostgreSQL ends a statement past 30 minutes. No client-side `query_timeout`: pg
  // never clears its timer for a COPY stream, which kept `db:backup` alive for 30 minutes after it
  // finished and would fire on a closed stream inside the server's automatic backups.
  const client = new pg.Client({
    connectionString: url,
    statement_timeout: 30 * 60_000,
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
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
      format: BACKUP_FORMAT,
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
    const trailer: BackupTrailer = {
      end: true,
      tables: tables.length,
      rows: Object.fromEntries(tables.map((t) => [t.table, t.rows])),
    };
    await write(JSON.stringify(trailer) + '\n');
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
