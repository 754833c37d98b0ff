'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { startYearReviewAction } from '@/lib/year-review/actions';
import type { FormState } from '@/lib/errors';
import { Button, buttonClass } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

export type YearChoice = { year: string; started: boolean };

function StartYear({ team, year }: { team: string; year: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(startYearReviewAction, { ok: false });
  return (
    <form action={action}>
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="year" value={year} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Start the {year} year in review
      </Button>
      <FormMessage state={state.ok ? undefined : state} />
    </form>
  );
}

/** One button per year a year in review may be started for; a started one opens its composer. */
export function StartYearReview({ team, choices }: { team: string; choices: YearChoice[] }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      {choices.map((c) =>
        c.started ? (
          <Link key={c.year} href={`/manage/${team}/reviews/${c.year}`} className={buttonClass('secondary')}>
            Open the {c.year} year in review
          </Link>
        ) : (
          <StartYear key={c.year} team={team} year={c.year} />
        ),
      )}
    </div>
  );
}
