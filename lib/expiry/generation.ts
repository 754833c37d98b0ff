// The dashboard's generation: a number this instance raises whenever a write changes what the
// dashboard shows (lib/expiry/cache.ts raises it, and so does the listener for other
// instances). Without server-only imports: the proxy's gate (lib/kept/gate.ts) names the kept
// dashboard page by it.
import { randomUUID } from 'node:crypto';

// On globalThis: instrumentation (the listener), the proxy and the app's routes are separate
// bundles, each with its own copy of this module, but they must share one generation.
type CacheState = { instance: string; generation: number };
const g = globalThis as unknown as { serviceReviewCache?: CacheState };
const state: CacheState = (g.serviceReviewCache ??= { instance: randomUUID(), generation: 0 });

/**
 * This instance's id (instances may share a build folder and its cache) and its generation, so a
 * change anywhere means a miss everywhere, whether or not a request context is there to
 * revalidate a tag in.
 */
export function dashboardCacheKey(): string {
  return `${state.instance}:${state.generation}`;
}

/** Raised on every change to what the dashboard shows, here or (by the listener) elsewhere. */
export function bumpDashboardGeneration(): void {
  state.generation++;
}

export function instanceId(): string {
  return state.instance;
}
