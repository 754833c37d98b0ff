import type { Metadata } from 'next';
import { TeamTabs } from '@/components/figures/team-tabs';
import { TicketImport } from '@/components/figures/ticket-import';
import { Card, PageHeader } from '@/components/ui/card';
import { readTeamCatalog } from '@/lib/figures/figures';
import { currentMonth } from '@/lib/dates/month';
import { managedTeamOrInterrupt } from '@/lib/pages';
import { requirePageActor } from '@/lib/session';
import { teamTimeZone } from '@/lib/time-zone';
import { loadTicketImportContext } from '@/lib/figures/ticket-import';

export const metadata: Metadata = { title: 'Import a ticket export' };

export default async function TicketImportPage({ params }: { params: Promise<{ team: string }> }) {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const team = await managedTeamOrInterrupt(actor, (await params).team);
  const [catalog, context, timeZone] = await Promise.all([
    readTeamCatalog(actor, team.id),
    loadTicketImportContext(actor, team.id),
    teamTimeZone(team.id),
  ]);
  const active = <T extends { name: string; archivedAt: Date | null }>(items: T[]) =>
    items.filter((i) => !i.archivedAt).map((i) => i.name);
  return (
    <>
      <PageHeader
        title={`${team.name}: import a help-desk export`}
        description="From any help desk or call-centre system: one row per ticket, case, conversation or call becomes monthly figures."
      />
      <TeamTabs slug={team.slug} current="/import/tickets" />
      <Card>
        <TicketImport
          team={team.slug}
          latestMonth={currentMonth(new Date(), timeZone)}
          timeZone={timeZone}
          channels={active(catalog.channels)}
          reasons={active(catalog.reasons)}
          segments={active(catalog.segments)}
          kpis={catalog.kpis.filter((k) => !k.archivedAt).map((k) => ({ name: k.name, unit: k.unit }))}
          remembered={context.remembered}
          profiles={context.profiles}
          months={context.months}
          published={context.published}
          kpiSources={context.kpiSources}
          departments={context.departments}
        />
      </Card>
    </>
  );
}
