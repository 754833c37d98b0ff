import type { Metadata } from 'next';
import Link from 'next/link';
import { TeamTabs } from '@/components/figures/team-tabs';
import { buttonClass } from '@/components/ui/button';
import { formatNumber } from '@/lib/format';
import { PageHeader } from '@/components/ui/card';
import { EmptyRow, TBody, Td, Th, THead, Table } from '@/components/ui/table';
import { Field } from '@/components/ui/field';
import { listMonthSummaries, readTeamCatalog } from '@/lib/figures/figures';
import { listFigureSources, readSourceBreaks, readSourceNote, type PartSource } from '@/lib/figures/sources';
import { SourceNote } from '@/components/figures/source-note';
import { COUNTS_PART } from '@/lib/figures/breaks';
import { SourceBreaks, type BreakView } from '@/components/figures/source-breaks';
import { formatDay } from '@/lib/dates/day';
import { addMonths, currentMonth, monthLabel } from '@/lib/dates/month';
import { managedTeamOrInterrupt } from '@/lib/pages';
import { requirePageActor } from '@/lib/session';
import { formatInstant, zoneLabel } from '@/lib/dates/zone';
import { teamTimeZone } from '@/lib/time-zone';

export const metadata: Metadata = { title: 'Monthly figures' };

export default async function TeamFiguresPage({ params }: { params: Promise<{ team: string }> }) {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const team = await managedTeamOrInterrupt(actor, (await params).team);
  const [months, zone, sources, { breaks, comparable }, catalog, sourceNote] = await Promise.all([
    listMonthSummaries(actor, team.id),
    teamTimeZone(team.id),
    listFigureSources(actor, team.id),
    readSourceBreaks(actor, team.id),
    readTeamCatalog(actor, team.id),
    readSourceNote(actor, team.id),
  ]);
  const partName = (part: string) =>
    part === COUNTS_PART ? 'Contacts and counts' : (catalog.kpis.find((k) => k.id === part)?.name ?? part);
  const waived = new Set(comparable.map((c) => `${c.month}|${c.part}`));
  const breakViews: BreakView[] = breaks.map((b) => ({
    month: b.month,
    monthLabel: monthLabel(b.month),
    sentence: b.sentence,
    parts: (b.parts === 'all'
      ? [COUNTS_PART, ...catalog.kpis.filter((k) => !k.archivedAt).map((k) => k.id)]
      : b.parts
    ).map((part) => ({ part, name: partName(part), comparable: waived.has(`${b.month}|${part}`) })),
  }));
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
          <Th>Source</Th>
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
              <Td className="text-xs">
                <SourceCell sources={sources.get(m.month) ?? []} partName={partName} />
              </Td>
              <Td className="max-w-xs truncate text-ink-muted">{m.note ?? ''}</Td>
              <Td className="text-ink-subtle">
                {formatInstant(m.updatedAt, zone)}
                {m.updatedBy ? ` by ${m.updatedBy.name}` : ''} · v{m.version}
              </Td>
            </tr>
          ))}
          {months.length === 0 ? <EmptyRow colSpan={5}>No figures yet: enter a month or import a CSV.</EmptyRow> : null}
        </TBody>
      </Table>
      <SourceNote note={sourceNote} className="mt-2" />
      <SourceBreaks team={team.slug} breaks={breakViews} defaultMonth={latestComplete} />
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

function describeSource(s: PartSource): string {
  const how = s.kind === 'IMPORT' ? `${s.label} import${s.fileName ? ` (${s.fileName})` : ''}` : s.label;
  return `${how}${s.by ? `, ${s.by}` : ''}, ${formatDay(s.at)}`;
}

/** The month's counts source, then each KPI whose source differs from it (a KPI kept through an import). */
function SourceCell({ sources, partName }: { sources: PartSource[]; partName: (part: string) => string }) {
  if (!sources.length) return <span className="text-ink-subtle">Not recorded</span>;
  const counts = sources.find((s) => s.part === COUNTS_PART);
  const others = sources.filter(
    (s) => s.part !== COUNTS_PART && (!counts || describeSource(s) !== describeSource(counts)),
  );
  return (
    <div data-figure-source>
      {counts ? <div>{describeSource(counts)}</div> : null}
      {others.map((s) => (
        <div key={s.part} className="text-ink-muted">
          {partName(s.part)}: {describeSource(s)}
        </div>
      ))}
    </div>
  );
}
