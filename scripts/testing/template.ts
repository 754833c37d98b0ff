// One migrated template database per test run; each test file (Vitest) and the e2e server get a
// copy made with CREATE DATABASE … TEMPLATE, which takes milliseconds.
import pg from 'pg';
import { createDatabase, dropDatabase } from '../embedded-postgres.ts';
import { applyMigrations } from '../migrations.ts';

export const TEMPLATE = 'app_template';

function urlFor(adminUrl: string, database: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function prepareTemplate(adminUrl: string) {
  await dropDatabase(adminUrl, TEMPLATE);
  await createDatabase(adminUrl, TEMPLATE);
  await applyMigrations(urlFor(adminUrl, TEMPLATE));
  // A template must have no open connections when it is copied.
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [TEMPLATE],
  );
  await client.end();
}

export async function createTestDatabase(adminUrl: string, prefix = 't') {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await createDatabase(adminUrl, name, TEMPLATE);
  return { name, url: urlFor(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}
