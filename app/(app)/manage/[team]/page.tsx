import type { Metadata } from 'next';
import Link from 'next/link';
import { TeamTabs } from '@/components/figures/team-tabs';
import { buttonClass } from '@/components/ui/button';
import { formatNumber } from '@/lib/format';
import { PageHeader } from '@/components/ui/card';
import { listMonthSummaries } from '@/lib/figures/figures';
import { addMonths, currentMonth, monthLabel } from '@/lib/dates/month';
import { managedTeamOrInterrupt } from '@/lib/pages';
import { requirePageActor } from '@/lib/session';
import { formatInstant, zoneLabel } from '@/lib/dates/zone';
import { teamTimeZone } from '@/lib/time-zone';

export const metadata: Metadata = { title: 'Monthly figures' };

export default async function TeamFiguresPage({ params }: { params: Promise<{ team: string }> }) {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const team = await managedTeamOrInterrupt(actor, (await params).team);
  const [months, zone] = await Promise.all([listMonthSummaries(actor, team.id), teamTimeZone(team.id)]);
  const now = currentMonth(new Date(), zone);
  const latestComplete = addMonths(now, -1);
  const has = new Set(months.map((m) => m.month));
  const missing = [latestComplete, now].filter((m) => !has.has(m));
  return (
    <>
      <PageHeader
        title={`${team.name}: monthly figures`}
        description={`Volumes by channel, contact reasons, who contacted and KPIs, month by month. Months and times in ${zoneLabel(zone)}.`}
        actions={
          <Link
            href={`/manage/${team.slug}/figures/${has.has(latestComplete) ? now : latestComplete}`}
            className={buttonClass()}
          >
            Enter figures for {monthLabel(has.has(latestComplete) ? now : latestComplete)}
          </Link>
        }
      />
      <TeamTabs slug={team.slug} current="" />
      {missing.includes(latestComplete) ? (
        <p className="mb-4 rounded-md bg-warning-surface px-3 py-2 text-sm text-warning ring-1 ring-warning-line">
          {monthLabel(latestComplete)} has no figures yet.{' '}
          <Link className="font-semibold underline" href={`/manage/${team.slug}/figures/${latestComplete}`}>
            Enter them
          </Link>{' '}
          or import them.
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg bg-surface shadow-sm ring-1 ring-line">
        <table className="min-w-full divide-y divide-line text-sm">
          <caption className="sr-only">Months with figures, newest first</caption>
          <thead className="bg-surface-muted text-left text-xs font-semibold tracking-wide text-ink-muted uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                Month
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Contacts received
              </th>
              <th scope="col" className="px-4 py-3">
                Note
              </th>
              <th scope="col" className="px-4 py-3">
                Last saved
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line-subtle">
            {months.map((m) => (
              <tr key={m.month}>
                <td className="px-4 py-2 font-medium">
                  <Link href={`/manage/${team.slug}/figures/${m.month}`} className="text-accent hover:underline">
                    {monthLabel(m.month)}
                  </Link>
                </td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {formatNumber(m.volumes.reduce((n, v) => n + v.received, 0))}
                </td>
                <td className="max-w-xs truncate px-4 py-2 text-ink-muted">{m.note ?? ''}</td>
                <td className="px-4 py-2 text-ink-subtle">
                  {formatInstant(m.updatedAt, zone)}
                  {m.updatedBy ? ` by ${m.updatedBy.name}` : ''} · v{m.version}
                </td>
              </tr>
            ))}
            {months.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-4 py-6 text-center text-ink-subtle">
                  No figures yet: enter a month or import a CSV.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <form
        action={`/api/teams/${team.slug}/figures`}
        method="get"
        className="mt-6 flex flex-wrap items-end gap-3 text-sm"
      >
        <div>
          <label htmlFor="from" className="block font-medium">
            From
          </label>
          <input
            id="from"
            name="from"
            type="month"
            defaultValue={addMonths(now, -11)}
            className="mt-1 rounded-md border border-line-strong px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="to" className="block font-medium">
            To
          </label>
          <input
            id="to"
            name="to"
            type="month"
            defaultValue={now}
            className="mt-1 rounded-md border border-line-strong px-3 py-2"
          />
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          Download CSV
        </button>
        <p className="w-full text-xs text-ink-subtle">
          The download uses the monthly import layout, so it can be edited and imported back.
        </p>
      </form>
    </>
  );
}
