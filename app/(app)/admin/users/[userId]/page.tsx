import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActiveForm, ResetPasswordForm, RoleTeamForm, SignOutEverywhereForm } from '@/components/admin/edit-user-forms';
import { Card, PageHeader } from '@/components/ui/card';
import { ROLE_LABELS } from '@/lib/authz';
import { formatInstant, zoneLabel } from '@/lib/dates/zone';
import { listDepartmentNames } from '@/lib/departments/departments';
import { env } from '@/lib/env';
import { NotFoundError } from '@/lib/errors';
import { requirePageActor } from '@/lib/session';
import { listTeams } from '@/lib/teams/teams';
import { appTimeZone } from '@/lib/time-zone';
import { roleOptions } from '@/lib/users/options';
import { getUserForAdmin } from '@/lib/users/users';

export const metadata: Metadata = { title: 'Edit user' };

export default async function EditUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await requirePageActor('ADMIN');
  const { userId } = await params;
  const user = await getUserForAdmin(actor, userId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const oneTimePasswordHours = env().ONE_TIME_PASSWORD_HOURS;
  const teams = (await listTeams(actor)).map((t) => ({ value: t.id, label: t.name }));
  const departments = await listDepartmentNames(actor);
  return (
    <>
      <PageHeader
        title={user.name}
        description={`${user.email} · ${ROLE_LABELS[user.role]}${user.team ? ` · ${user.team.name}` : ''}${user.department ? ` · ${user.department.name}` : ''} · ${user.active ? 'active' : 'deactivated'}${user.lastSignInAt ? ` · last signed in ${formatInstant(user.lastSignInAt, appTimeZone())} (${zoneLabel(appTimeZone())})` : ''}`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Role, team and department">
          <RoleTeamForm
            userId={user.id}
            role={user.role}
            teamId={user.teamId}
            department={user.department?.name ?? null}
            roles={roleOptions}
            teams={teams}
            departments={departments}
          />
        </Card>
        <div className="space-y-6">
          <Card title="Access">
            <p className="mb-3 text-sm text-ink-muted">
              {user.active
                ? 'Deactivating signs them out at their next request; their quotes, wins and history stay.'
                : 'This user cannot sign in.'}
            </p>
            <ActiveForm userId={user.id} active={user.active} />
          </Card>
          <Card title="Password">
            <p className="mb-3 text-sm text-ink-muted">
              A new one-time password ends every session they have; it works for {oneTimePasswordHours} hours.
            </p>
            <ResetPasswordForm userId={user.id} />
          </Card>
          <Card title="Sessions">
            <p className="mb-3 text-sm text-ink-muted">
              A lost laptop or a shared computer: end every session they have, on every device. They can sign in again.
            </p>
            <SignOutEverywhereForm userId={user.id} />
          </Card>
        </div>
      </div>
    </>
  );
}
