import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { ROLE_LABELS } from '@/lib/authz';
import { requirePageActor } from '@/lib/session';
import { listUsers } from '@/lib/users/users';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await requirePageActor('ADMIN');
  const users = await listUsers(actor);
  return (
    <>
      <PageHeader
        title="Users"
        description={`${users.filter((u) => u.active).length} active of ${users.length}.`}
        actions={
          <Link href="/admin/users/new" className={buttonClass()}>
            Create user
          </Link>
        }
      />
      <div className="overflow-x-auto rounded-lg bg-surface shadow-sm ring-1 ring-line">
        <table className="min-w-full divide-y divide-line text-sm">
          <caption className="sr-only">All users, active first</caption>
          <thead className="bg-surface-muted text-left text-xs font-semibold tracking-wide text-ink-muted uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                Name
              </th>
              <th scope="col" className="px-4 py-3">
                Email
              </th>
              <th scope="col" className="px-4 py-3">
                Role
              </th>
              <th scope="col" className="px-4 py-3">
                Team
              </th>
              <th scope="col" className="px-4 py-3">
                Department
              </th>
              <th scope="col" className="px-4 py-3">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line-subtle">
            {users.map((user) => (
              <tr key={user.id} className={user.active ? '' : 'text-ink-subtle'}>
                <td className="px-4 py-3 font-medium">
                  <Link href={`/admin/users/${user.id}`} className="text-accent hover:underline">
                    {user.name}
                  </Link>
                </td>
                <td className="px-4 py-3">{user.email}</td>
                <td className="px-4 py-3">{ROLE_LABELS[user.role]}</td>
                <td className="px-4 py-3">{user.team?.name ?? '—'}</td>
                <td className="px-4 py-3">{user.department?.name ?? '—'}</td>
                <td className="px-4 py-3">{user.active ? 'Active' : 'Deactivated'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
