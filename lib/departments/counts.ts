import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { db, type DbClient } from '../db';
import { COUNTS_PART } from '../figures/breaks';
import { loadBreakRuleUnchecked } from '../figures/sources';

/** One month's contacts caused by one department in one team (from one list: ./dimension.ts). */
export type CausedRow = { departmentId: string; teamId: string; month: string; contacts: number };

import type { Dimension } from './dimension';

/**
 * Contacts caused by each department, per department, team and month, from the one list each
 * department counts from in each team and month (see Dimension), as items are linked now (a published edition
 * keeps its own frozen counts). Months with figures but no linked item give no row. For lib reads
 * that have checked the actor.
 */
export async function countCausedUnchecked(
  where: { from: string; to: string; teamId?: string; departmentId?: string },
  client: DbClient = db,
): Promise<CausedRow[]> {
  const team = where.teamId ? Prisma.sql`AND mf."teamId" = ${where.teamId}` : Prisma.empty;
  const department = where.departmentId ? Prisma.sql`AND x."departmentId" = ${where.departmentId}` : Prisma.empty;
  const rows = await client.$queryRaw<{ departmentId: string; teamId: string; month: string; contacts: bigint }[]>`
    WITH counted AS (
      SELECT cr."departmentId", cr."teamId", rc."figuresId", rc.count AS n, 1 AS rank
        FROM "ReasonCount" rc JOIN "ContactReason" cr ON cr.id = rc."reasonId" WHERE cr."departmentId" IS NOT NULL
      UNION ALL
      SELECT s."departmentId", s."teamId", sc."figuresId", sc.count, 2
        FROM "SegmentCount" sc JOIN "Segment" s ON s.id = sc."segmentId" WHERE s."departmentId" IS NOT NULL
      UNION ALL
      SELECT c."departmentId", c."teamId", cv."figuresId", cv.received, 3
        FROM "ChannelVolume" cv JOIN "Channel" c ON c.id = cv."channelId" WHERE c."departmentId" IS NOT NULL
    ), in_use AS (
      SELECT "departmentId", "teamId", 1 AS rank FROM "ContactReason" WHERE "departmentId" IS NOT NULL AND "archivedAt" IS NULL
      UNION ALL SELECT "departmentId", "teamId", 2 FROM "Segment" WHERE "departmentId" IS NOT NULL AND "archivedAt" IS NULL
      UNION ALL SELECT "departmentId", "teamId", 3 FROM "Channel" WHERE "departmentId" IS NOT NULL AND "archivedAt" IS NULL
    ), owned AS (
      -- Per month (figures row): the first list the department owns, by items in use in every month
      -- and by any linked item (archived ones too) in the months it holds a count.
      SELECT "departmentId", "figuresId", MIN(rank) AS rank FROM (
        SELECT u."departmentId", mf.id AS "figuresId", u.rank FROM in_use u
          JOIN "MonthFigures" mf ON mf."teamId" = u."teamId" AND mf.month >= ${where.from} AND mf.month <= ${where.to}
        UNION ALL SELECT "departmentId", "figuresId", rank FROM counted
      ) o GROUP BY "departmentId", "figuresId"
    )
    SELECT x."departmentId", mf."teamId", mf.month, SUM(x.n)::bigint AS contacts
    FROM counted x
    JOIN owned d ON d."departmentId" = x."departmentId" AND d."figuresId" = x."figuresId" AND d.rank = x.rank
    JOIN "MonthFigures" mf ON mf.id = x."figuresId"
    WHERE mf.month >= ${where.from} AND mf.month <= ${where.to} ${team} ${department}
    GROUP BY x."departmentId", mf."teamId", mf.month`;
  return rows.map((r) => ({ ...r, contacts: Number(r.contacts) }));
}

/** Which of these items hold a count in which month from `from` to `to`, as `<item id>|<month>`. */
export async function countedMonthsUnchecked(
  items: { id: string; kind: Dimension }[],
  from: string,
  to: string,
  client: DbClient = db,
): Promise<Set<string>> {
  const ids = (kind: Dimension) => items.filter((i) => i.kind === kind).map((i) => i.id);
  const figures = { month: { gte: from, lte: to } };
  const month = { figures: { select: { month: true } } } as const;
  const [reasons, segments, channels] = await Promise.all([
    ids('reason').length
      ? client.reasonCount.findMany({
          where: { reasonId: { in: ids('reason') }, figures },
          select: { reasonId: true, ...month },
        })
      : [],
    ids('segment').length
      ? client.segmentCount.findMany({
          where: { segmentId: { in: ids('segment') }, figures },
          select: { segmentId: true, ...month },
        })
      : [],
    ids('channel').length
      ? client.channelVolume.findMany({
          where: { channelId: { in: ids('channel') }, figures },
          select: { channelId: true, ...month },
        })
      : [],
  ]);
  return new Set([
    ...reasons.map((r) => `${r.reasonId}|${r.figures.month}`),
    ...segments.map((r) => `${r.segmentId}|${r.figures.month}`),
    ...channels.map((r) => `${r.channelId}|${r.figures.month}`),
  ]);
}

/** The team's months (of those given) that hold counts for the list at all: the others have no figure, not zero. */
export async function monthsWithReasonsUnchecked(
  client: DbClient,
  teamId: string,
  months: string[],
  dimension: Dimension = 'reason',
): Promise<Set<string>> {
  const has =
    dimension === 'reason'
      ? { reasons: { some: {} } }
      : dimension === 'segment'
        ? { segments: { some: {} } }
        : { volumes: { some: {} } };
  const rows = await client.monthFigures.findMany({
    where: { teamId, month: { in: months }, ...has },
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
