import type { Metadata } from 'next';
import { ReasonDepartmentsEditor } from '@/components/departments/reason-departments-editor';
import { DestinationEditor } from '@/components/deliveries/destination-editor';
import { ReminderEditor } from '@/components/deliveries/reminder-editor';
import { KpiEditor } from '@/components/figures/kpi-editor';
import { ListEditor } from '@/components/figures/list-editor';
import { TeamTabs } from '@/components/figures/team-tabs';
import { TimeZoneEditor } from '@/components/figures/time-zone-editor';
import { TokenEditor } from '@/components/figures/token-editor';
import { PageHeader } from '@/components/ui/card';
import { formatInstant, formatInstantDay } from '@/lib/dates/zone';
import { LIST_KINDS, LIST_LABELS } from '@/lib/team-settings/list-kinds';
import { managedTeamOrInterrupt } from '@/lib/pages';
import { requirePageActor } from '@/lib/session';
import { DIRECTION_LABELS, KPI_DIRECTIONS, KPI_UNITS, UNIT_LABELS } from '@/lib/team-settings/kpi-schemas';
import { readTeamSettings } from '@/lib/team-settings/settings';
import { listDestinations } from '@/lib/deliveries/destinations';
import { getReminderDays } from '@/lib/distribution/reminder';
import { listReasonLinks } from '@/lib/departments/links';

export const metadata: Metadata = { title: 'Team settings' };

export default async function SettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const team = await managedTeamOrInterrupt(actor, (await params).team);
  const { lists, kpis, tokens, usedIds, timeZone, organisationZone, zones } = await readTeamSettings(actor, team.id);
  const [destinations, reminderDays, reasonLinks] = await Promise.all([
    listDestinations(actor, team.id),
    getReminderDays(actor, team.id),
    listReasonLinks(actor, team.id),
  ]);
  return (
    <>
      <PageHeader
        title={`${team.name}: team settings`}
        description="What this team tracks. Items that hold figures are archived, never deleted, so history and charts keep them."
      />
      <TeamTabs slug={team.slug} current="/settings" />
      <div className="grid gap-6 lg:grid-cols-3">
        {LIST_KINDS.map((kind, i) => (
          <ListEditor
            key={kind}
            team={team.slug}
            kind={kind}
            title={LIST_LABELS[kind].plural}
            singular={LIST_LABELS[kind].singular}
            items={lists[i]!.map((item) => ({
              id: item.id,
              name: item.name,
              archived: item.archivedAt !== null,
              used: usedIds.has(item.id),
            }))}
          />
        ))}
      </div>
      <div className="mt-6 space-y-6">
        <ReasonDepartmentsEditor
          team={team.slug}
          reasons={reasonLinks.reasons}
          segments={reasonLinks.segments}
          channels={reasonLinks.channels}
          departments={reasonLinks.departments}
        />
        <KpiEditor
          team={team.slug}
          kpis={kpis.map((k) => ({
            id: k.id,
            name: k.name,
            unit: k.unit,
            direction: k.direction,
            target: k.target?.toNumber() ?? null,
            decimals: k.decimals,
            archived: k.archivedAt !== null,
          }))}
          units={KPI_UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))}
          directions={KPI_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
        />
        <TimeZoneEditor team={team.slug} current={timeZone} organisationZone={organisationZone} zones={zones} />
        <DestinationEditor
          team={team.slug}
          destinations={destinations.map((d) => ({ id: d.id, kind: d.kind, name: d.name, host: d.urlHost }))}
        />
        <ReminderEditor team={team.slug} days={reminderDays} />
        <TokenEditor
          team={team.slug}
          apiExample={`PUT /api/v1/teams/${team.slug}/months/YYYY-MM with Authorization: Bearer <token>`}
          tokens={tokens.map((t) => ({
            id: t.id,
            name: t.name,
            prefix: t.prefix,
            // Shown in the team's zone, like every time on the page.
            lastUsedAt: t.lastUsedAt ? formatInstant(t.lastUsedAt, timeZone ?? organisationZone) : null,
            revokedAt: t.revokedAt ? formatInstantDay(t.revokedAt, timeZone ?? organisationZone) : null,
            createdAt: formatInstantDay(t.createdAt, timeZone ?? organisationZone),
            createdBy: t.createdBy?.name ?? null,
          }))}
        />
      </div>
    </>
  );
}
