import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      'server-only': path.join(root, 'scripts/testing/empty.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'prisma/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['scripts/testing/vitest-global-setup.ts'],
    setupFiles: ['scripts/testing/vitest-db-setup.ts'],
    pool: 'forks',
    // Vitest's default is one worker per core but one, which on a 2-core CI box is a single file at
    // a time. A test file spends much of its time waiting on PostgreSQL (its own process), so two
    // files at once keep both cores busy.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
