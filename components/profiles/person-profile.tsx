import Link from 'next/link';
import { PlainText } from '@/components/stories/plain-text';
import { RemoveProfileForm } from '@/components/profiles/profile-form';
import { teamSinceText } from '@/lib/profiles/edition';

type Props = {
  userId: string;
  name: string;
  profile: { title: string; bio: string; teamSince: string } | null;
  isSelf: boolean;
  canRemove: boolean;
  canHaveProfile: boolean;
};

/** The person in their own words, when they opted in; an invitation on their own page when not. */
export function PersonProfile({ userId, name, profile, isSelf, canRemove, canHaveProfile }: Props) {
  if (!profile) {
    return canHaveProfile ? (
      <p className="mb-8 rounded-lg bg-surface p-4 text-sm text-ink-muted ring-1 ring-line">
        You have no profile yet.{' '}
        <Link href="/account/profile" className="font-medium text-accent underline">
          Add a few words about yourself
        </Link>{' '}
        if you like: it is optional and shows only with your agreement.
      </p>
    ) : null;
  }
  return (
    <section
      aria-labelledby="profile-title"
      className="mb-10 rounded-lg bg-surface p-5 shadow-sm ring-1 ring-line"
      data-testid="person-profile"
    >
      <h2 id="profile-title" className="text-lg font-semibold text-ink">
        About {name}
      </h2>
      <p className="text-sm text-ink-muted">
        {profile.title} · {teamSinceText(profile.teamSince)}
      </p>
      <PlainText text={profile.bio} className="mt-3 max-w-prose text-ink" />
      {isSelf ? (
        <p className="mt-3 text-sm">
          <Link href="/account/profile" className="font-medium text-accent underline">
            Edit or remove your profile
          </Link>
        </p>
      ) : null}
      {canRemove ? (
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer font-medium text-ink-muted">Remove this profile (on request)</summary>
          <div className="mt-2">
            <p className="mb-2 text-ink-muted">
              Only when {name} asks: they write and change it themselves. Published editions are not changed.
            </p>
            <RemoveProfileForm userId={userId} label="Remove the profile" name={name} />
          </div>
        </details>
      ) : null}
    </section>
  );
}
