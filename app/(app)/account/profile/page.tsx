import type { Metadata } from 'next';
import Link from 'next/link';
import { ProfileForm, RemoveProfileForm } from '@/components/profiles/profile-form';
import { Card, PageHeader } from '@/components/ui/card';
import { currentMonth } from '@/lib/dates/month';
import { orPageError } from '@/lib/pages';
import { getOwnProfile } from '@/lib/profiles/profiles';
import { requirePageActor } from '@/lib/session';

export const metadata: Metadata = { title: 'Your profile' };

export default async function ProfilePage() {
  const actor = await requirePageActor('AGENT', 'LEADER');
  const profile = await orPageError(getOwnProfile(actor));
  return (
    <>
      <PageHeader
        title="Your profile"
        description={
          <>
            Optional, and only with your agreement.{' '}
            <Link href={`/people/${actor.id}`} className="font-medium text-accent underline">
              See your page
            </Link>{' '}
            ·{' '}
            <Link href="/account/password" className="font-medium text-accent underline">
              Password
            </Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card title={profile ? 'Your profile is shared' : 'Share a short profile'}>
          <ProfileForm initial={profile} thisMonth={currentMonth()} />
        </Card>
        <div className="space-y-6">
          <Card title="Who sees it">
            <div className="space-y-2 text-sm text-ink-muted" data-testid="profile-consent">
              <p>
                Your name comes from your account. With your role, your words and the month you joined, it shows on{' '}
                <strong className="text-ink">your person page</strong>, which everyone signed in can open, next to the
                customer quotes and wins that credit you.
              </p>
              <p>
                When your team leader chooses to feature you, it also appears in an edition’s{' '}
                <strong className="text-ink">“Meet the team”</strong> section: on its page, in print and in the email
                sent to its readers.
              </p>
              <p>
                Nobody else can write or change it. You can edit it or remove it at any time: removing it takes it off
                your page and out of every edition not yet published. Editions already published keep it as they were
                sent, like a newsletter already delivered.
              </p>
              <p>No page counts or ranks people.</p>
            </div>
          </Card>
          {profile ? (
            <Card title="Opt out">
              <p className="mb-3 text-sm text-ink-muted">
                Deletes your profile now. Your name stays on the quotes and wins that credit you.
              </p>
              <RemoveProfileForm />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
