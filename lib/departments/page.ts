import 'server-only';
import { db } from '../db';
import { assertRole, assertSignedIn, type Actor } from '../authz';
import { NotFoundError } from '../errors';
import { addMonths, currentMonth, monthsBetween } from '../dates/month';
import { OUTCOME_KIND_LABELS } from '../outcomes/schemas';
import { ALL_KEY, chartTable, type ChartSpec, type Row } from '../charts/chart-spec';
import { toSafeCsv } from '../csv';
import { MIN_GROUP_SIZE } from './groups';
import { countCausedUnchecked, countedMonthsUnchecked, monthsWithReasonsUnchecked } from './counts';
import { DIMENSIONS, dimensionIn } from './dimension';

export const DEPARTMENT_MONTHS = 12;

/**
 * The last twelve months that figures reach, the latest last: figures for a month are entered
 * after it ends, so a window ending at today's month would show an empty month and push out the
 * one a year before it (December's peak, read in December). The same window for every department
 * and the map, so they agree.
 */
async function lastMonths(now: Date): Promise<string[]> {
  const current = currentMonth(now);
  const latest = await db.monthFigures.aggregate({ _max: { month: true }, where: { month: { lte: current } } });
  const to = latest._max.month ?? current;
  return monthsBetween(addMonths(to, -(DEPARTMENT_MONTHS - 1)), to);
}

export type DepartmentPage = Awaited<ReturnType<typeof getDepartmentPage>>;

/**
 * A department's page, for every signed-in user: contacts its reasons caused across all teams over
 * the last twelve months (chart, table, CSV), asks to it and their answers, outcomes it brought
 * about, and its readership as counts, withheld under three members or three readers. Nothing
 * names or ranks a person.
 */
export async function getDepartmentPage(actor: Actor, departmentId: string, now = new Date()) {
  assertSignedIn(actor);
  const department = await db.department.findUnique({
    where: { id: departmentId },
    select: { id: true, name: true },
  });
  if (!department) throw new NotFoundError('No such department.');
  const months = await lastMonths(now);
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const owned = {
    where: { departmentId },
    orderBy: [{ team: { name: 'asc' as const } }, { position: 'asc' as const }],
    select: { id: true, name: true, archivedAt: true, team: { select: { id: true, name: true, slug: true } } },
  };
  const [caused, reasonRows, segmentRows, channelRows, asks, outcomes, members] = await Promise.all([
    countCausedUnchecked({ from: first, to: last, departmentId }),
    db.contactReason.findMany(owned),
    db.segment.findMany(owned),
    db.channel.findMany(owned),
    db.ask.findMany({
      // Asks become the department's to see once the edition that raised them is published.
      where: { departmentId, review: { status: 'PUBLISHED' } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: 50,
      select: {
        id: true,
        title: true,
        status: true,
        answer: true,
        answeredAt: true,
        team: { select: { name: true } },
      },
    }),
    db.outcome.findMany({
      where: { deletedAt: null, ask: { departmentId } },
      orderBy: [{ occurredOn: 'desc' }, { id: 'asc' }],
      take: 50,
      select: { id: true, kind: true, text: true, occurredOn: true, team: { select: { name: true } } },
    }),
    db.user.count({ where: { departmentId, active: true } }),
  ]);
  const reasons = [
    ...reasonRows.map((r) => ({ ...r, kind: 'reason' as const })),
    ...segmentRows.map((r) => ({ ...r, kind: 'segment' as const })),
    ...channelRows.map((r) => ({ ...r, kind: 'channel' as const })),
  ];
  const teams = new Map<string, { id: string; name: string; slug: string }>();
  for (const r of reasons) teams.set(r.team.id, r.team);
  // Per team and month, the one list the department's contacts are counted from (dimension.ts): an
  // archived item decides only the months it holds a count in.
  const archivedCounts = await countedMonthsUnchecked(
    reasons.filter((r) => r.archivedAt !== null),
    first,
    last,
  );
  const dimensionAt = (teamId: string, month: string | null) =>
    dimensionIn(
      reasons
        .filter((r) => r.team.id === teamId)
        .map((r) => ({
          dimension: r.kind,
          archived: r.archivedAt !== null,
          counted: month !== null && archivedCounts.has(`${r.id}|${month}`),
        })),
    );
  const teamIds = [...new Set(caused.map((c) => c.teamId))];
  for (const t of await db.team.findMany({
    where: { id: { in: teamIds.filter((id) => !teams.has(id)) } },
    select: { id: true, name: true, slug: true },
  }))
    teams.set(t.id, t);
  const series = teamIds
    .map((id) => teams.get(id)!)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) => ({ key: t.slug, label: t.name }));
  // A team's month without counts in the list the department is counted from is a gap ("–"), not a
  // zero (the edition's section says the same); with counts and nothing caused, 0.
  const entered = new Set<string>();
  for (const id of teams.keys())
    for (const dimension of DIMENSIONS) {
      const inList = months.filter((m) => dimensionAt(id, m) === dimension);
      if (inList.length)
        for (const month of await monthsWithReasonsUnchecked(db, id, inList, dimension)) entered.add(`${id}|${month}`);
    }
  const rows: Row[] = months.map((month) => {
    const row: Row = { month };
    let total: number | null = null;
    for (const s of series) {
      const team = [...teams.values()].find((t) => t.slug === s.key)!;
      const n =
        caused.find((c) => c.month === month && c.teamId === team.id)?.contacts ??
        (entered.has(`${team.id}|${month}`) ? 0 : null);
      row[s.key] = n;
      if (n !== null) total = (total ?? 0) + n;
    }
    row[ALL_KEY] = total;
    return row;
  });
  const chart: ChartSpec = {
    id: 'contacts',
    title: `Contacts caused by ${department.name}’s reasons`,
    description: `Contacts each month whose reason (or, in a team where ${department.name} owns no reason, segment or channel) is linked to ${department.name}, by the team that took them; as linked today.`,
    kind: 'stacked-bar',
    xKey: 'month',
    xLabel: 'Month',
    series,
    rows,
    unit: 'contacts',
  };
  // Readership: counts only, and none at all for a department too small to stay anonymous.
  const small = members < MIN_GROUP_SIZE;
  const since = new Date(now.getTime() - 365 * 24 * 3600 * 1000);
  const views = small
    ? []
    : await db.reviewView.findMany({
        where: { createdAt: { gte: since }, user: { departmentId } },
        select: { userId: true },
      });
  const readers = new Set(views.map((v) => v.userId)).size;
  return {
    department,
    months,
    chart,
    reasons: reasons
      .map((r) => ({
        team: r.team.name,
        reason: r.name,
        kind: r.kind,
        archived: r.archivedAt !== null,
        // The list new months count from: an archived item counts only in the months it was counted in.
        countedFrom: dimensionAt(r.team.id, null) ?? r.kind,
      }))
      .sort((a, b) => a.team.localeCompare(b.team)),
    asks: asks.map((a) => ({ ...a, team: a.team.name })),
    outcomes: outcomes.map((o) => ({
      id: o.id,
      kindLabel: OUTCOME_KIND_LABELS[o.kind],
      text: o.text,
      occurredOn: o.occurredOn,
      team: o.team.name,
    })),
    readership: small
      ? ({ shown: false, reason: 'members' } as const)
      : readers < MIN_GROUP_SIZE
        ? ({ shown: false, reason: 'readers' } as const)
        : ({ shown: true, members, readers, views: views.length } as const),
  };
}

