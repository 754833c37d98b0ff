// Fails when prisma/schema.prisma and the committed migrations disagree (someone edited the
// schema without `npm run db:migration -- <name>`, or hand-edited a migration).
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase, dropDatabase } from '../scripts/embedded-postgres';
import { applyMigrations, sqlForSchemaFromEmpty } from '../scripts/migrations';

const adminUrl = inject('pgAdminUrl');
const urlFor = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => JSON.stringify(r)).sort();
    return {
      columns:
        await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
                        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      indexes: await q(
        `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      ),
      constraints: await q(`SELECT c.conrelid::regclass::text AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def
                            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                            WHERE n.nspname = 'public' AND c.conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')`),
      enums: await q(
        `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid`,
      ),
    };
  } finally {
    await client.end();
  }
}

async function freshDatabase(prefix: string) {
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  await createDatabase(adminUrl, name);
  return name;
}

describe('migrations', () => {
  it('produce exactly the database that schema.prisma describes', async () => {
    const migrated = await freshDatabase('drift_migrated');
    const fromSchema = await freshDatabase('drift_schema');
    try {
      const applied = await applyMigrations(urlFor(migrated));
      expect(applied.length).toBeGreaterThan(0);
      expect(await applyMigrations(urlFor(migrated))).toEqual([]); // a second deploy applies nothing

      const sql = await sqlForSchemaFromEmpty(urlFor(fromSchema));
      const client = new pg.Client({ connectionString: urlFor(fromSchema) });
      await client.connect();
      await client.query(sql);

      const expected = await catalog(urlFor(fromSchema));
      expect(await catalog(urlFor(migrated))).toEqual(expected);

      // The comparison itself notices a difference (so this test can fail).
      await client.query('ALTER TABLE "Team" ADD COLUMN "drift" INTEGER');
      await client.end();
      expect(await catalog(urlFor(migrated))).not.toEqual(await catalog(urlFor(fromSchema)));
    } finally {
      await dropDatabase(adminUrl, migrated);
      await dropDatabase(adminUrl, fromSchema);
    }
  });

  it('are recorded in _prisma_migrations as Prisma’s CLI records them', async () => {
    const name = await freshDatabase('history');
    try {
      await applyMigrations(urlFor(name));
      const client = new pg.Client({ connectionString: urlFor(name) });
      await client.connect();
      const rows = (
        await client.query('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations')
      ).rows;
      await client.end();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
      }
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });
});
