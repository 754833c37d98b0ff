import 'server-only';
import type { DbClient } from '../db';
import { addMonths, monthRange } from '../dates/month';
import type { EditionContent } from './content';
import { DIMENSIONS, isComparableUnchecked, monthsWithReasonsUnchecked, type Dimension } from '../departments/counts';
import { outcomesFor, quoteAbout, type DepartmentLens } from './department-lens';

type Item = { id: string; name: string; departmentId: string | null; department: { name: string } | null };
const ITEM = { id: true, name: true, departmentId: true, department: { select: { name: true } } } as const;
const ORDER = [{ position: 'asc' as const }, { name: 'asc' as const }];

/**
 * Each department owning one of the team's reasons (or segments, or channels), with its section's figures for `month`, read
 * as the links are now: what publishing freezes. Called by the snapshot builder, whose callers
 * checked the actor; `content` is the edition's own (its quotes and outcomes are the ones shown).
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
  const owned: Record<Dimension, Item[]> = { reason: reasons, segment: segments, channel: channels };
  if (!reasons.length && !segments.length && !channels.length) return [];
  // Each department counts from one list only (lib/departments/counts.ts, Dimension): no double count.
  const byDepartment = new Map<string, { name: string; dimension: Dimension; items: Item[] }>();
  for (const dimension of DIMENSIONS)
    for (const item of owned[dimension]) {
      const entry = byDepartment.get(item.departmentId!) ?? { name: item.department!.name, dimension, items: [] };
      if (entry.dimension !== dimension) continue;
      entry.items.push(item);
      byDepartment.set(item.departmentId!, entry);
    }
  const prior = { lastMonth: addMonths(month, -1), lastYear: addMonths(month, -12) };
  const months = [month, prior.lastMonth, prior.lastYear];
  const inMonths = { teamId, figures: { month: { in: months } } };
  const used = new Set([...byDepartment.values()].map((d) => d.dimension));
  const [reasonCounts, segmentCounts, volumes] = await Promise.all([
    used.has('reason')
      ? client.reasonCount.findMany({
          where: { ...inMonths, reasonId: { in: reasons.map((r) => r.id) } },
          select: { reasonId: true, count: true, figures: { select: { month: true } } },
        })
      : [],
    used.has('segment')
      ? client.segmentCount.findMany({
          where: { ...inMonths, segmentId: { in: segments.map((r) => r.id) } },
          select: { segmentId: true, count: true, figures: { select: { month: true } } },
        })
      : [],
    used.has('channel')
      ? client.channelVolume.findMany({
          where: { ...inMonths, channelId: { in: channels.map((r) => r.id) } },
          select: { channelId: true, received: true, figures: { select: { month: true } } },
        })
      : [],
  ]);
  const counts = [
    ...reasonCounts.map((c) => ({ id: c.reasonId, count: c.count, month: c.figures.month })),
    ...segmentCounts.map((c) => ({ id: c.segmentId, count: c.count, month: c.figures.month })),
    ...volumes.map((c) => ({ id: c.channelId, count: c.received, month: c.figures.month })),
  ];
  const withFigures = Object.fromEntries(
    await Promise.all(
      DIMENSIONS.map(async (d) => [
        d,
        used.has(d) ? await monthsWithReasonsUnchecked(client, teamId, months, d) : new Set(),
      ]),
    ),
  ) as Record<Dimension, Set<string>>;
  const comparable = {
    lastMonth: await isComparableUnchecked(client, teamId, month, prior.lastMonth),
    lastYear: await isComparableUnchecked(client, teamId, month, prior.lastYear),
  };
  const countOf = (id: string, m: string) =>
    counts.filter((c) => c.id === id && c.month === m).reduce((a, c) => a + c.count, 0);
  const { start, end } = monthRange(month);
  const asks = await client.ask.findMany({
    where: {
      teamId,
      departmentId: { in: [...byDepartment.keys()] },
      review: { month: { lte: month } },
      OR: [{ status: { in: ['OPEN', 'IN_PROGRESS'] } }, { closedAt: { gte: start, lt: end } }],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, departmentId: true, title: true, status: true, answer: true },
  });
  const total = (dimension: Dimension, list: Item[], m: string) =>
    withFigures[dimension].has(m) ? list.reduce((a, r) => a + countOf(r.id, m), 0) : null;
  return [...byDepartment.entries()]
    .map(([departmentId, { name, dimension, items }]) => {
      const rows = items
        .map((r) => ({ name: r.name, count: countOf(r.id, month) }))
        .filter((r) => r.count > 0)
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      return {
        departmentId,
        department: name,
        dimension,
        contacts: total(dimension, items, month),
        lastMonth: comparable.lastMonth ? total(dimension, items, prior.lastMonth) : null,
        lastYear: comparable.lastYear ? total(dimension, items, prior.lastYear) : null,
        reasons: rows,
        // A quote is matched to the top reason; segments and channels carry none.
        quoteId: dimension === 'reason' ? (quoteAbout(content.quotes, rows[0]?.name)?.id ?? null) : null,
        asks: asks
          .filter((a) => a.departmentId === departmentId)
          .slice(0, 10)
          .map((a) => ({ id: a.id, title: a.title, status: a.status, answer: a.answer })),
        outcomeIds: outcomesFor(content.outcomes ?? [], name).map((o) => o.id),
      };
    })
    .sort((a, b) => a.department.localeCompare(b.department));
}
