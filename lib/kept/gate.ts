// The gate in front of the kept pages that every reader sees alike: the dashboard's cards, trends
// and the quote wall (app/(reader)/kept/…). Imported by proxy.ts, so nothing here may need
// next/headers or server-only modules.
//
// These pages show the same thing to every reader, given the address: only the dashboard's order
// (the reader's own team first), trends' default team (the reader's own) and the wall's
// "Submit a quote" (agents and leaders) depend on who reads, and those go into the kept page's
// address. Leaders' and admins' dashboards carry "Needs you", their own to-do: the gate reads it on
// every request (lib/dashboard/needs.ts) and puts it in the address too. So each is rendered once
// per version and served from Next's page cache. The version is this
// instance, its generation of what these pages show (lib/expiry/generation.ts, raised by every
// write that calls expireDashboard(), here or through NOTIFY elsewhere) and the minute, which
// bounds what a lost notification or a change that raises nothing leaves stale. What is the
// reader's own — their header and name — the page fetches from /api/reader, which goes through
// lib/ as every route does.
//
// As for the published edition (lib/readership/edition-gate.ts), a kept page cannot ask who reads it:
// the proxy rewrites to it only when this gate opens, for an active signed-in user (read from the
// database, session version checked, one-time password replaced); anyone else gets the dynamic
// page, whose guards answer as before.
import { sessionUserFromCookie } from '../session-user';
import { dashboardCacheKey } from '../expiry/generation';
import { fingerprint } from '../fingerprint';
import { querySegment, searchParamsRecord } from '../search-params';
import { canonicalWallQuery } from '../quotes/wall-query-string';
import { canonicalTrendsQuery, trendsQuerySchema } from '../trends/query';
import { wallFilterSchema } from '../quotes/schemas';
import { addMonths, currentMonth } from '../dates/month';
import { knownValues, type KnownValues } from './known';
import { needsSegment, readNeedsUnchecked } from '../dashboard/needs';

/** Where kept pages live. Not public: the proxy refuses it unless the gate rewrote to it. */
export const KEPT_PREFIX = '/kept/';

/** The addresses this gate may open: the dashboard, trends and the quote wall. */
export const KEPT_PAGE_PATHS: readonly string[] = ['/', '/trends', '/quotes'];

/** How long one rendering is served: a minute, the dashboard cards' own lifetime. */
const LIFETIME_MS = 60_000;

/**
 * A version: this instance and its generation, fingerprinted (readers see the version, in
 * x-middleware-rewrite, not how often others write), and the minute.
 */
function versionAt(instance: string, generation: number, minute: number): string {
  return `${fingerprint(`${instance}:${generation}`).toString(36)}.${minute.toString(36)}`;
}

function current(now: number) {
  const [instance, generation] = dashboardCacheKey().split(':');
  return { instance: instance!, generation: Number(generation), minute: Math.floor(now / LIFETIME_MS) };
}

/** The current version. */
export function keptVersion(now = Date.now()): string {
  const { instance, generation, minute } = current(now);
  return versionAt(instance, generation, minute);
}

/**
 * Whether a kept page may be rendered under this version: the current one, or one the gate may
 * have named an instant ago (the minute or the generation moved on since). Anything else is not
 * kept: the page throws, and Next keeps no error. The proxy refuses kept addresses to everyone
 * but the gate; this is the same rule again where the page is rendered.
 */
export function isKeptVersion(version: string, now = Date.now()): boolean {
  const { instance, generation, minute } = current(now);
  for (let g = generation; g >= Math.max(0, generation - 2); g--)
    for (const m of [minute, minute - 1]) if (version === versionAt(instance, g, m)) return true;
  return false;
}

/** What the gate puts in a kept page's address after the version. */
export const KEPT_SEGMENTS = {
  team: /^(all|any|[A-Za-z0-9_-]{1,64})$/,
  submit: /^(submit|read)$/,
  query: /^(-|[A-Za-z0-9_-]{1,16000})$/,
  /**
   * A leader's or admin's "Needs you" (lib/dashboard/needs.ts); longer ones get the dynamic page.
   * Short: Next echoes the rewritten address in a response header, which proxies cap at 4–8 KB.
   */
  needs: /^[A-Za-z0-9_-]{1,2000}$/,
};

/**
 * Throws unless the gate could have named this address: a kept page never renders (and so never
 * keeps) anything else, whoever asks. The proxy already refuses kept addresses to all but the gate.
 */
