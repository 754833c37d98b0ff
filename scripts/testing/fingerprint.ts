// What a database holds, per table: its row count and an md5 over every row in primary-key order.
// Restore tests compare it before and after (a restore that changed nothing leaves it equal).
import pg from 'pg';
import { SKIPPED_TABLES } from '../backup.ts';

export type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Every table of the public schema; `all` also takes the tables a backup leaves out. */
export async function fingerprint(url: string, options: { all?: boolean } = {}): Promise<Fingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string; pk: string }>(
      `SELECT c.relname AS name, string_agg(quote_ident(a.attname), ', ' ORDER BY k.i) AS pk
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_index x ON x.indrelid = c.oid AND x.indisprimary
       CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, i) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public' AND c.relkind = 'r' GROUP BY c.relname ORDER BY c.relname`,
    );
    const out: Fingerprint = {};
    for (const t of tables.rows.filter((t) => options.all || !SKIPPED_TABLES.includes(t.name))) {
      const result = await client.query<{ rows: string; md5: string }>(
        `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${t.pk}), '')) AS md5 FROM "${t.name}" t`,
      );
      out[t.name] = { rows: Number(result.rows[0]!.rows), md5: result.rows[0]!.md5 };
    }
    return out;
  } finally {
    await client.end();
  }
}
