import type { Metadata } from 'next';
import { CreateTeamForm } from '@/components/admin/create-team-form';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyRow, TBody, Td, Th, THead, Table } from '@/components/ui/table';
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
        <Table caption="Teams">
          <THead>
            <Th>Name</Th>
            <Th>Address</Th>
            <Th numeric>Active members</Th>
          </THead>
          <TBody>
            {teams.map((team) => (
              <tr key={team.id}>
                <Td className="font-medium">{team.name}</Td>
                <Td className="font-mono text-xs">{team.slug}</Td>
                <Td numeric>{team._count.users}</Td>
              </tr>
            ))}
            {teams.length === 0 ? <EmptyRow colSpan={3}>No teams yet: create the first one.</EmptyRow> : null}
          </TBody>
        </Table>
        <Card title="New team">
          <CreateTeamForm />
        </Card>
      </div>
    </>
  );
}
