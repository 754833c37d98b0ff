import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { Card, PageHeader } from '@/components/ui/card';
import { ROLE_LABELS } from '@/lib/authz';
import { requirePageSessionUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageSessionUser();
  const changed = (await searchParams).changed === '1' && !actor.passwordChangeRequired;
  return (
    <>
      <PageHeader title="Your account" description={`${actor.name} · ${actor.email} · ${ROLE_LABELS[actor.role]}`} />
      {changed ? (
        <p
          role="status"
          className="mb-4 rounded-md bg-success-surface px-3 py-2 text-sm text-success ring-1 ring-success-line"
        >
          Your password was changed. Every other session you had has ended.
        </p>
      ) : null}
      <Card title="Change password">
        <ChangePasswordForm />
      </Card>
      {actor.role === 'AGENT' || actor.role === 'LEADER' ? (
        <p className="mt-6 text-sm text-ink-muted">
          <Link href="/account/profile" className="font-medium text-accent underline">
            Your profile
          </Link>{' '}
          — optional: a few words about you, for your page and an edition’s “Meet the team”.
        </p>
      ) : null}
    </>
  );
}
