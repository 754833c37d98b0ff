'use client';
import { useActionState, useEffect } from 'react';
import {
  emailOptOutAction,
  hideThanksAction,
  retryEmailAction,
  startReviewAction,
  thankReviewAction,
} from '@/lib/publishing/actions';
import type { FormState } from '@/lib/errors';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField, TextareaField } from '@/components/ui/field';

export function StartReviewForm({ team, months }: { team: string; months: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(startReviewAction, { ok: false });
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="team" value={team} />
      <SelectField
        id="start-month"
        label="Month"
        name="month"
        defaultValue={state.values?.month ?? months[0]?.value}
        errors={state.fieldErrors?.month}
      >
        {months.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending}>
        Start the edition
      </Button>
      <div className="w-full">
        <FormMessage state={state.ok ? undefined : state} />
      </div>
    </form>
  );
}

/** Calls `onSaved` after each successful submit: a page that fetched its state refetches it. */
function useSaved(state: FormState, onSaved: (() => void) | undefined) {
  useEffect(() => {
    if (state.ok) onSaved?.();
  }, [state, onSaved]);
}

export function ThanksForm({
  reviewId,
  thanked,
  note,
  onSaved,
}: {
  reviewId: string;
  thanked: boolean;
  note: string | null;
  onSaved?: () => void;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(thankReviewAction, { ok: false });
  useSaved(state, onSaved);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="reviewId" value={reviewId} />
      <FormMessage state={state} />
      {thanked ? <p className="text-sm text-ink-muted">You said thank you{note ? `: “${note}”` : '.'}</p> : null}
      <TextareaField
        id="thanks-note"
        label="A short note to the team (optional)"
        name="note"
        rows={2}
        maxLength={500}
        defaultValue={state.ok ? '' : (state.values?.note ?? '')}
        errors={state.fieldErrors?.note}
        placeholder="I didn’t realise…"
      />
      <Button type="submit" disabled={pending}>
        {thanked ? 'Send your note' : 'Say thank you'}
      </Button>
    </form>
  );
}

export function HideNoteForm({ thanksId, onSaved }: { thanksId: string; onSaved?: () => void }) {
  const [state, action, pending] = useActionState<FormState, FormData>(hideThanksAction, { ok: false });
  useSaved(state, onSaved);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="thanksId" value={thanksId} />
      <Button type="submit" variant="ghost" className="px-2 py-1 text-xs" disabled={pending}>
        Hide note
      </Button>
      {state.message && !state.ok ? <span className="text-xs text-danger"> {state.message}</span> : null}
    </form>
  );
}

export function OptOutForm({
  team,
  teamName,
  optedOut,
  onSaved,
}: {
  team: string;
  teamName: string;
  optedOut: boolean;
  onSaved?: () => void;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(emailOptOutAction, { ok: false });
  useSaved(state, onSaved);
  return (
    <form action={action} className="space-y-2 text-sm">
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="optOut" value={optedOut ? 'no' : 'yes'} />
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {optedOut ? `Email me ${teamName}’s editions again` : `Stop ${teamName}’s emails`}
      </Button>
    </form>
  );
}

export function RetryEmailForm({ emailId, label = 'Retry now' }: { emailId: string; label?: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(retryEmailAction, { ok: false });
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="emailId" value={emailId} />
      <Button type="submit" variant="secondary" className="px-3 py-1 text-xs" disabled={pending}>
        {label}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

/**
 * The composer of a month not started yet ("Needs you" links here): one button starts it, and
 * the action lands back on this address with the draft.
 */
export function StartThisEditionForm({ team, month, label }: { team: string; month: string; label: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(startReviewAction, { ok: false });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="month" value={month} />
      <Button type="submit" disabled={pending}>
        Start the {label} edition
      </Button>
      <FormMessage state={state.ok ? undefined : state} />
    </form>
  );
}
