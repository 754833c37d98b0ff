// The gate in front of the per-revision edition cache (lib/readership/edition-cache.ts). Imported by
// proxy.ts, so nothing here may need next/headers or server-only modules.
//
// A published edition is the same page for every reader until a correction, a privacy rewrite
// or a change to its team. So it is rendered once per version and served from Next's page cache
// (app/(reader)/editions/[review]/[version]); what differs per reader (their thanks, their email
// choice, the readership panel, the navigation) is fetched by the page itself from
// /api/editions/<review>/reader, which goes through lib/ as every route does.
//
// The cached page cannot ask who reads it, so it is reachable only through the gate below, which
// the proxy runs on `GET /reviews/<team>/<period>`: it opens the cached version only to an active,
// signed-in user (read from the database, session version checked, one-time password replaced)
// and only for a published edition. Any other request goes on to the dynamic page, whose own
// guards answer it (sign-in redirect, password page, 404) exactly as before.
import { db } from '../db';
import { env } from '../env.js';
import { isCurrentSession, sessionToken } from '../session-user';
import { lensVersion } from '../departments/lens-path';
import { editionPathParts, KEPT_EDITION_PREFIX, versionOf } from '../editions/version';

type GateRow = {
  active: boolean;
  sessionVersion: number;
  passwordChangeRequired: boolean;
  departmentId: string | null;
  reviewId: string | null;
  publishedAt: Date | null;
  teamName: string | null;
  teamSlug: string | null;
  teamTimeZone: string | null;
  revision: number | null;
  revisionUpdatedAt: Date | null;
};

/**
 * The gate: the cached page's path for this reader and edition, or null to let the dynamic page
 * answer. The reader is checked as lib/session-user.ts checks every request (active, session
 * version, one-time password replaced); reader and edition are read in one round trip, since the
 * gate is most of what a cached view costs. Never throws for bad input; a database error
 * propagates (the proxy then lets the dynamic page answer, which reports it as usual).
 */
export async function keptEditionPath(cookie: string | null, pathname: string): Promise<string | null> {
  const parts = editionPathParts(pathname);
  if (!parts) return null;
  const session = await sessionToken(cookie);
  if (!session) return null;
  const [row] = await db.$queryRaw<GateRow[]>`
    SELECT u.active, u."sessionVersion", u."passwordChangeRequired", u."departmentId",
           r.id AS "reviewId", r."publishedAt", t.name AS "teamName", t.slug AS "teamSlug", t."timeZone" AS "teamTimeZone",
           rr.revision, rr."updatedAt" AS "revisionUpdatedAt"
    FROM "User" u
    LEFT JOIN "Team" t ON t.slug = ${parts.slug}
    LEFT JOIN "Review" r ON r."teamId" = t.id AND r.month = ${parts.period} AND r.status = 'PUBLISHED'
    LEFT JOIN LATERAL (
      SELECT revision, "updatedAt" FROM "ReviewRevision" WHERE "reviewId" = r.id ORDER BY revision DESC LIMIT 1
    ) rr ON true
    WHERE u.id = ${session.id}`;
  if (!row || !isCurrentSession(row, session.version) || row.passwordChangeRequired) return null;
  if (!row.reviewId || row.revision === null || !row.revisionUpdatedAt || !row.teamName || !row.teamSlug) return null;
  const version = versionOf({
    publishedAt: row.publishedAt,
    team: { name: row.teamName, slug: row.teamSlug, zone: row.teamTimeZone ?? env().APP_TIME_ZONE },
    revisions: [{ revision: row.revision, updatedAt: row.revisionUpdatedAt }],
  });
  return version ? `${KEPT_EDITION_PREFIX}${row.reviewId}/${lensVersion(version, row.departmentId)}` : null;
}
