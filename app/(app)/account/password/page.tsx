import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { Card, PageHeader } from '@/components/ui/card';
import { ROLE_LABELS } from '@/lib/authz';
import { requirePageSessionUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const actor = await requirePageSessionUser();
  return (
    <>
      <PageHeader title="Your account" description={`${actor.name} · ${actor.email} · ${ROLE_LABELS[actor.role]}`} />
      <Card title="Change password">
        <ChangePasswordForm />
      </Card>
    </>
  );
}
