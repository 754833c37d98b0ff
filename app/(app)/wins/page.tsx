import type { Metadata } from 'next';
import Link from 'next/link';
import { WinCard } from '@/components/wins/win-card';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { hasRole } from '@/lib/authz';
import { requirePageActor } from '@/lib/session';
import { monthLabel, addMonths } from '@/lib/dates/month';
import { winListFilterSchema } from '@/lib/wins/schemas';
import { listWins } from '@/lib/wins/wins';
import { TeamFilter } from '@/components/ui/filters';
import { Field } from '@/components/ui/field';

export const metadata: Metadata = { title: 'Wins' };

export default async function WinsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const filter = winListFilterSchema.parse(params);
  const { month, teams, wins } = await listWins(actor, filter);
  const href = (m: string) =>
    `/wins?${new URLSearchParams({ ...(filter.team ? { team: filter.team } : {}), month: m }).toString()}`;
  const notice = params.recorded
    ? 'The win is recorded. Thank you for sharing it!'
    : params.updated
      ? 'Saved.'
      : params.removed
        ? 'The win was removed.'
        : null;
  return (
    <>
      <PageHeader
        title="Wins"
        description="What our service teams achieved, month by month."
        actions={
          hasRole(actor, 'AGENT', 'LEADER') ? (
            <Link href="/wins/new" className={buttonClass()}>
              Record a win
            </Link>
          ) : null
        }
      />
      {notice ? (
        <p
          role="status"
          className="mb-4 rounded-md bg-success-surface px-3 py-2 text-sm font-medium text-success ring-1 ring-success-line"
        >
          {notice}
        </p>
      ) : null}
      <form
        aria-label="Choose team and month"
        className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line"
      >
        <TeamFilter teams={teams} value={filter.team} />
        <Field label="Month" name="month" type="month" defaultValue={month} />
        <button type="submit" className={buttonClass('secondary')}>
          Show
        </button>
      </form>
      <nav aria-label="Months" className="mb-4 flex items-center justify-between gap-3">
        <Link href={href(addMonths(month, -1))} className="text-sm font-medium text-accent underline">
          ← {monthLabel(addMonths(month, -1))}
        </Link>
        <h2 className="text-lg font-semibold">{monthLabel(month)}</h2>
        <Link href={href(addMonths(month, 1))} className="text-sm font-medium text-accent underline">
          {monthLabel(addMonths(month, 1))} →
        </Link>
      </nav>
      {wins.length ? (
        <ul className="grid gap-4 md:grid-cols-2" aria-label={`Wins in ${monthLabel(month)}`}>
          {wins.map((win) => (
            <li key={win.id}>
              <WinCard win={win} canManage={win.canManage} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg bg-surface p-6 text-center text-ink-muted ring-1 ring-line">
          No wins recorded for {monthLabel(month)}
          {filter.team ? ' in this team' : ''}.
        </p>
      )}
    </>
  );
}
