import 'server-only';
import { db } from '../db';
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
 * edition states (this month, last month, last year) against the figures as they are now. Only
 * editions with a month saved after that revision are recomputed, so the check stays cheap.
 */
export async function listPublishedDrift(actor: Actor, teamIds: string[]): Promise<Drift[]> {
  if (!hasRole(actor, 'ADMIN', 'LEADER')) throw new ForbiddenError();
  const managed = teamIds.filter((id) => canManageTeam(actor, id));
  if (!managed.length) return [];
  const reviews = await db.review.findMany({
    // A year in review's figures are its year's; drift is told for monthly editions.
    where: { teamId: { in: managed }, status: 'PUBLISHED', kind: 'MONTHLY' },
    orderBy: [{ month: 'desc' }],
    select: {
      id: true,
      month: true,
      team: { select: { id: true, name: true, slug: true } },
      revisions: { orderBy: { revision: 'desc' }, take: 1, select: { revision: true, createdAt: true } },
    },
  });
  const oldest = reviews.reduce<Date | null>(
    (min, r) => (r.revisions[0] && (!min || r.revisions[0].createdAt < min) ? r.revisions[0].createdAt : min),
    null,
  );
  if (!oldest) return [];
  const saved = await db.monthFigures.findMany({
    where: { teamId: { in: managed }, updatedAt: { gt: oldest } },
    select: { teamId: true, month: true, updatedAt: true },
  });
  const candidates = reviews.filter((r) => {
    const frozen = r.revisions[0];
    if (!frozen) return false;
    const from = addMonths(r.month, -12);
    return saved.some(
      (f) => f.teamId === r.team.id && f.month >= from && f.month <= r.month && f.updatedAt > frozen.createdAt,
    );
  });
  const drifts: Drift[] = [];
  const catalogs = new Map<string, Awaited<ReturnType<typeof loadCatalog>>>();
  for (const r of candidates) {
    const frozen = r.revisions[0]!;
    const row = await db.reviewRevision.findUniqueOrThrow({
      where: { reviewId_revision: { reviewId: r.id, revision: frozen.revision } },
      select: { snapshot: true },
    });
    const snapshot = row.snapshot as EditionSnapshot;
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
    const changes = diffFacts(figureFacts(snapshot.content), figureFacts(now));
    if (changes.length)
      drifts.push({
        reviewId: r.id,
        team: r.team.name,
        slug: r.team.slug,
        month: r.month,
        revision: frozen.revision,
        changes,
      });
  }
  return drifts;
}

/** A correction note to start from: what changed, as readers will read it. */
export function correctionNoteFor(changes: FactChange[]): string {
  const listed = changes.slice(0, 4).map((c) => `${c.label} ${c.before} → ${c.after}`);
  const more = changes.length > 4 ? `, and ${changes.length - 4} more` : '';
  return `Figures corrected: ${listed.join('; ')}${more}.`.slice(0, 500);
}
