// "Needs you": a leader's or admin's to-do for the teams they manage. The same read serves the
// dynamic home page (lib/dashboard/dashboard.ts) and the proxy's gate (lib/kept/gate.ts), which
// names the kept home page after what it returns: the needs are read in one query on every
// request, so whatever changes them (a quote submitted or moderated, figures written, a draft
// started or published, drift found) changes the page asked for, whichever path the write took.
// Only "not credited lately", whose read is costly, is kept per generation and minute, as the
// kept pages are. Imported by proxy.ts (through the gate): no next/headers, no server-only modules.
import { z } from 'zod';
import { db, pool } from '../db';
import { dashboardCacheKey } from '../expiry/generation';
import type { Role } from '../generated/prisma/enums';
import type { Drift } from '../editions/drift';
import { recognitionSince } from '../profiles/recognition-window';

export type DashboardNeeds = {
  pendingQuotes: number;
  missingFigures: { team: string; slug: string; month: string }[];
  editions: { team: string; slug: string; month: string; status: 'none' | 'DRAFT' | 'PUBLISHED' }[];
  drifts: Drift[];
  /** Leaders only: teammates not credited lately (names, alphabetical). */
  uncredited: { id: string; name: string }[];
};

/** Who the needs are for: the active session user (the caller checked the session). */
export type NeedsReader = { id: string; role: Role; teamId: string | null };

type Row = {
  teams: { name: string; slug: string; figures: boolean; status: 'DRAFT' | 'PUBLISHED' | null }[];
  pending: number;
  marked: boolean;
  drifts: Drift[];
};

/**
 * The reader's "Needs you" for `latestComplete`, or null for anyone but a leader or an admin, and
 * whether any published edition of the teams they manage has figures written since its drift was
 * last compared (`marked`): the stored drift is then not current, and only lib/editions/drift.ts
 * (`refreshPublishedDrift`) may bring it up to date. Unchecked: the caller has checked that the
 * reader is the active session user.
 */
export async function readNeedsUnchecked(
  reader: NeedsReader,
  latestComplete: string,
  now: Date = new Date(),
): Promise<{ needs: DashboardNeeds; marked: boolean } | null> {
  if (reader.role !== 'LEADER' && reader.role !== 'ADMIN') return null;
  const admin = reader.role === 'ADMIN';
  // Leaders manage their own team, admins every team (lib/team-access.ts).
  const leader = !admin && reader.teamId !== null;
  const team = reader.teamId ?? '';
  // The praise's own date (a quote's "received on", a win's date), as lib/profiles/recognition.ts.
  const since = recognitionSince(now).toISOString().slice(0, 10);
  const uncreditedRead = leader ? uncreditedOfTeam(team, since) : Promise.resolve([]);
  // Straight through pg, as the session's user: this read comes before every leader's and admin's
  // home page (lib/db.ts says why).
  const { rows } = await pool.query<Row>(
    `WITH managed AS (SELECT id, name, slug FROM "Team" WHERE $1::boolean OR ($2::boolean AND id = $3))
    SELECT
      COALESCE((SELECT json_agg(json_build_object(
          'name', m.name, 'slug', m.slug,
          'figures', EXISTS (SELECT 1 FROM "MonthFigures" f WHERE f."teamId" = m.id AND f.month = $4),
          'status', (SELECT r.status::text FROM "Review" r WHERE r."teamId" = m.id AND r.month = $4)
        ) ORDER BY m.name, m.id) FROM managed m), '[]'::json) AS teams,
      CASE WHEN $2::boolean
        THEN (SELECT count(*)::int FROM "Quote" q WHERE q."teamId" = $3 AND q.status = 'PENDING') ELSE 0 END AS pending,
      EXISTS (SELECT 1 FROM "Review" r JOIN managed m ON m.id = r."teamId"
        WHERE r.status = 'PUBLISHED' AND r.kind = 'MONTHLY' AND r."driftEpoch" <> r."driftCheckedEpoch") AS marked,
      COALESCE((SELECT json_agg(json_build_object(
          'reviewId', r.id, 'team', m.name, 'slug', m.slug, 'month', r.month, 'revision', v.revision, 'changes', r.drift
        ) ORDER BY r.month DESC, m.name, r.id)
        FROM "Review" r JOIN managed m ON m.id = r."teamId"
        JOIN LATERAL (SELECT max(rv.revision) AS revision FROM "ReviewRevision" rv WHERE rv."reviewId" = r.id) v
          ON v.revision IS NOT NULL
        WHERE r.status = 'PUBLISHED' AND r.kind = 'MONTHLY' AND r.drift IS NOT NULL), '[]'::json) AS drifts`,
    [admin, leader, team, latestComplete],
  );
  const row = rows[0];
  if (!row) return null;
  const uncredited = (await uncreditedRead).filter((u) => u.id !== reader.id);
  return {
    marked: row.marked,
    needs: {
      editions: row.teams.map((t) => ({
        team: t.name,
        slug: t.slug,
        month: latestComplete,
        status: t.status ?? 'none',
      })),
      pendingQuotes: row.pending,
      missingFigures: row.teams
        .filter((t) => !t.figures)
        .map((t) => ({ team: t.name, slug: t.slug, month: latestComplete })),
      drifts: row.drifts,
      uncredited,
    },
  };
}

