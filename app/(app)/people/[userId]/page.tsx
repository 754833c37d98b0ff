import type { Metadata } from 'next';
import { QuoteFigure } from '@/components/quotes/quote-figure';
import { WinCard } from '@/components/wins/win-card';
import { PersonProfile } from '@/components/profiles/person-profile';
import { PageHeader } from '@/components/ui/card';
import { ROLE_LABELS } from '@/lib/authz';
import { getPersonPage } from '@/lib/people/people';
import { requirePageActor } from '@/lib/session';
import { orPageError } from '@/lib/pages';

export const metadata: Metadata = { title: 'Person' };

export default async function PersonPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await requirePageActor();
  const { userId } = await params;
  const { person, quotes, wins, profile, isSelf, canRemoveProfile } = await orPageError(getPersonPage(actor, userId));
  return (
    <>
      <PageHeader
        title={person.name}
        description={`${ROLE_LABELS[person.role]}, ${person.team?.name ?? ''}. Do you know your customer service representatives? This is what customers and colleagues credit them for.`}
      />
      <PersonProfile
        userId={person.id}
        name={person.name}
        profile={profile}
        isSelf={isSelf}
        canRemove={canRemoveProfile}
        canHaveProfile={isSelf && (person.role === 'AGENT' || person.role === 'LEADER')}
      />
      <section aria-labelledby="praise" className="mb-10">
        <h2 id="praise" className="mb-4 text-lg font-semibold">
          What customers said
        </h2>
        {quotes.length ? (
          <ul className="grid gap-4 md:grid-cols-2">
            {quotes.map((q) => (
              <li key={q.id}>
                <QuoteFigure quote={q} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-ink-muted">No approved quotes credit {person.name} yet.</p>
        )}
      </section>
      <section aria-labelledby="wins">
        <h2 id="wins" className="mb-4 text-lg font-semibold">
          Wins
        </h2>
        {wins.length ? (
          <ul className="grid gap-4 md:grid-cols-2">
            {wins.map((w) => (
              <li key={w.id}>
                <WinCard win={w} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-ink-muted">No wins credit {person.name} yet.</p>
        )}
      </section>
    </>
  );
}
