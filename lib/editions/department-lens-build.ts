import 'server-only';
import type { DbClient } from '../db';
import { addMonths, monthRange } from '../dates/month';
import type { EditionContent } from './content';
import { isComparableUnchecked, monthsWithReasonsUnchecked } from '../departments/counts';
import { outcomesFor, quoteAbout, type DepartmentLens } from './department-lens';

/**
 * Each department owning one of the team's reasons, with its section's figures for `month`, read
 * as the links are now: what publishing freezes. Called by the snapshot builder, whose callers
 * checked the actor; `content` is the edition's own (its quotes and outcomes are the ones shown).
 */
export async function buildDepartmentLensesUnchecked(
  client: DbClient,
  teamId: string,
  month: string,
  content: EditionContent,
): Promise<DepartmentLens[]> {
  const reasons = await client.contactReason.findMany({
    where: { teamId, departmentId: { not: null } },
    select: { id: true, name: true, departmentId: true, department: { select: { name: true } } },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  });
  if (!reasons.length) return [];
  const prior = { lastMonth: addMonths(month, -1), lastYear: addMonths(month, -12) };
  const months = [month, prior.lastMonth, prior.lastYear];
  const [counts, withReasons] = await Promise.all([
    client.reasonCount.findMany({
      where: { teamId, reasonId: { in: reasons.map((r) => r.id) }, figures: { month: { in: months } } },
      select: { reasonId: true, count: true, figures: { select: { month: true } } },
    }),
    monthsWithReasonsUnchecked(client, teamId, months),
  ]);
  const comparable = {
    lastMonth: await isComparableUnchecked(client, teamId, month, prior.lastMonth),
    lastYear: await isComparableUnchecked(client, teamId, month, prior.lastYear),
  };
  const countOf = (reasonId: string, m: string) =>
    counts.filter((c) => c.reasonId === reasonId && c.figures.month === m).reduce((a, c) => a + c.count, 0);
  const { start, end } = monthRange(month);
  const byDepartment = new Map<string, { name: string; reasons: typeof reasons }>();
  for (const r of reasons) {
    const entry = byDepartment.get(r.departmentId!) ?? { name: r.department!.name, reasons: [] };
    entry.reasons.push(r);
    byDepartment.set(r.departmentId!, entry);
  }
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
  const total = (list: typeof reasons, m: string) =>
    withReasons.has(m) ? list.reduce((a, r) => a + countOf(r.id, m), 0) : null;
  return [...byDepartment.entries()]
    .map(([departmentId, { name, reasons: owned }]) => {
      const rows = owned
        .map((r) => ({ name: r.name, count: countOf(r.id, month) }))
        .filter((r) => r.count > 0)
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      return {
        departmentId,
        department: name,
        contacts: total(owned, month),
        lastMonth: comparable.lastMonth ? total(owned, prior.lastMonth) : null,
        lastYear: comparable.lastYear ? total(owned, prior.lastYear) : null,
        reasons: rows,
        quoteId: quoteAbout(content.quotes, rows[0]?.name)?.id ?? null,
        asks: asks
          .filter((a) => a.departmentId === departmentId)
          .slice(0, 10)
          .map((a) => ({ id: a.id, title: a.title, status: a.status, answer: a.answer })),
        outcomeIds: outcomesFor(content.outcomes ?? [], name).map((o) => o.id),
      };
    })
    .sort((a, b) => a.department.localeCompare(b.department));
}
