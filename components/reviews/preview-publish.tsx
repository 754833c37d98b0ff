'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { saveReviewAction, type SaveReviewState } from '@/lib/publishing/actions';
import { FormMessage } from '@/components/ui/form-message';
import { PublishButton } from './composer-parts';

type Props = {
  team: string;
  month: string;
  monthLabel: string;
  values: Record<string, string>;
  emailOn: boolean;
  recipients: number;
  distribution: string;
  stale: boolean;
};

/**
 * Publish from the preview: exactly the saved draft that is on screen (its saved values travel as
 * hidden fields, and the version check refuses it if someone saved since), after the same
 * confirmation as the composer's.
 */
export function PreviewPublish({ team, month, monthLabel, values, emailOn, recipients, distribution, stale }: Props) {
  const [state, action, pending] = useActionState<SaveReviewState, FormData>(saveReviewAction, { ok: false });
  if (state.ok && state.published) {
    return (
      <div className="space-y-2">
        <FormMessage state={state} />
        <Link href={`/reviews/${team}/${month}`} className="text-sm font-semibold underline">
          Open the published edition
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="month" value={month} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {stale ? (
        <p className="text-sm">
          The figures changed since the story was written: rewrite the generated parts or confirm the text stands in the
          composer before publishing.
        </p>
      ) : null}
      <PublishButton
        published={false}
        emailOn={emailOn}
        everyone={recipients}
        distribution={distribution.trim() ? distribution : ''}
        pending={pending}
        monthLabel={monthLabel}
      />
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
