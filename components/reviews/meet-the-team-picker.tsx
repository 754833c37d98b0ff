'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { Checkbox } from '@/components/ui/input';
import type { FormState } from '@/lib/errors';
import { saveMeetTheTeamAction } from '@/lib/profiles/actions';

type Props = {
  team: string;
  month: string;
  options: { id: string; name: string; title: string }[];
  selected: string[];
};

/** The composer's choice of opted-in teammates for "Meet the team"; its own form, saved on its own. */
export function MeetTheTeamPicker({ team, month, options, selected }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveMeetTheTeamAction, { ok: false });
  const chosen = state.values?.userIds !== undefined ? state.values.userIds.split(',').filter(Boolean) : selected;
  const errors = state.fieldErrors?.userIds;
  if (!options.length)
    return (
      <p className="text-sm text-ink-muted">
        Nobody in the team has shared a profile yet. Teammates add one under Account → Your profile; only then can they
        be featured here.
      </p>
    );
  return (
    <form action={action} className="space-y-3" key={chosen.join(',')}>
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="month" value={month} />
      <FormMessage state={state} />
      <fieldset aria-describedby={errors?.length ? 'meet-error' : undefined}>
        <legend className="text-sm text-ink-muted">
          Teammates who shared a profile. Whoever opts out before you publish is left out automatically.
        </legend>
        <div className="mt-2 space-y-2">
          {options.map((o) => (
            <Checkbox key={o.id} name="userIds" value={o.id} defaultChecked={chosen.includes(o.id)}>
              <span className="font-medium text-ink">{o.name}</span>
              <span className="block text-xs text-ink-subtle">{o.title}</span>
            </Checkbox>
          ))}
        </div>
        {errors?.length ? (
          <p id="meet-error" className="mt-1 text-sm font-medium text-danger">
            {errors.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save “Meet the team”'}
      </Button>
    </form>
  );
}
