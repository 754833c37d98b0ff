// Runs before each test file: a private database copied from the migrated template, one per worker
// process. Files that share a worker (vitest.config.ts, project "shared") share it; a file in the
// "own-database" project runs in a process of its own and so gets one of its own. Never dropped
// here: the cluster is thrown away when the run ends.
import { inject } from 'vitest';
import { createTestDatabase } from './template.ts';

const g = globalThis as unknown as { serviceReviewTestDatabase?: string };
g.serviceReviewTestDatabase ??= (await createTestDatabase(inject('pgAdminUrl'))).url;
process.env.DATABASE_URL = g.serviceReviewTestDatabase;
// Tests read log lines through their own logger (lib/log.test.ts); keep the run's output readable.
process.env.LOG_LEVEL ??= 'warn';
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
