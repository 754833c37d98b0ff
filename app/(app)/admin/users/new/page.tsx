import type { Metadata } from 'next';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { Card, PageHeader } from '@/components/ui/card';
import { listDepartmentNames } from '@/lib/departments/departments';
import { requirePageActor } from '@/lib/session';
import { listTeams } from '@/lib/teams/teams';
import { roleOptions } from '@/lib/users/options';

export const metadata: Metadata = { title: 'Create user' };

export default async function NewUserPage() {
  const actor = await requirePageActor('ADMIN');
  const [teams, departments] = await Promise.all([listTeams(actor), listDepartmentNames(actor)]);
  return (
    <>
      <PageHeader
        title="Create user"
        description="They get a one-time password, shown once, and choose their own after signing in."
      />
      <Card>
        <CreateUserForm
          roles={roleOptions}
          teams={teams.map((t) => ({ value: t.id, label: t.name }))}
          departments={departments}
        />
      </Card>
    </>
  );
}
