import 'server-only';
import { db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { hasRole, type Actor } from '../authz';
import { ForbiddenError } from '../errors';
import { loadCatalog, readMonths } from '../figures/figures';
import { addMonths } from '../dates/month';
import { canManageTeam } from '../team-access';
import { diffFacts, figureFacts, type FactChange } from './basis';
import { buildContent, type EditionSnapshot } from './content';

export type Drift = {
  reviewId: string;
  team: string;
  slug: string;
  month: string;
  revision: number;
  changes: FactChange[];
};

/**
 * Published editions whose figures changed since their latest revision froze them: what the
 * edition states (this month, last month, last year) against the figures as they are now. Read
 * from what is stored: every write of figures marks the editions it touches in its own transaction
 * (lib/figures/figures.ts raises `driftEpoch`), and each marked edition is compared once, here, then
 * kept with the epoch it was compared at. A view of "Needs you" with nothing written since reads
 * one row per drifted edition and computes nothing.
 */
export async function listPublishedDrift(actor: Actor, teamIds: string[]): Promise<Drift[]> {
  const managed = await refreshPublishedDrift(actor, teamIds);
  if (!managed.length) return [];
  const reviews = await db.review.findMany({
    // A year in review's figures are its year's; drift is told for monthly editions.
    where: { teamId: { in: managed }, status: 'PUBLISHED', kind: 'MONTHLY', drift: { not: Prisma.DbNull } },
    orderBy: [{ month: 'desc' }],
    select: {
      id: true,
      month: true,
      drift: true,
      team: { select: { name: true, slug: true } },
      revisions: { orderBy: { revision: 'desc' }, take: 1, select: { revision: true } },
    },
  });
  return reviews.flatMap((r) =>
    r.revisions[0]
      ? [
          {
            reviewId: r.id,
            team: r.team.name,
            slug: r.team.slug,
            month: r.month,
            revision: r.revisions[0].revision,
            changes: r.drift as FactChange[],
          },
        ]
      : [],
  );
}

/**
 * Brings the stored drift of the published editions of these teams (those the actor manages) up to
 * date, and returns the teams it looked at. "Needs you" (lib/dashboard/needs.ts) then reads what is
 * stored.
 */
export async function refreshPublishedDrift(actor: Actor, teamIds: string[]): Promise<string[]> {
  if (!hasRole(actor, 'ADMIN', 'LEADER')) throw new ForbiddenError();
  const managed = teamIds.filter((id) => canManageTeam(actor, id));
  if (managed.length) await refreshMarkedDrift(managed);
  return managed;
}

/**
 * Compares each marked edition of these teams with the figures as they are now and keeps the
 * answer with the epoch it was read at. A write that lands meanwhile raised the epoch again, so
 * the answer is not kept as current and the next look compares again.
 */
async function refreshMarkedDrift(teamIds: string[]): Promise<void> {
  const marked = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Review"
    WHERE "teamId" IN (${Prisma.join(teamIds)}) AND status = 'PUBLISHED' AND kind = 'MONTHLY'
      AND "driftEpoch" <> "driftCheckedEpoch"`;
  if (!marked.length) return;
  const catalogs = new Map<string, Awaited<ReturnType<typeof loadCatalog>>>();
  for (const { id } of marked) {
    const r = await db.review.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        month: true,
        driftEpoch: true,
        team: { select: { id: true, name: true, slug: true } },
        revisions: { orderBy: { revision: 'desc' }, take: 1, select: { snapshot: true } },
      },
    });
    const frozen = r.revisions[0];
    let changes: FactChange[] = [];
    if (frozen) {
      const catalog = catalogs.get(r.team.id) ?? (await loadCatalog(db, r.team.id));
      catalogs.set(r.team.id, catalog);
      const records = await readMonths(db, r.team.id, addMonths(r.month, -12), r.month);
      const now = buildContent({
        team: { name: r.team.name, slug: r.team.slug },
        month: r.month,
        catalog,
        records,
        quotes: [],
        wins: [],
        updates: [],
      });
      changes = diffFacts(figureFacts((frozen.snapshot as EditionSnapshot).content), figureFacts(now));
    }
    await db.review.updateMany({
      where: { id: r.id, driftEpoch: r.driftEpoch },
      data: {
        drift: changes.length ? (changes as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
        driftCheckedEpoch: r.driftEpoch,
      },
    });
  }
}

/** A correction note to start from: what changed, as readers will read it. */
export function correctionNoteFor(changes: FactChange[]): string {
  const listed = changes.slice(0, 4).map((c) => `${c.label} ${c.before} → ${c.after}`);
  const more = changes.length > 4 ? `, and ${changes.length - 4} more` : '';
  return `Figures corrected: ${listed.join('; ')}${more}.`.slice(0, 500);
}
