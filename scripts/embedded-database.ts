// The product's own database when DATABASE_URL is unset: a persistent embedded PostgreSQL under
// DATA_DIR (default .data), migrated on every open. Its password, port and AUTH_SECRET are kept
// beside it so sessions and data survive restarts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDatabase, freePort, resolveDataDir, startCluster } from './embedded-postgres.ts';
import { applyMigrations } from './migrations.ts';

const DATABASE = 'service_review';

function keep(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}

export type EmbeddedDatabase = { url: string; authSecret: string; dataDir: string; movedFrom: string | null; appliedMigrations: string[]; stop(): Promise<void> };

export async function openEmbeddedDatabase(log: (line: string) => void = () => {}): Promise<EmbeddedDatabase> {
  const preferred = path.resolve(process.env.DATA_DIR || '.data');
  const { dir: dataDir, moved } = resolveDataDir(preferred);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const password = keep(path.join(dataDir, 'pg-password'), () => randomBytes(18).toString('base64url'));
  const authSecret = keep(path.join(dataDir, 'auth-secret'), () => randomBytes(33).toString('base64'));
  const savedPort = Number(keep(path.join(dataDir, 'pg-port'), () => '54329'));
  const port = await freePort(savedPort);
  if (port !== savedPort) writeFileSync(path.join(dataDir, 'pg-port'), `${port}\n`);
  log(`Starting embedded PostgreSQL in ${path.join(dataDir, 'pg')} on 127.0.0.1:${port}`);
  const cluster = await startCluster({ dataDir: path.join(dataDir, 'pg'), port, password, persistent: true, log });
  try {
    await createDatabase(cluster.adminUrl, DATABASE);
    const url = cluster.urlFor(DATABASE);
    const appliedMigrations = await applyMigrations(url);
    return { url, authSecret, dataDir, movedFrom: moved ? preferred : null, appliedMigrations, stop: () => cluster.stop() };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
