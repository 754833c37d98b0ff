// The gate in front of the kept dashboard page (app/(reader)/kept-dashboard). Imported by proxy.ts,
// so nothing here may need next/headers or server-only modules.
//
// The dashboard's team cards are the same for every reader; only their order (the reader's own
// team first) differs. So the page is rendered once per generation of the cards (raised by every
// write that changes them, lib/dashboard/cache.ts), per minute (the cards' own lifetime, which
// bounds what a lost notification from another instance leaves stale) and per first team, and
// served from Next's page cache. What is the reader's own — their header, greeting and "Needs
// you" — the page fetches from /api/dashboard/reader, which goes through lib/ as every route does.
//
// As for the published edition (lib/reviews/edition-gate.ts), the kept page cannot ask who reads
// it: the proxy rewrites `GET /` to it only when this gate opens, for an active signed-in user
// (read from the database, session version checked, one-time password replaced); anyone else gets
// the dynamic page, whose guards answer as before.
import { db } from '../db';
import { isCurrentSession, sessionToken } from '../session-user';
import { dashboardCacheKey } from './generation';

/** The kept page's path. Not public: the proxy refuses it unless the gate rewrote to it. */
export const KEPT_DASHBOARD_PREFIX = '/kept-dashboard/';

/** How long one rendering of the cards is served: the cards' own cache lifetime, a minute. */
const LIFETIME_MS = 60_000;

/** The current version: this instance, its generation of the cards, and the minute. */
export function keptDashboardVersion(now = Date.now()): string {
  const [instance, generation] = dashboardCacheKey().split(':');
  return `${generation}.${Math.floor(now / LIFETIME_MS).toString(36)}.${instance}`;
}

/** The kept page's path for this reader, or null to let the dynamic page answer. Never throws for bad input. */
export async function keptDashboardPath(cookie: string | null, pathname: string): Promise<string | null> {
  if (pathname !== '/') return null;
  const session = await sessionToken(cookie);
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.id },
    select: { active: true, sessionVersion: true, passwordChangeRequired: true, teamId: true },
  });
  if (!user || !isCurrentSession(user, session.version) || user.passwordChangeRequired) return null;
  return `${KEPT_DASHBOARD_PREFIX}${keptDashboardVersion()}/${user.teamId ?? 'all'}`;
}
