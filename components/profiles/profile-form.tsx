'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextareaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { Checkbox } from '@/components/ui/input';
import type { FormState } from '@/lib/errors';
import { removeProfileAction, saveProfileAction } from '@/lib/profiles/actions';
import { PROFILE_LIMITS } from '@/lib/profiles/schemas';
import { useUnsavedChanges } from '@/components/ui/unsaved-changes';
import { ConfirmButton } from '@/components/ui/confirm-button';

type Props = {
  initial: { title: string; bio: string; teamSince: string } | null;
  thisMonth: string;
};

/** Your own profile: your words, shown because you tick the consent box each time you save. */
export function ProfileForm({ initial, thisMonth }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveProfileAction, { ok: false });
  const guard = useUnsavedChanges();
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form {...guard} action={action} className="max-w-2xl space-y-5" noValidate key={JSON.stringify(v)}>
      <FormMessage state={state} />
      <Field
        label="Your role, in your own words"
        name="title"
        required
        maxLength={PROFILE_LIMITS.title}
        defaultValue={v.title ?? initial?.title ?? ''}
        errors={errors.title}
        hint={`For example “Billing specialist” or “The one who knows the returns process”. Up to ${PROFILE_LIMITS.title} characters.`}
      />
      <TextareaField
        label="A few sentences about you"
        name="bio"
        required
        rows={5}
        maxLength={PROFILE_LIMITS.bio}
        defaultValue={v.bio ?? initial?.bio ?? ''}
        errors={errors.bio}
        hint={`What you enjoy in the job, what customers most often ask you, what you are proud of. Plain text, up to ${PROFILE_LIMITS.bio} characters.`}
      />
      <Field
        label="In the team since"
        name="teamSince"
        type="month"
        required
        max={thisMonth}
        placeholder="2021-04"
        defaultValue={v.teamSince ?? initial?.teamSince ?? ''}
        errors={errors.teamSince}
        hint="The month you joined, like 2021-04."
        className="max-w-xs"
      />
      <div>
        <Checkbox
          name="consent"
          value="yes"
          defaultChecked={v.consent === 'yes'}
          aria-invalid={errors.consent?.length ? true : undefined}
          aria-describedby={errors.consent?.length ? 'consent-error' : undefined}
        >
          I agree that my name and this profile are shown to everyone signed in on my page, and in an edition’s “Meet
          the team” section (on the page and by email) when my team leader features me.
        </Checkbox>
        {errors.consent?.length ? (
          <p id="consent-error" className="mt-1 text-sm font-medium text-danger">
            {errors.consent.join(' ')}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : initial ? 'Save changes' : 'Share my profile'}
      </Button>
    </form>
  );
}

/** Opting out, by the person (no userId) or by an admin on their request (userId given). */
export function RemoveProfileForm({
  userId,
  label = 'Remove my profile',
  name,
}: {
  userId?: string;
  label?: string;
  /** Whose profile, when an admin removes it; none for one's own. */
  name?: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(removeProfileAction, { ok: false });
  return (
    <form action={action} className="space-y-3">
      {userId ? <input type="hidden" name="userId" value={userId} /> : null}
      <FormMessage state={state} />
      {state.ok ? null : (
        <ConfirmButton
          disabled={pending}
          title={name ? `Remove ${name}’s profile?` : 'Remove your profile?'}
          description="The title, team-since date and bio are deleted now. Names stay on the quotes and wins that credit them."
          confirmLabel="Remove the profile"
        >
          {pending ? 'Removing…' : label}
        </ConfirmButton>
      )}
    </form>
  );
}
