import 'server-only';
import { db } from '../db';
import { assertSignedIn, type Actor } from '../authz';
import { addMonths, currentMonth, monthRange, monthsBetween } from '../dates/month';
import { dayString } from '../dates/day';
import { findTeamBySlug } from '../team-access';
import { loadOutcomeAnnotationsUnchecked } from '../outcomes/edition';
import { OUTCOME_KIND_LABELS } from '../outcomes/schemas';
import type { ChartSpec, Row } from '../charts/chart-spec';
import { loadDepartmentGroupsUnchecked, mergedLast } from '../departments/groups';

/** The impact view looks back over a year: the window a team makes its case with. */
export const IMPACT_MONTHS = 12;

export type ImpactEdition = { month: string; readers: number; departments: number; thanks: number };
export type AskDepartment = { name: string; raised: number; answered: number; done: number };
export type ImpactOutcome = {
  id: string;
  kind: string;
  kindLabel: string;
  occurredOn: string;
  text: string;
  ask: { title: string; department: string } | null;
  fromEdition: string | null;
};

/** Teams with a published edition: each has an impact view (everyone signed in may read them). */
export async function listImpactTeams(actor: Actor) {
  assertSignedIn(actor);
  return db.team.findMany({
    where: { reviews: { some: { status: 'PUBLISHED' } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, slug: true },
  });
}

/**
 * A team's case to the organisation over the last 12 months, for every signed-in reader, so only
 * aggregates: per published edition its unique readers (its authors left out, as on Reach), the
 * departments they belong to and the thanks; asks of published editions by department (raised,
 * answered, done); and the outcomes. No reader is named, counted alone or ranked: departments of
 * fewer than three active people count as one, "Other departments" (lib/departments/groups.ts).
 */
export async function getImpact(actor: Actor, slug: string, now = new Date()) {
  assertSignedIn(actor);
  const team = await findTeamBySlug(slug);
  const to = currentMonth(now);
  const from = addMonths(to, -(IMPACT_MONTHS - 1));
  const window = { gte: monthRange(from).start, lt: monthRange(to).end };

  const reviews = await db.review.findMany({
    where: { teamId: team.id, status: 'PUBLISHED', month: { gte: from, lte: to } },
    orderBy: { month: 'asc' },
    select: { id: true, month: true, updatedById: true, revisions: { select: { publishedById: true } } },
  });
  const ids = reviews.map((r) => r.id);
  const [views, thanks, asks, outcomeRows, annotations, groups] = await Promise.all([
    db.reviewView.findMany({
      where: { reviewId: { in: ids } },
      select: { reviewId: true, userId: true, user: { select: { departmentId: true } } },
    }),
    db.reviewThanks.groupBy({ by: ['reviewId'], where: { reviewId: { in: ids }, hiddenAt: null }, _count: true }),
    // Raised = asks of editions published in the window; a draft's asks have not been asked yet.
    db.ask.findMany({
      where: { teamId: team.id, reviewId: { in: ids } },
      select: {
        status: true,
        answeredAt: true,
        review: { select: { month: true } },
        departmentId: true,
      },
    }),
    db.outcome.findMany({
      where: { teamId: team.id, deletedAt: null, occurredOn: window },
      orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }],
      select: {
        id: true,
        kind: true,
        occurredOn: true,
        text: true,
        ask: { select: { title: true, department: { select: { name: true } } } },
        review: { select: { month: true } },
      },
    }),
    loadOutcomeAnnotationsUnchecked(db, team.id, from, to),
    loadDepartmentGroupsUnchecked(),
  ]);

  const thanksBy = new Map(thanks.map((t) => [t.reviewId, t._count]));
  const allReaders = new Set<string>();
  const editions: ImpactEdition[] = reviews.map((review) => {
    const authors = new Set([review.updatedById, ...review.revisions.map((r) => r.publishedById)]);
    const readers = views.filter((v) => v.reviewId === review.id && !authors.has(v.userId));
    for (const v of readers) allReaders.add(v.userId);
    return {
      month: review.month,
      readers: readers.length,
      // Small departments reached count once, as "Other departments".
      departments: new Set(readers.filter((v) => v.user.departmentId).map((v) => groups.of(v.user.departmentId))).size,
      thanks: thanksBy.get(review.id) ?? 0,
    };
  });

  const byDepartment = new Map<string, AskDepartment>();
  for (const a of asks) {
    const name = groups.of(a.departmentId);
    const d = byDepartment.get(name) ?? { name, raised: 0, answered: 0, done: 0 };
    d.raised++;
    if (a.answeredAt) d.answered++;
    if (a.status === 'DONE') d.done++;
    byDepartment.set(d.name, d);
  }
  const askDepartments = [...byDepartment.values()].sort(
    (a, b) => mergedLast(a.name) - mergedLast(b.name) || b.raised - a.raised || a.name.localeCompare(b.name),
  );

  const months = monthsBetween(from, to);
  const editionBy = new Map(editions.map((e) => [e.month, e]));
  const readersChart: ChartSpec = {
    id: 'impact-readers',
    title: 'Readers and thanks per edition',
    description: `Unique readers, departments reached and thank-yous of each edition published in the last ${IMPACT_MONTHS} months; numbered marks are outcomes.`,
    kind: 'line',
    xKey: 'month',
    xLabel: 'Month',
    series: [
      { key: 'readers', label: 'Unique readers' },
      { key: 'departments', label: 'Departments reached' },
      { key: 'thanks', label: 'Thank-yous' },
    ],
    rows: months.map((month) => {
      const e = editionBy.get(month);
      return { month, readers: e?.readers ?? null, departments: e?.departments ?? null, thanks: e?.thanks ?? null };
    }),
    unit: '',
    annotations,
  };
  const askRows: Row[] = months.map((month) => {
    const own = asks.filter((a) => a.review.month === month);
    const done = own.filter((a) => a.status === 'DONE').length;
    const answered = own.filter((a) => a.status !== 'DONE' && a.answeredAt).length;
    return editionBy.has(month)
      ? { month, done, answered, waiting: own.length - done - answered }
      : { month, done: null, answered: null, waiting: null };
  });
  const asksChart: ChartSpec = {
    id: 'impact-asks',
    title: 'Asks raised per edition, and where they stand',
    description:
      'Asks each published edition made of other departments: done, answered but not done, or not answered yet.',
    kind: 'stacked-bar',
    xKey: 'month',
    xLabel: 'Edition',
    series: [
      { key: 'done', label: 'Done' },
      { key: 'answered', label: 'Answered, not done' },
      { key: 'waiting', label: 'Not answered yet' },
    ],
    rows: askRows,
    unit: 'asks',
  };

  const outcomes: ImpactOutcome[] = outcomeRows.map((o) => ({
    id: o.id,
    kind: o.kind,
    kindLabel: OUTCOME_KIND_LABELS[o.kind],
    occurredOn: dayString(o.occurredOn),
    text: o.text,
    ask: o.ask ? { title: o.ask.title, department: o.ask.department.name } : null,
    fromEdition: o.review?.month ?? null,
  }));

  return {
    team,
    from,
    to,
    totals: {
      editions: editions.length,
      readers: allReaders.size,
      thanks: editions.reduce((n, e) => n + e.thanks, 0),
      asksRaised: asks.length,
      asksDone: asks.filter((a) => a.status === 'DONE').length,
      outcomes: outcomes.length,
    },
    editions,
    askDepartments,
    outcomes,
    charts: { readers: readersChart, asks: asksChart },
  };
}

export type Impact = Awaited<ReturnType<typeof getImpact>>;
