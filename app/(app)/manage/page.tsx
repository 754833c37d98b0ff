import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/ui/card';
import { requirePageActor } from '@/lib/session';
import { listManagedTeams } from '@/lib/team-access';

export const metadata: Metadata = { title: 'Manage' };

export default async function ManagePage() {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const teams = await listManagedTeams(actor);
  if (teams.length === 1) redirect(`/manage/${teams[0]!.slug}`);
  return (
    <>
      <PageHeader
        title="Manage a team"
        description="Enter and import monthly figures, and set up each team’s channels, reasons, segments and KPIs."
      />
      {teams.length ? (
        <ul className="grid gap-3 sm:grid-cols-2">
          {teams.map((t) => (
            <li key={t.id}>
              <Link
                href={`/manage/${t.slug}`}
                className="block rounded-lg bg-surface p-4 font-medium text-accent shadow-sm ring-1 ring-line hover:ring-accent-line"
              >
                {t.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-ink-muted">You are a leader without a team. Ask an admin to put you in one.</p>
      )}
    </>
  );
}
