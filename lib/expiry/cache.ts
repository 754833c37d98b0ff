import 'server-only';
import { revalidateTag } from 'next/cache';
import { db } from '../db';
import { log } from '../log';
import { bumpDashboardGeneration, instanceId } from './generation';

/**
 * Dashboard and TV cards are the same for every reader, so they are cached across requests.
 * A write that changes them expires them at once on its own instance and, through PostgreSQL
 * NOTIFY, on every other instance (lib/expiry/cache-sync.ts listens). The one-minute lifetime
 * only bounds what a lost notification could leave stale.
 */
export const DASHBOARD_TAG = 'dashboard';
export const DASHBOARD_TTL_SECONDS = 60;
export const CACHE_CHANNEL = 'service_review_cache';

export function expireDashboard(): void {
  bumpDashboardGeneration();
  revalidateTag(DASHBOARD_TAG, { expire: 0 });
  db.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${JSON.stringify({ from: instanceId(), what: DASHBOARD_TAG })})`.catch(
    (error: unknown) =>
      log.warn({ err: error, event: 'cache.notify_failed' }, 'could not tell other instances the dashboard changed'),
  );
}
