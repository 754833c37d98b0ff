import 'server-only';
import { db } from '../db';
import { hasRole, type Actor } from '../authz';
import { toSafeCsv } from '../csv';
import { ForbiddenError } from '../errors';
import { findTeamBySlug } from '../team-access';
import { chartTable, type ChartSpec, type Row } from '../charts/chart-spec';
import { loadDepartmentGroupsUnchecked, mergedLast, NO_DEPARTMENT, OTHER_DEPARTMENTS } from '../departments/groups';

/** How many published editions the Reach view looks back over, and how many count as "recent". */
export const REACH_EDITIONS = 12;
export const RECENT_EDITIONS = 3;
export { NO_DEPARTMENT, OTHER_DEPARTMENTS };

/** The team itself (leaders and agents), executives and admins see a team's reach. */
export function canSeeReach(actor: Actor, teamId: string): boolean {
  return hasRole(actor, 'ADMIN', 'EXEC') || (hasRole(actor, 'LEADER', 'AGENT') && actor.teamId === teamId);
}

/** The teams whose Reach view the actor may open and that have published an edition. */
export async function listReachTeams(actor: Actor) {
  if (!hasRole(actor, 'ADMIN', 'EXEC', 'LEADER', 'AGENT')) return [];
  return db.team.findMany({
    where: {
      reviews: { some: { status: 'PUBLISHED' } },
      ...(hasRole(actor, 'ADMIN', 'EXEC') ? {} : { id: actor.teamId ?? '' }),
    },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, slug: true },
  });
}

export type ReachEdition = {
  month: string;
  /** Distinct people who opened it (its authors left out), including people deactivated since. */
  readers: number;
  /** Readers among today's active users over today's active users, 0–100; null with nobody active. */
  share: number | null;
  thanks: number;
  notes: number;
};
export type ReachDepartment = { name: string; people: number; readers: number; thanks: number; notes: number };

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A team's reach over its last 12 published editions: per edition unique readers, share of the
 * organisation, thanks and notes; readers by department; and the departments none of whose people
 * opened any of the last three. Counts only: nothing here names or ranks a reader, and departments
 * of fewer than three active people count under "Other departments" (lib/departments/groups.ts).
 */
export async function getReach(actor: Actor, slug: string) {
  // Refuse before revealing whether the team exists.
  if (!hasRole(actor, 'ADMIN', 'EXEC', 'LEADER', 'AGENT')) throw new ForbiddenError();
  const team = await findTeamBySlug(slug);
  if (!canSeeReach(actor, team.id)) throw new ForbiddenError();

  const reviews = (
    await db.review.findMany({
      // The monthly series: a year in review would sit among the months as if it were one.
      where: { teamId: team.id, status: 'PUBLISHED', kind: 'MONTHLY' },
      orderBy: { month: 'desc' },
      take: REACH_EDITIONS,
      select: { id: true, month: true, updatedById: true, revisions: { select: { publishedById: true } } },
    })
  ).reverse();
  const ids = reviews.map((r) => r.id);
  const person = { select: { active: true, departmentId: true } } as const;
  const [views, thanks, activeUsers, groups] = await Promise.all([
    db.reviewView.findMany({
      where: { reviewId: { in: ids } },
      select: { reviewId: true, userId: true, user: person },
    }),
    db.reviewThanks.findMany({
      where: { reviewId: { in: ids }, hiddenAt: null },
      select: { reviewId: true, note: true, user: person },
    }),
    db.user.count({ where: { active: true } }),
    loadDepartmentGroupsUnchecked(),
  ]);

  const departmentOf = (u: { departmentId: string | null }) => groups.of(u.departmentId);
  const people = groups.members;

  const byDepartment = new Map<string, ReachDepartment>();
  const department = (name: string) =>
    byDepartment.get(name) ??
    byDepartment.set(name, { name, people: people.get(name) ?? 0, readers: 0, thanks: 0, notes: 0 }).get(name)!;
  for (const name of people.keys()) department(name);

  const recent = new Set(reviews.slice(-RECENT_EDITIONS).map((r) => r.id));
  const reachedRecently = new Set<string>();
  const rows: Row[] = [];
  const editions: ReachEdition[] = reviews.map((review) => {
    // The edition's authors checking their own work are not readers (as on the edition's panel).
    const authors = new Set([review.updatedById, ...review.revisions.map((r) => r.publishedById)]);
    const readers = views.filter((v) => v.reviewId === review.id && !authors.has(v.userId));
    const row: Row = { month: review.month };
    for (const v of readers) {
      const name = departmentOf(v.user);
      row[name] = (typeof row[name] === 'number' ? row[name] : 0) + 1;
      department(name).readers++;
      if (recent.has(review.id)) reachedRecently.add(name);
    }
    rows.push(row);
    const own = thanks.filter((t) => t.reviewId === review.id);
    for (const t of own) {
      department(departmentOf(t.user)).thanks++;
      if (t.note) department(departmentOf(t.user)).notes++;
    }
    const activeReaders = readers.filter((v) => v.user.active).length;
    return {
      month: review.month,
      readers: readers.length,
      share: activeUsers ? round1((activeReaders / activeUsers) * 100) : null,
      thanks: own.length,
      notes: own.filter((t) => t.note).length,
    };
  });

  // Departments in order of readers; the merged small ones, then people without one, last.
  const departments = [...byDepartment.values()].sort(
    (a, b) => mergedLast(a.name) - mergedLast(b.name) || b.readers - a.readers || a.name.localeCompare(b.name),
  );
  const charted = departments.filter((d) => d.readers > 0);
  // An edition with no reader from a department is a 0 in its bar, not a gap.
  for (const row of rows) for (const d of charted) row[d.name] ??= 0;
  const chart: ChartSpec = {
    id: 'reach',
    title: 'Readers by department',
    description: `Unique readers of each of the last ${REACH_EDITIONS} published editions, by the reader’s department.`,
    kind: 'stacked-bar',
    xKey: 'month',
    xLabel: 'Edition',
    series: charted.map((d) => ({ key: d.name, label: d.name })),
    rows,
    unit: 'readers',
  };
  const notReached = reviews.length
    ? departments.filter((d) => !mergedLast(d.name) && d.people > 0 && !reachedRecently.has(d.name))
    : [];
  return {
    team,
    editions,
    departments,
    chart,
    notReached: notReached.map((d) => d.name),
    recentCount: Math.min(RECENT_EDITIONS, reviews.length),
    activeUsers,
  };
}

export type Reach = Awaited<ReturnType<typeof getReach>>;

/** The Reach chart's CSV: its data table, then each edition's readers, share, thanks and notes. */
export function reachCsv(reach: Reach): { filename: string; csv: string } {
  const { header, rows } = chartTable(reach.chart);
  const body = rows.map((cells, i) => {
    const e = reach.editions[i]!;
    return [...cells, e.readers, e.share, e.thanks, e.notes];
  });
  return {
    filename: `${reach.team.slug}-reach.csv`,
    csv: toSafeCsv([[...header, 'Unique readers', 'Share of organisation (%)', 'Thanks', 'Notes'], ...body]),
  };
}
