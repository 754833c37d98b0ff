import 'server-only';
import type { DbClient } from '../db';
import { addMonths, monthRange } from '../dates/month';
import type { EditionContent } from './content';
import { isComparableUnchecked, monthsWithReasonsUnchecked } from '../departments/counts';
import { DIMENSIONS, type Dimension } from '../departments/dimension';
import { composeDepartmentLenses, type DepartmentLens, type LensItem } from './department-lens';

type Item = {
  id: string;
  name: string;
  archivedAt: Date | null;
  departmentId: string | null;
  department: { name: string } | null;
};
const ITEM = {
  id: true,
  name: true,
  archivedAt: true,
  departmentId: true,
  department: { select: { name: true } },
} as const;
const ORDER = [{ position: 'asc' as const }, { name: 'asc' as const }];

/**
 * Each department owning one of the team's reasons (or segments, or channels), with its section's
 * figures for `month`, read as the links are now: what publishing freezes. Called by the snapshot
 * builder, whose callers checked the actor; `content` is the edition's own (its quotes and outcomes
 * are the ones shown).
 */
export async function buildDepartmentLensesUnchecked(
  client: DbClient,
  teamId: string,
  month: string,
  content: EditionContent,
): Promise<DepartmentLens[]> {
  const linked = { where: { teamId, departmentId: { not: null } }, orderBy: ORDER, select: ITEM };
  const [reasons, segments, channels] = await Promise.all([
    client.contactReason.findMany(linked),
    client.segment.findMany(linked),
    client.channel.findMany(linked),
  ]);
  const lensItem =
    (dimension: Dimension) =>
    (i: Item): LensItem => ({
      id: i.id,
      name: i.name,
      departmentId: i.departmentId!,
      department: i.department!.name,
      dimension,
      archived: i.archivedAt !== null,
    });
  const items = [
    ...reasons.map(lensItem('reason')),
    ...segments.map(lensItem('segment')),
    ...channels.map(lensItem('channel')),
  ];
  if (!items.length) return [];
  const months = [month, addMonths(month, -1), addMonths(month, -12)];
  const inMonths = { teamId, figures: { month: { in: months } } };
  const [reasonCounts, segmentCounts, volumes] = await Promise.all([
    client.reasonCount.findMany({
      where: { ...inMonths, reasonId: { in: reasons.map((r) => r.id) } },
      select: { reasonId: true, count: true, figures: { select: { month: true } } },
    }),
    client.segmentCount.findMany({
      where: { ...inMonths, segmentId: { in: segments.map((r) => r.id) } },
      select: { segmentId: true, count: true, figures: { select: { month: true } } },
    }),
    client.channelVolume.findMany({
      where: { ...inMonths, channelId: { in: channels.map((r) => r.id) } },
      select: { channelId: true, received: true, figures: { select: { month: true } } },
    }),
  ]);
  const withFigures = {} as Record<Dimension, Set<string>>;
  for (const d of DIMENSIONS) withFigures[d] = await monthsWithReasonsUnchecked(client, teamId, months, d);
  const { start, end } = monthRange(month);
  const asks = await client.ask.findMany({
    where: {
      teamId,
      departmentId: { in: [...new Set(items.map((i) => i.departmentId))] },
      review: { month: { lte: month } },
      OR: [{ status: { in: ['OPEN', 'IN_PROGRESS'] } }, { closedAt: { gte: start, lt: end } }],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, departmentId: true, title: true, status: true, answer: true },
  });
  return composeDepartmentLenses({
    month,
    items,
    counts: [
      ...reasonCounts.map((c) => ({ id: c.reasonId, count: c.count, month: c.figures.month })),
      ...segmentCounts.map((c) => ({ id: c.segmentId, count: c.count, month: c.figures.month })),
      ...volumes.map((c) => ({ id: c.channelId, count: c.received, month: c.figures.month })),
    ],
    withFigures,
    comparable: {
      lastMonth: await isComparableUnchecked(client, teamId, month, months[1]!),
      lastYear: await isComparableUnchecked(client, teamId, month, months[2]!),
    },
    asks,
    content,
  });
}
