import 'server-only';
import type { DbClient } from '../db';
import { writeFollowUps, type SnapshotAsk } from './follow-ups';

/**
 * The edition's tracked asks for its snapshot, oldest first. Called by lib only, inside the
 * transaction that publishes, after the publisher's rights were checked.
 */
export async function trackedAsksForSnapshot(client: DbClient, reviewId: string): Promise<SnapshotAsk[]> {
  const asks = await client.ask.findMany({
    where: { reviewId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, details: true, department: { select: { name: true } } },
  });
  return asks.map((a) => ({ id: a.id, title: a.title, department: a.department.name, details: a.details }));
}

/**
 * What a new draft for `month` starts its follow-ups with: the team's asks closed as done since its
 * previous edition was published, and those of earlier editions still open or in progress.
 * Called by lib only, after the leader's rights were checked.
 */
export async function followUpsForDraft(
  client: DbClient,
  teamId: string,
  month: string,
  now: Date = new Date(),
): Promise<string> {
  const previous = await client.review.findFirst({
    where: { teamId, month: { lt: month }, status: 'PUBLISHED' },
    orderBy: { month: 'desc' },
    select: { publishedAt: true },
  });
  // No earlier edition, no earlier asks: asks are raised in editions.
  if (!previous) return '';
  const since = previous.publishedAt ?? new Date(0);
  const select = {
    title: true,
    status: true,
    answer: true,
    department: { select: { name: true } },
    review: { select: { publishedAt: true } },
  } as const;
  const [done, open] = await Promise.all([
    client.ask.findMany({
      where: { teamId, status: 'DONE', closedAt: { gt: since }, review: { status: 'PUBLISHED' } },
      orderBy: { closedAt: 'asc' },
      select,
    }),
    client.ask.findMany({
      where: {
        teamId,
        status: { in: ['OPEN', 'IN_PROGRESS'] },
        review: { status: 'PUBLISHED', month: { lt: month } },
      },
      orderBy: [{ review: { month: 'asc' } }, { createdAt: 'asc' }],
      select,
    }),
  ]);
  return writeFollowUps(
    done.map((a) => ({ title: a.title, department: a.department.name, answer: a.answer })),
    open.map((a) => ({
      title: a.title,
      department: a.department.name,
      status: a.status === 'IN_PROGRESS' ? 'IN_PROGRESS' : 'OPEN',
      answer: a.answer,
      since: a.review.publishedAt ?? now,
    })),
    now,
  );
}
