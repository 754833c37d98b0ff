import 'server-only';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { db } from './db';

async function withTimeout<T>(work: Promise<T>, ms = 2000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database health check timed out')), ms);
    });
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** True when PostgreSQL answers within 2 s; never throws, so a dead database cannot crash the server. */
export async function checkDatabase(): Promise<boolean> {
  try {
    await withTimeout(db.$queryRaw`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}

let version: Promise<string> | undefined;

/** The app's version (package.json), read from the folder `next start` runs in. */
export function appVersion(): Promise<string> {
  version ??= readFile(path.join(process.cwd(), 'package.json'), 'utf8').then(
    (text) => (JSON.parse(text) as { version: string }).version,
    () => 'unknown',
  );
  return version;
}

let build: Promise<{ id: string; commit: string | null }> | undefined;

/**
 * Which build answers: Next's build id (new for every `next build`) and the commit it was built
 * from (SOURCE_COMMIT, else git at build time; next.config.js puts it into the build).
 */
export function appBuild(): Promise<{ id: string; commit: string | null }> {
  build ??= readFile(path.join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').then(
    (id) => ({ id: id.trim(), commit: process.env.SERVICE_REVIEW_COMMIT || null }),
    () => ({ id: 'unknown', commit: process.env.SERVICE_REVIEW_COMMIT || null }),
  );
  return build;
}

/** `pending` is null while the database does not answer: which migrations it has is unknown then. */
export type Readiness =
  | { ready: boolean; database: 'ok'; applied: number; pending: string[] }
  | { ready: false; database: 'unreachable'; applied: null; pending: null };

/**
 * Ready when PostgreSQL answers and every migration in prisma/migrations (read at run time from
 * the folder the server runs in, so it is the deployed code's list) is recorded as applied.
 */
export async function checkReadiness(): Promise<Readiness> {
  const dir = path.join(process.cwd(), 'prisma', 'migrations');
  const onDisk = (await readdir(dir, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  let applied: string[];
  try {
    const rows = await withTimeout(
      db.$queryRaw<
        { name: string }[]
      >`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    applied = rows.map((r) => r.name);
  } catch {
    // Unreachable, or reachable with no _prisma_migrations yet: not ready either way.
    if (!(await checkDatabase())) return { ready: false, database: 'unreachable', applied: null, pending: null };
    return { ready: false, database: 'ok', applied: 0, pending: onDisk };
  }
  const pending = onDisk.filter((name) => !applied.includes(name));
  return { ready: pending.length === 0 && onDisk.length > 0, database: 'ok', applied: applied.length, pending };
}
