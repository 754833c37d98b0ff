import 'server-only';
import pg from 'pg';
import { log } from '../log';
import { CACHE_CHANNEL } from './cache';
import { bumpDashboardGeneration, instanceId } from './generation';

const g = globalThis as unknown as { serviceReviewCacheListener?: boolean };

/**
 * Listens for other instances' changes on one dedicated connection (LISTEN needs a session of
 * its own, so not a pooled Prisma one). When the connection drops, it reconnects with backoff and
 * expires everything, since notifications sent meanwhile are lost.
 */
export function startCacheListener(url = process.env.DATABASE_URL): void {
  if (g.serviceReviewCacheListener || !url) return;
  g.serviceReviewCacheListener = true;
  let delay = 1000;
  const connect = async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000, keepAlive: true });
    const retry = () => {
      client.removeAllListeners();
      client.end().catch(() => {});
      setTimeout(() => void connect(), delay).unref();
      delay = Math.min(delay * 2, 30_000);
    };
    client.on('error', (error) => {
      log.warn({ err: error, event: 'cache.listener_lost' }, 'cache listener lost its database connection');
      retry();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch {
      retry();
      return;
    }
    delay = 1000;
    bumpDashboardGeneration();
    client.on('notification', (message) => {
      try {
        const payload = JSON.parse(message.payload ?? '{}') as { from?: string };
        if (payload.from !== instanceId()) bumpDashboardGeneration();
      } catch {
        bumpDashboardGeneration();
      }
    });
  };
  void connect();
}