type Uncredited = { id: string; name: string }[];
type UncreditedEntry = { key: string; list: Promise<Uncredited> };
// On globalThis: the proxy and the app's routes are separate bundles of one process.
const g = globalThis as unknown as { serviceReviewUncredited?: Map<string, UncreditedEntry> };
const uncreditedByTeam = (g.serviceReviewUncredited ??= new Map());

/**
 * The team's active agents and leaders whom no approved quote and no win credited since `since`
 * (the rule of lib/profiles/recognition.ts, before leaving the reader out). Its one costly read
 * (every credit of every teammate: 50 ms on the benchmark's 100,000 quotes) is kept as the kept
 * pages are (lib/kept/gate.ts): per generation — raised by every write that changes it through the
 * app (a moderation, a win, a user, an erasure: they call expireDashboard()) — and per minute,
 * which bounds what a write that raises nothing leaves stale.
 */
function uncreditedOfTeam(teamId: string, since: string): Promise<Uncredited> {
  const key = `${dashboardCacheKey()}:${Math.floor(Date.now() / 60_000)}:${since}`;
  const entry = uncreditedByTeam.get(teamId);
  if (entry?.key === key) return entry.list;
  const list = db.$queryRaw<Uncredited>`
    SELECT u.id, u.name FROM "User" u
    WHERE u."teamId" = ${teamId} AND u.active AND u.role IN ('AGENT', 'LEADER')
      AND NOT EXISTS (SELECT 1 FROM "QuoteCredit" c JOIN "Quote" q ON q.id = c."quoteId"
        WHERE c."userId" = u.id AND q.status = 'APPROVED' AND q."receivedOn" >= ${since}::date)
      AND NOT EXISTS (SELECT 1 FROM "WinCredit" c JOIN "Win" w ON w.id = c."winId"
        WHERE c."userId" = u.id AND w."deletedAt" IS NULL AND w."occurredOn" >= ${since}::date)
    ORDER BY u.name, u.id`;
  // Bounded by the teams; a failed read is not kept.
  uncreditedByTeam.set(teamId, { key, list });
  list.catch(() => {
    if (uncreditedByTeam.get(teamId)?.list === list) uncreditedByTeam.delete(teamId);
  });
  return list;
}

/**
 * The needs as one segment of the kept home page's address (base64url JSON: nothing in it needs
 * percent-decoding), and back. The page renders exactly what the gate read, so no write between
 * the two can make a page show other needs than its name says.
 */
export function needsSegment(needs: DashboardNeeds): string {
  return Buffer.from(JSON.stringify(needs), 'utf8').toString('base64url');
}

const needsSchema = z.object({
  pendingQuotes: z.number().int().min(0),
  missingFigures: z.array(z.object({ team: z.string(), slug: z.string(), month: z.string() })),
  editions: z.array(
    z.object({
      team: z.string(),
      slug: z.string(),
      month: z.string(),
      status: z.enum(['none', 'DRAFT', 'PUBLISHED']),
    }),
  ),
  drifts: z.array(
    z.object({
      reviewId: z.string(),
      team: z.string(),
      slug: z.string(),
      month: z.string(),
      revision: z.number().int(),
      changes: z.array(z.object({ key: z.string(), label: z.string(), before: z.string(), after: z.string() })),
    }),
  ),
  uncredited: z.array(z.object({ id: z.string(), name: z.string() })),
}) satisfies z.ZodType<DashboardNeeds>;

/** The needs a segment names; throws on anything the gate could not have written. */
export function segmentNeeds(segment: string): DashboardNeeds {
  return needsSchema.parse(JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')));
}
