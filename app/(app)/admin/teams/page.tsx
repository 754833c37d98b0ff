import type { Metadata } from 'next';
import { CreateTeamForm } from '@/components/admin/create-team-form';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePageActor } from '@/lib/session';
import { listTeams } from '@/lib/teams/teams';

export const metadata: Metadata = { title: 'Teams' };

export default async function TeamsPage() {
  const actor = await requirePageActor('ADMIN');
  const teams = await listTeams(actor);
  return (
    <>
      <PageHeader title="Teams" description="The service teams whose work Service Review shows." />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="overflow-x-auto rounded-lg bg-surface shadow-sm ring-1 ring-line">
          <table className="min-w-full divide-y divide-line text-sm">
            <caption className="sr-only">Teams</caption>
            <thead className="bg-surface-muted text-left text-xs font-semibold tracking-wide text-ink-muted uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Name
                </th>
                <th scope="col" className="px-4 py-3">
                  Address
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Active members
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line-subtle">
              {teams.map((team) => (
                <tr key={team.id}>
                  <td className="px-4 py-3 font-medium">{team.name}</td>
                  <td className="px-4 py-3 font-mono text-xs">{team.slug}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{team._count.users}</td>
                </tr>
              ))}
              {teams.length === 0 ? (
                <tr>
                  <td colSpan={3} className="px-4 py-6 text-center text-ink-subtle">
                    No teams yet: create the first one.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <Card title="New team">
          <CreateTeamForm />
        </Card>
      </div>
    </>
  );
}
