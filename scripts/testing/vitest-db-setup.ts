// Runs before each test file: a private database copied from the migrated template.
import { afterAll, inject } from 'vitest';
import { createTestDatabase } from './template.ts';

const database = await createTestDatabase(inject('pgAdminUrl'));
process.env.DATABASE_URL = database.url;
// Tests read log lines through their own logger (lib/log.test.ts); keep the run's output readable.
process.env.LOG_LEVEL ??= 'warn';
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';

afterAll(async () => {
  const { db } = await import('../../lib/db');
  await db.$disconnect();
  await database.drop();
});
