// `prisma generate` never runs the schema engine, but the CLI still tries to download it
// unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file. Point it at this file so a
// fresh install produces the client even where Prisma's binary host is unreachable.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? self,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const result = spawnSync('npx', ['--no-install', 'prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