export function assertKeptAddress(version: string, ...segments: [value: string, pattern: RegExp][]): void {
  if (!isKeptVersion(version) || segments.some(([value, pattern]) => !pattern.test(value)))
    throw new Error('Not an address the gate names.');
}

/**
 * The kept page for this reader and address, or null to let the dynamic page answer. Never throws
 * for bad input (an address the dynamic page would refuse or correct is left to it).
 */
export async function keptPagePath(cookie: string | null, pathname: string, search: string): Promise<string | null> {
  if (!KEPT_PAGE_PATHS.includes(pathname)) return null;
  const params = new URLSearchParams(search);
  // Next's own cache-busting parameter on in-app navigations (the proxy sees it): not the page's.
  params.delete('_rsc');
  if (pathname === '/' && params.size) return null;
  // A search of the wall and its further pages are one reader's passing views: kept, they would
  // only push the views everyone shares out of the cache.
  if (pathname === '/quotes' && (params.has('q') || params.has('after') || params.has('before'))) return null;
  const trends = pathname === '/trends' ? canonicalTrendsQuery(params) : null;
  const wall = pathname === '/quotes' ? canonicalWallQuery(params) : null;
  // Active, session current (lib/session-user.ts), and any one-time password replaced.
  const user = await sessionUserFromCookie(cookie);
  if (!user || user.passwordChangeRequired) return null;
  const version = keptVersion();
  // Named only after values that exist: anything else would be one more page kept for nobody.
  if (pathname !== '/') {
    const names = async (refresh: boolean) =>
      namesOnlyKnownValues(pathname, params, await knownValues(version, { refresh }));
    if (!(await names(false)) && !(await names(true))) return null;
  }
  const team = user.teamId ?? 'all';
  if (pathname === '/') {
    if (user.role !== 'LEADER' && user.role !== 'ADMIN') return `${KEPT_PREFIX}dashboard/${version}/${team}`;
    // Leaders and admins have "Needs you" on top, their own to-do, there from the first byte. It is
    // read here, fresh, on every request, and the kept page is named after it: one rendering per
    // version and to-do, shared by every reader with the same to-do. Drift not yet compared since
    // figures were written is for the dynamic page, which compares it (the next view is kept).
    const read = await readNeedsUnchecked(user, addMonths(currentMonth(), -1));
    if (!read || read.marked) return null;
    const needs = needsSegment(read.needs);
    return KEPT_SEGMENTS.needs.test(needs) ? `${KEPT_PREFIX}dashboard/${version}/${team}/${needs}` : null;
  }
  if (trends !== null) {
    // Trends without a team show the reader's own: only then does the reader's team matter.
    return `${KEPT_PREFIX}trends/${version}/${trends.hasTeam ? 'any' : team}/${querySegment(trends.query)}`;
  }
  const submit = user.role === 'AGENT' || user.role === 'LEADER' ? 'submit' : 'read';
  return `${KEPT_PREFIX}quotes/${version}/${submit}/${querySegment(wall!)}`;
}

/**
 * Whether every value a trends or wall address names exists: its teams, KPIs and person, and months
 * within the data (from the first month holding figures or quotes to the latest a page shows).
 * Values the page ignores as malformed are not counted: the canonical form has already dropped them.
 */
export function namesOnlyKnownValues(pathname: string, params: URLSearchParams, known: KnownValues): boolean {
  const record = searchParamsRecord(params);
  // The first month of the teams named (of any team when none is), through the latest a page shows.
  const within = (month: string, firsts: ReadonlyMap<string, string>, teams: string[], last: string) => {
    const first = (teams.length ? teams : ['']).map((t) => firsts.get(t)).sort()[0];
    return first !== undefined && month >= first && month <= last;
  };
  if (pathname === '/trends') {
    const q = trendsQuerySchema.parse(record);
    const latest = addMonths(currentMonth(), -1);
    return (
      q.team.every((slug) => known.teamSlugs.has(slug)) &&
      q.kpi.every((key) => known.kpiKeys.has(key)) &&
      // A chosen span is named by its months only when the page shows it (range "From – to").
      (q.range !== 'custom' ||
        [q.from, q.to].every((m) => m === undefined || within(m, known.firstFigureMonth, q.team, latest)))
    );
  }
  const wall = wallFilterSchema.parse(record);
  return (
    (!wall.team || known.teamSlugs.has(wall.team)) &&
    (!wall.person || known.personIds.has(wall.person)) &&
    (!wall.month || within(wall.month, known.firstQuoteMonth, wall.team ? [wall.team] : [], currentMonth()))
  );
}
