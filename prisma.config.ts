import { defineConfig } from 'prisma/config';

// The CLI only needs a URL for migrate commands; `prisma generate` ignores it, so an unset
// DATABASE_URL must not break a fresh install. Migrations here run through scripts/migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/service_review' },
});
