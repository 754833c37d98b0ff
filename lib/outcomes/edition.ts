// Which outcomes an edition tells, and outcomes as chart annotations. Server-only readers that
// take a client (inside a transaction or not): callers in lib/ check the actor first.
import 'server-only';
import type { DbClient } from '../db';
import { addMonths, monthRange } from '../dates/month';
import { dayString } from '../dates/day';
import type { Annotation } from '../charts/chart-spec';
import { OUTCOME_KIND_LABELS } from './schemas';
import type { EditionOutcome } from './shape';

/** How far back an edition looks for outcomes it has not told yet: a year, like its charts. */
export const OUTCOME_LOOKBACK_MONTHS = 12;

/** The outcome ids a frozen snapshot lists (revisions published before outcomes existed list none). */
function idsInSnapshot(snapshot: unknown): string[] {
  const content = (snapshot as { content?: { outcomes?: unknown } } | null)?.content;
  if (!Array.isArray(content?.outcomes)) return [];
  return content.outcomes
    .map((o: unknown) => (o as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string');
}

/**
 * The outcomes the team's edition of `month` tells, each told once across editions:
 * - not removed, on or before the month's last day, and at most a year old;
 * - not listed by any revision of an earlier published edition of the team;
 * - and either after the previous published edition's month, or recorded after that edition was
 *   first published (it came too late for it), so nothing older floods an edition.
 * A correction of the same edition re-reads the rule, so it keeps what it showed.
 */
export async function listEditionOutcomesUnchecked(
  client: DbClient,
  teamId: string,
  month: string,
): Promise<EditionOutcome[]> {
  const earlier = await client.review.findMany({
    where: { teamId, status: 'PUBLISHED', month: { lt: month, gte: addMonths(month, -OUTCOME_LOOKBACK_MONTHS) } },
    orderBy: { month: 'desc' },
    select: { month: true, publishedAt: true, revisions: { select: { snapshot: true } } },
  });
  const told = new Set(earlier.flatMap((r) => r.revisions.flatMap((rev) => idsInSnapshot(rev.snapshot))));
  const previous = earlier[0];
  const rows = await client.outcome.findMany({
    where: {
      teamId,
      deletedAt: null,
      occurredOn: {
        gte: monthRange(addMonths(month, -(OUTCOME_LOOKBACK_MONTHS - 1))).start,
        lt: monthRange(month).end,
      },
      ...(previous
        ? {
            OR: [
              { occurredOn: { gte: monthRange(addMonths(previous.month, 1)).start } },
              ...(previous.publishedAt ? [{ createdAt: { gt: previous.publishedAt } }] : []),
            ],
          }
        : {}),
    },
    orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      kind: true,
      occurredOn: true,
      text: true,
      ask: { select: { title: true, department: { select: { name: true } } } },
      review: { select: { month: true } },
    },
  });
  return rows
    .filter((o) => !told.has(o.id))
    .map((o) => ({
      id: o.id,
      kind: o.kind,
      kindLabel: OUTCOME_KIND_LABELS[o.kind],
      occurredOn: dayString(o.occurredOn),
      text: o.text,
      ask: o.ask ? { title: o.ask.title, department: o.ask.department.name } : null,
      fromEdition: o.review?.month ?? null,
    }));
}

/** A label short enough for a chart: the kind, then the words, cut at a word near 70 characters. */
export function outcomeLabel(kind: keyof typeof OUTCOME_KIND_LABELS, text: string): string {
  const words = text.replace(/\s+/g, ' ').trim();
  const cut = words.length > 70 ? `${words.slice(0, 70).replace(/\s+\S*$/, '')}…` : words;
  return `${OUTCOME_KIND_LABELS[kind]}: ${cut}`;
}

/** The team's outcomes between two months, as numbered chart annotations (numbered by the chart). */
export async function loadOutcomeAnnotationsUnchecked(
  client: DbClient,
  teamId: string,
  from: string,
  to: string,
): Promise<Annotation[]> {
  const rows = await client.outcome.findMany({
    where: { teamId, deletedAt: null, occurredOn: { gte: monthRange(from).start, lt: monthRange(to).end } },
    orderBy: [{ occurredOn: 'asc' }, { createdAt: 'asc' }],
    select: { kind: true, occurredOn: true, text: true },
  });
  return rows.map((o) => ({
    month: dayString(o.occurredOn).slice(0, 7),
    label: outcomeLabel(o.kind, o.text),
    kind: 'outcome' as const,
  }));
}
