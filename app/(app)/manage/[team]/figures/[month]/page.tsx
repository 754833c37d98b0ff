import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MonthFiguresForm, type FormItem } from '@/components/figures/month-form';
import { TeamTabs } from '@/components/figures/team-tabs';
import { PageHeader } from '@/components/ui/card';
import { readTeamCatalog, readMonthWithHints } from '@/lib/figures/figures';
import { fieldValuesOf } from '@/lib/figures/month-form';
import { addMonths, currentMonth, monthLabel, monthSchema } from '@/lib/dates/month';
import { managedTeamOrInterrupt } from '@/lib/pages';
import { requirePageActor } from '@/lib/session';
import { formatInstant, zoneLabel } from '@/lib/dates/zone';
import { teamTimeZone } from '@/lib/time-zone';
import { UNIT_LABELS } from '@/lib/team-settings/kpi-schemas';

export const metadata: Metadata = { title: 'Enter figures' };

export default async function MonthPage({ params }: { params: Promise<{ team: string; month: string }> }) {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const { team: slug, month: rawMonth } = await params;
  const team = await managedTeamOrInterrupt(actor, slug);
  const parsed = monthSchema().safeParse(rawMonth);
  if (!parsed.success) notFound();
  const month = parsed.data;
  const [catalog, { current, lastMonth, lastYear }, zone] = await Promise.all([
    readTeamCatalog(actor, team.id),
    readMonthWithHints(actor, team.id, month),
    teamTimeZone(team.id),
  ]);
  const values = fieldValuesOf(current.state);
  // Archived items still show when this month holds a figure for them.
  const visible = <T extends { id: string; name: string; archivedAt: Date | null }>(items: T[], prefixes: string[]) =>
    items
      .filter((i) => !i.archivedAt || prefixes.some((p) => values[`${p}:${i.id}`] !== undefined))
      .map((i) => ({ id: i.id, name: i.name, archived: Boolean(i.archivedAt) }) satisfies FormItem);
  const next = addMonths(month, 1);
  return (
    <>
      <PageHeader
        title={`${team.name}: ${monthLabel(month)}`}
        description={
          current.version
            ? `Version ${current.version}, last saved ${current.updatedAt ? formatInstant(current.updatedAt, zone) : ''} (${zoneLabel(zone)})${current.updatedBy ? ` by ${current.updatedBy}` : ''}.`
            : 'No figures yet for this month.'
        }
        actions={
          <nav aria-label="Months" className="flex gap-3 text-sm">
            <Link className="text-accent underline" href={`/manage/${team.slug}/figures/${addMonths(month, -1)}`}>
              ← {monthLabel(addMonths(month, -1))}
            </Link>
            {next <= currentMonth() ? (
              <Link className="text-accent underline" href={`/manage/${team.slug}/figures/${next}`}>
                {monthLabel(next)} →
              </Link>
            ) : null}
          </nav>
        }
      />
      <TeamTabs slug={team.slug} current="" />
      <MonthFiguresForm
        key={month}
        team={team.slug}
        month={month}
        version={current.version}
        values={values}
        hints={{ lastMonth: fieldValuesOf(lastMonth.state), lastYear: fieldValuesOf(lastYear.state) }}
        labels={{ lastMonth: monthLabel(addMonths(month, -1)), lastYear: monthLabel(addMonths(month, -12)) }}
        channels={visible(catalog.channels, ['received', 'handled'])}
        reasons={visible(catalog.reasons, ['reason'])}
        segments={visible(catalog.segments, ['segment'])}
        kpis={catalog.kpis
          .filter((k) => !k.archivedAt || values[`kpi:${k.id}`] !== undefined)
          .map((k) => ({
            id: k.id,
            name: k.name,
            archived: Boolean(k.archivedAt),
            unit: UNIT_LABELS[k.unit],
            target: k.target,
          }))}
      />
    </>
  );
}
