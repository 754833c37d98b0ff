import 'server-only';
import { log } from '../log';
import { applyRetention } from './retention';

const g = globalThis as unknown as { serviceReviewRetention?: NodeJS.Timeout };
const DAY_MS = 24 * 60 * 60 * 1000;

/** The daily tick: once shortly after start, then every day. */
export function startRetentionWorker(): void {
  if (g.serviceReviewRetention || !process.env.DATABASE_URL) return;
  const run = () =>
    applyRetention().then(
      (result) => log.info({ event: 'retention.applied', ...result }, 'retention applied'),
      (error: unknown) => log.warn({ event: 'retention.failed', err: error }, 'retention failed'),
    );
  setTimeout(() => void run(), 30_000).unref();
  g.serviceReviewRetention = setInterval(() => void run(), DAY_MS);
  g.serviceReviewRetention.unref();
}
