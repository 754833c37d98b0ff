import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { TBody, Td, Th, THead, Table } from '@/components/ui/table';
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
      <Table caption="All users, active first">
        <THead>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Team</Th>
          <Th>Status</Th>
        </THead>
        <TBody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? '' : 'text-ink-subtle'}>
              <Td className="font-medium">
                <Link href={`/admin/users/${user.id}`} className="text-accent hover:underline">
                  {user.name}
                </Link>
              </Td>
              <Td>{user.email}</Td>
              <Td>{ROLE_LABELS[user.role]}</Td>
              <Td>{user.team?.name ?? '—'}</Td>
              <Td>{user.active ? 'Active' : 'Deactivated'}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}
