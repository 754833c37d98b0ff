import 'server-only';
import type { DbClient } from '../db';

/** A column that can hold text a person wrote or an address: text, JSON or a text array. */
export type TextColumn = { schema: string; table: string; column: string; kind: 'text' | 'json' | 'array' };

/**
 * Every text, JSON and text-array column of every table in the database (the job queue's schema
 * too), read from the catalogue: a table added later (a new outbox, a new send record) is covered
 * by erasure's address replacement and by the export's address search without a change here.
 * Generated columns are left out: they follow their sources.
 */
export async function listTextColumns(client: DbClient): Promise<TextColumn[]> {
  const rows = await client.$queryRaw<{ schema: string; table: string; column: string; kind: TextColumn['kind'] }[]>`
    SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column,
      CASE WHEN c.data_type IN ('json', 'jsonb') THEN 'json' WHEN c.data_type = 'ARRAY' THEN 'array' ELSE 'text' END AS kind
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE t.table_type = 'BASE TABLE'
      AND c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg\\_%'
      AND c.is_generated = 'NEVER'
      AND (c.data_type IN ('text', 'character varying', 'json', 'jsonb')
        OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
    ORDER BY 1, 2, 3`;
  return rows;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const tableOf = (c: TextColumn) => `${quoteIdent(c.schema)}.${quoteIdent(c.table)}`;
/** The column as text, whatever its kind, for searching and replacing. */
export const textOf = (c: TextColumn) => (c.kind === 'text' ? quoteIdent(c.column) : `${quoteIdent(c.column)}::text`);
const castBack = (c: TextColumn, expression: string) =>
  c.kind === 'json' ? `(${expression})::jsonb` : c.kind === 'array' ? `(${expression})::text[]` : expression;

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
/** A regular expression (PostgreSQL ARE) matching `text` literally. */
const literalRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces an email address, in any letter case, in every text, JSON and text-array column of
 * the database. An address is unambiguous, so no table needs to be named: wherever it was copied
 * (recipient records, opt-outs, audit details, errors, queued jobs), the pseudonym takes its place.
 * Returns the rows changed per table, for the erasure's audit record.
 */
export async function replaceAddressEverywhere(
  tx: DbClient,
  address: string,
  replacement: string,
): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const column of await listTextColumns(tx)) {
    const count = await tx.$executeRawUnsafe(
      `UPDATE ${tableOf(column)} SET ${quoteIdent(column.column)} = ${castBack(column, `regexp_replace(${textOf(column)}, $1, $2, 'gi')`)}
       WHERE ${textOf(column)} ILIKE $3`,
      literalRegex(address),
      replacement,
      containsPattern(address),
    );
    if (count) changed[`${column.table}.${column.column}`] = count;
  }
  return changed;
}

/** Where an address appears outside the tables the export reads one by one: table, column and rows. */
export async function findAddressEverywhere(
  client: DbClient,
  address: string,
): Promise<{ table: string; column: string; rows: number }[]> {
  const found: { table: string; column: string; rows: number }[] = [];
  for (const column of await listTextColumns(client)) {
    const [row] = await client.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM ${tableOf(column)} WHERE ${textOf(column)} ILIKE $1`,
      containsPattern(address),
    );
    const rows = Number(row?.n ?? 0);
    if (rows) found.push({ table: column.table, column: column.column, rows });
  }
  return found;
}
