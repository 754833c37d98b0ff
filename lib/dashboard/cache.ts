import 'server-only';
import { randomUUID } from 'node:crypto';
import { revalidateTag } from 'next/cache';
import { db } from '../db';
import { log } from '../log';

/**
 * Dashboard and TV cards are the same for every reader, so they are cached across requests.
 * A write that changes them expires them at once on its own instance and, through PostgreSQL
 * NOTIFY, on every other instance (lib/dashboard/cache-sync.ts listens). The one-minute lifetime
 * only bounds what a lost notification could leave stale.
 */
export const DASHBOARD_TAG = 'dashboard';
export const DASHBOARD_TTL_SECONDS = 60;
export const CACHE_CHANNEL = 'service_review_cache';

// On globalThis: instrumentation (the listener) and the app's routes are separate bundles, each
// with its own copy of this module, but they must share one generation.
type CacheState = { instance: string; generation: number };
const g = globalThis as unknown as { serviceReviewCache?: CacheState };
const state: CacheState = (g.serviceReviewCache ??= { instance: randomUUID(), generation: 0 });

/**
 * Part of every card's cache key: this instance's id (instances may share a build folder and its
 * cache) and a number raised on each change, so a change anywhere means a miss everywhere,
 * whether or not a request context is there to revalidate a tag in.
 */
export function dashboardCacheKey(): string {
  return `${state.instance}:${state.generation}`;
}

/** Called by the listener when another instance (or a lost connection) says the cards changed. */
export function bumpDashboardGeneration(): void {
  state.generation++;
}

export function instanceId(): string {
  return state.instance;
}

export function expireDashboard(): void {
  state.generation++;
  revalidateTag(DASHBOARD_TAG, { expire: 0 });
  db.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${JSON.stringify({ from: state.instance, what: DASHBOARD_TAG })})`.catch(
    (error: unknown) =>
      log.warn({ err: error, event: 'cache.notify_failed' }, 'could not tell other instances the dashboard changed'),
  );
}
