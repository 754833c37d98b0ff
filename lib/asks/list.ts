import 'server-only';
import { db, type Prisma } from '../db';
import { assertSignedIn, type Actor } from '../authz';
import { formatInstantDay } from '../dates/zone';
import { pageWindow } from '../paging';
import { appTimeZone } from '../time-zone';
import { canAnswerAsk, departmentOf } from './asks';
import type { AskListFilter } from './schemas';

export const ASKS_PAGE_SIZE = 25;

const askSelect = {
  id: true,
  teamId: true,
  departmentId: true,
  title: true,
  details: true,
  status: true,
  answer: true,
  answeredAt: true,
  updatedAt: true,
  answeredBy: { select: { id: true, name: true } },
  department: { select: { id: true, name: true } },
  team: { select: { name: true, slug: true, timeZone: true } },
  review: { select: { month: true, title: true } },
} as const satisfies Prisma.AskSelect;

type Row = Prisma.AskGetPayload<{ select: typeof askSelect }>;

/** One ask as the page shows it: days in the asking team's zone, and whether this viewer may answer. */
function present(actor: Actor, department: string | null, row: Row) {
  return {
    id: row.id,
    title: row.title,
    details: row.details,
    status: row.status,
    answer: row.answer,
    answeredBy: row.answeredBy,
    answeredOn: row.answeredAt ? formatInstantDay(row.answeredAt, row.team.timeZone ?? appTimeZone()) : null,
    department: row.department,
    team: { name: row.team.name, slug: row.team.slug },
    edition: { month: row.review.month, title: row.review.title },
    /** The form sends it back, so an answer given meanwhile is not overwritten. */
    seen: row.updatedAt.toISOString(),
    canAnswer: canAnswerAsk(actor, department, row),
  };
}
export type AskRow = ReturnType<typeof present>;

// Open work first, then the newest: what a department needs to act on comes to the top.
const order: Prisma.AskOrderByWithRelationInput[] = [
  { department: { name: 'asc' } },
  { status: 'asc' },
  { createdAt: 'desc' },
  { id: 'asc' },
];

/**
 * The asks page: asks of published editions (a draft's asks exist only for its team's leaders),
 * filtered from the URL. A viewer with a department sees the asks addressed to it first (their
 * own section, never paged away), then every other department's, grouped by department and paged.
 */
export async function listAsks(actor: Actor, filter: AskListFilter) {
  assertSignedIn(actor);
  const department = await departmentOf(actor);
  const [departments, teams] = await Promise.all([
    db.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true } }),
  ]);
  const base: Prisma.AskWhereInput = {
    review: { status: 'PUBLISHED' },
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.team ? { team: { slug: filter.team } } : {}),
  };
  // "Addressed to your department" is its own section unless the filter already picks a department.
  const splitMine = department !== null && !filter.department;
  const mine = splitMine
    ? await db.ask.findMany({ where: { ...base, departmentId: department }, orderBy: order, select: askSelect })
    : [];
  const restWhere: Prisma.AskWhereInput = {
    ...base,
    ...(filter.department
      ? { departmentId: filter.department }
      : splitMine
        ? { departmentId: { not: department } }
        : {}),
  };
  const total = await db.ask.count({ where: restWhere });
  const { page, pageCount, skip, take } = pageWindow(filter.page, total, ASKS_PAGE_SIZE);
  const rest = await db.ask.findMany({ where: restWhere, orderBy: order, skip, take, select: askSelect });
  const groups: { department: { id: string; name: string }; asks: AskRow[] }[] = [];
  for (const row of rest) {
    const last = groups.at(-1);
    const item = present(actor, department, row);
    if (last?.department.id === row.department.id) last.asks.push(item);
    else groups.push({ department: row.department, asks: [item] });
  }
  return {
    mine: mine.map((row) => present(actor, department, row)),
    myDepartment: splitMine ? (departments.find((d) => d.id === department) ?? null) : null,
    groups,
    total: total + mine.length,
    page,
    pageCount,
    departments,
    teams,
  };
}
