import type { Metadata } from 'next';
import Link from 'next/link';
import { TeamTabs } from '@/components/figures/team-tabs';
import { buttonClass } from '@/components/ui/button';
import { formatNumber } from '@/lib/format';
import { PageHeader } from '@/components/ui/card';
import { EmptyRow, TBody, Td, Th, THead, Table } from '@/components/ui/table';
import { Field } from '@/components/ui/field';
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
      <Table caption="Months with figures, newest first">
        <THead>
          <Th>Month</Th>
          <Th numeric>Contacts received</Th>
          <Th>Note</Th>
          <Th>Last saved</Th>
        </THead>
        <TBody>
          {months.map((m) => (
            <tr key={m.month}>
              <Td className="font-medium">
                <Link href={`/manage/${team.slug}/figures/${m.month}`} className="text-accent hover:underline">
                  {monthLabel(m.month)}
                </Link>
              </Td>
              <Td numeric>{formatNumber(m.volumes.reduce((n, v) => n + v.received, 0))}</Td>
              <Td className="max-w-xs truncate text-ink-muted">{m.note ?? ''}</Td>
              <Td className="text-ink-subtle">
                {formatInstant(m.updatedAt, zone)}
                {m.updatedBy ? ` by ${m.updatedBy.name}` : ''} · v{m.version}
              </Td>
            </tr>
          ))}
          {months.length === 0 ? <EmptyRow colSpan={4}>No figures yet: enter a month or import a CSV.</EmptyRow> : null}
        </TBody>
      </Table>
      <form
        action={`/api/teams/${team.slug}/figures`}
        method="get"
        className="mt-6 flex flex-wrap items-end gap-3 text-sm"
      >
        <Field label="From" name="from" type="month" defaultValue={addMonths(now, -11)} />
        <Field label="To" name="to" type="month" defaultValue={now} />
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
