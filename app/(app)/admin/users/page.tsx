import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { pageParam } from '@/lib/paging';
import { buttonClass } from '@/components/ui/button';
import { TBody, Td, Th, THead, Table } from '@/components/ui/table';
import { ROLE_LABELS } from '@/lib/authz';
import { requirePageActor } from '@/lib/session';
import { listUsers } from '@/lib/users/users';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor('ADMIN');
  const { users, total, active, page, pageCount } = await listUsers(actor, pageParam.parse((await searchParams).page));
  return (
    <>
      <PageHeader
        title="Users"
        description={`${active} active of ${total}.`}
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
          <Th>Department</Th>
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
              <Td>{user.department?.name ?? '—'}</Td>
              <Td>{user.active ? 'Active' : 'Deactivated'}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <Pagination page={page} pageCount={pageCount} label="Pages of users" />
    </>
  );
}
