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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