/** The department page's chart as CSV: its data table, row for row. */
export function departmentCsv(page: DepartmentPage): { filename: string; csv: string } {
  const { header, rows } = chartTable(page.chart);
  const slug =
    page.department.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'department';
  return { filename: `${slug}-contacts.csv`, csv: toSafeCsv([header, ...rows]) };
}

/**
 * The exec map: departments × the last twelve months of contacts their reasons caused, across all
 * teams, with the latest month's biggest movers against the month before. Execs and admins.
 */
export async function getDepartmentMap(actor: Actor, now = new Date()) {
  assertRole(actor, 'EXEC', 'ADMIN');
  const months = await lastMonths(now);
  const caused = await countCausedUnchecked({ from: months[0]!, to: months[months.length - 1]! });
  const departments = await db.department.findMany({
    where: { id: { in: [...new Set(caused.map((c) => c.departmentId))] } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  const cell = (departmentId: string, month: string) => {
    const own = caused.filter((c) => c.departmentId === departmentId && c.month === month);
    return own.length ? own.reduce((a, c) => a + c.contacts, 0) : null;
  };
  const rows = departments.map((d) => ({ ...d, counts: months.map((m) => cell(d.id, m)) }));
  // The latest month any department has figures for, against the month before it.
  const latest = [...months].reverse().find((m) => caused.some((c) => c.month === m)) ?? null;
  const movers = latest
    ? rows
        .map((d) => {
          const value = cell(d.id, latest) ?? 0;
          const before = cell(d.id, addMonths(latest, -1)) ?? 0;
          return { id: d.id, name: d.name, value, before, delta: value - before };
        })
        .filter((m) => m.delta !== 0)
        .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.name.localeCompare(b.name))
        .slice(0, 5)
    : [];
  return { months, rows, latest, movers };
}

/** Departments that own at least one reason, segment or channel: the ones with a page worth opening (for the reach view). */
export async function listLensDepartments(actor: Actor): Promise<{ id: string; name: string }[]> {
  assertSignedIn(actor);
  return db.department.findMany({
    where: { OR: [{ contactReasons: { some: {} } }, { segments: { some: {} } }, { channels: { some: {} } }] },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
}
