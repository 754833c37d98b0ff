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
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Teams</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-700 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">Name</th>
                <th scope="col" className="px-4 py-3">Address</th>
                <th scope="col" className="px-4 py-3 text-right">Active members</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {teams.map((team) => (
                <tr key={team.id}>
                  <td className="px-4 py-3 font-medium">{team.name}</td>
                  <td className="px-4 py-3 font-mono text-xs">{team.slug}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{team._count.users}</td>
                </tr>
              ))}
              {teams.length === 0 ? (
                <tr>
                  <td colSpan={3} className="px-4 py-6 text-center text-slate-600">
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
