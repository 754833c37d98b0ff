// How a published edition's cached page is named: /editions/<review>/<version>, the version
// changing whenever anything the page shows changes. Pure, so tests can name a version too.
import { fingerprint } from '../fingerprint';
import { isPeriod } from './period';

/** The path of the cached page. Not public: the proxy refuses it unless the gate rewrote to it. */
export const KEPT_EDITION_PREFIX = '/editions/';

const EDITION_PATH = /^\/reviews\/([a-z0-9-]{1,80})\/(\d{4}(?:-\d{2})?)$/;

/** `/reviews/<team>/<period>` → its parts, or null for any other path. */
export function editionPathParts(pathname: string): { slug: string; period: string } | null {
  const match = EDITION_PATH.exec(pathname);
  return match && isPeriod(match[2]!) ? { slug: match[1]!, period: match[2]! } : null;
}

type VersionInput = {
  publishedAt: Date | null;
  /** `zone`: the team's own time zone, or the organisation's when it has none. */
  team: { name: string; slug: string; zone: string };
  revisions: { revision: number; updatedAt: Date }[];
};

/**
 * Everything the cached page shows comes from these: the latest revision (its number and when its
 * snapshot last changed), when it was first published, and the team's name, slug and time zone
 * (not the team row's updatedAt: a new API token or webhook must not make every edition anew).
 */
export function versionOf(review: VersionInput): string | null {
  const latest = review.revisions[0];
  if (!latest || !review.publishedAt) return null;
  const team = fingerprint([review.team.name, review.team.slug, review.team.zone].join('\n'));
  return [latest.revision, latest.updatedAt.getTime(), team, review.publishedAt.getTime()]
    .map((n) => n.toString(36))
    .join('-');
}

export const versionSelect = {
  id: true,
  publishedAt: true,
  team: { select: { name: true, slug: true, timeZone: true } },
  revisions: { orderBy: { revision: 'desc' as const }, take: 1, select: { revision: true, updatedAt: true } },
};
