import Link from 'next/link';
import { Card, PageHeader } from '@/components/ui/card';
import { ROLE_LABELS } from '@/lib/authz';
import { navFor } from '@/lib/navigation';
import { requirePageActor } from '@/lib/session';
import { getTeamName } from '@/lib/teams/teams';

function greeting(hour: number) {
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

export default async function HomePage() {
  const actor = await requirePageActor();
  const teamName = actor.teamId ? await getTeamName(actor, actor.teamId) : null;
  const firstName = actor.name.split(' ')[0] ?? actor.name;
  const links = navFor(actor.role).filter((item) => item.href !== '/');
  return (
    <>
      <PageHeader
        title={`${greeting(new Date().getHours())}, ${firstName}`}
        description={`Signed in as ${ROLE_LABELS[actor.role].toLowerCase()}${teamName ? ` in ${teamName}` : ''}.`}
      />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="This month’s review">
          <p className="text-sm text-slate-700">
            Service Review shows the whole organisation how many calls, emails and messages our service teams handle, what customers ask about,
            how well the teams answer and what customers say. The dashboard with each team’s latest edition appears here once the first edition
            is published.
          </p>
        </Card>
        {links.length ? (
          <Card title="Your tools">
            <ul className="space-y-2 text-sm">
              {links.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}
