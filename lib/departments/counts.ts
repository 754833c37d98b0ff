import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { db, type DbClient } from '../db';
import { COUNTS_PART } from '../figures/breaks';
import { loadBreakRuleUnchecked } from '../figures/sources';

/** One month's contacts caused by one department's reasons in one team. */
export type CausedRow = { departmentId: string; teamId: string; month: string; contacts: number };

/**
 * Contacts whose reason is linked to a department, per department, team and month, as the reasons
 * are linked now (a published edition keeps its own frozen counts). Months with figures but no
 * linked reason give no row. For lib reads that have checked the actor.
 */
export async function countCausedUnchecked(
  where: { from: string; to: string; teamId?: string; departmentId?: string },
  client: DbClient = db,
): Promise<CausedRow[]> {
  const team = where.teamId ? Prisma.sql`AND mf."teamId" = ${where.teamId}` : Prisma.empty;
  const department = where.departmentId ? Prisma.sql`AND cr."departmentId" = ${where.departmentId}` : Prisma.empty;
  const rows = await client.$queryRaw<{ departmentId: string; teamId: string; month: string; contacts: bigint }[]>`
    SELECT cr."departmentId", mf."teamId", mf.month, SUM(rc.count)::bigint AS contacts
    FROM "ReasonCount" rc
    JOIN "ContactReason" cr ON cr.id = rc."reasonId"
    JOIN "MonthFigures" mf ON mf.id = rc."figuresId"
    WHERE cr."departmentId" IS NOT NULL AND mf.month >= ${where.from} AND mf.month <= ${where.to} ${team} ${department}
    GROUP BY cr."departmentId", mf."teamId", mf.month`;
  return rows.map((r) => ({ ...r, contacts: Number(r.contacts) }));
}

/** The team's months (of those given) that hold reason counts at all: the others have no figure, not zero. */
export async function monthsWithReasonsUnchecked(
  client: DbClient,
  teamId: string,
  months: string[],
): Promise<Set<string>> {
  const rows = await client.monthFigures.findMany({
    where: { teamId, month: { in: months }, reasons: { some: {} } },
    select: { month: true },
  });
  return new Set(rows.map((r) => r.month));
}

/**
 * Whether `base`'s figures may be compared with `month`'s, by the team's one break rule
 * (lib/figures/breaks.ts): across a change of source the department's change is shown as no
 * comparison (its base frozen as null). Every department change is computed through this function.
 */
export type ComparableCheck = (client: DbClient, teamId: string, month: string, base: string) => Promise<boolean>;
export const isComparableUnchecked: ComparableCheck = async (client, teamId, month, base) =>
  (await loadBreakRuleUnchecked(client, teamId)).comparable(base, month, COUNTS_PART);
