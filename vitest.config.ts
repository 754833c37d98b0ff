import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

const ALL = ['lib/**/*.test.ts', 'prisma/**/*.test.ts', 'scripts/**/*.test.ts'];
/** Test files that need a database (and a process) of their own: see `projects` below. */
const OWN_DATABASE = [
  'lib/audit.test.ts',
  'lib/deliveries/deliveries.test.ts',
  'lib/deliveries/restored-keys.test.ts',
  'lib/dashboard/needs.test.ts',
  'lib/departments/item-links.test.ts',
  'lib/distribution/email-crash.test.ts',
  'lib/distribution/reminder.test.ts',
  'lib/editions/snapshot.test.ts',
  'lib/kept/gate.test.ts',
  'lib/privacy/erase.test.ts',
  'prisma/demo.test.ts',
  'scripts/backup.test.ts',
  'scripts/prepare-database.test.ts',
  'scripts/restore.test.ts',
];

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      'server-only': path.join(root, 'scripts/testing/empty.ts'),
    },
  },
  test: {
    globalSetup: ['scripts/testing/vitest-global-setup.ts'],
    setupFiles: ['scripts/testing/vitest-db-setup.ts'],
    pool: 'forks',
    // Most files share their worker's process and database (scripts/testing/vitest-db-setup.ts):
    // importing the app's modules and copying a database once per worker instead of once per file
    // took Vitest in `npm test` from 315 s to 190 s on a 2-core box. Each file makes its own teams
    // and people, so files sharing a database never see each other's rows. The files in
    // OWN_DATABASE read the whole database (every team, every audit event, every table: the exec's
    // map, a backup, the job queue's jobs), seed the demo, run job workers that take every due job, or
    // change the process's secret: each gets a process and a
    // database of its own. A new test that reads across teams belongs there too.
    projects: [
      { extends: true, test: { name: 'shared', isolate: false, include: ALL, exclude: OWN_DATABASE } },
      { extends: true, test: { name: 'own-database', isolate: true, include: OWN_DATABASE } },
    ],
    // Vitest's default is one worker per core but one, which on a 2-core CI box is a single file at
    // a time. A test file spends much of its time waiting on PostgreSQL (its own process), so two
    // files at once keep both cores busy.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
