'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, SelectField, TextareaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/errors';
import { createOutcomeAction, deleteOutcomeAction, updateOutcomeAction } from '@/lib/outcomes/actions';
import { OUTCOME_KIND_LABELS, OUTCOME_KINDS, OUTCOME_TEXT_MAX } from '@/lib/outcomes/schemas';
import { useUnsavedChanges } from '@/components/ui/unsaved-changes';
import { ConfirmButton } from '@/components/ui/confirm-button';

export type OutcomeFormValues = { kind: string; occurredOn: string; text: string; askId: string; reviewId: string };

type Props = {
  team: string;
  asks: { id: string; label: string }[];
  editions: { id: string; label: string }[];
  initial: OutcomeFormValues;
  outcomeId?: string;
  today: string;
};

/** Record or edit an outcome; a rejected submit keeps every field as typed. */
export function OutcomeForm({ team, asks, editions, initial, outcomeId, today }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(
    outcomeId ? updateOutcomeAction : createOutcomeAction,
    { ok: false },
  );
  const guard = useUnsavedChanges();
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form {...guard} action={action} className="space-y-4" noValidate key={JSON.stringify(v)} aria-label="Outcome">
      <input type="hidden" name="team" value={team} />
      {outcomeId ? <input type="hidden" name="outcomeId" value={outcomeId} /> : null}
      <FormMessage state={state} />
      <SelectField
        label="What happened"
        name="kind"
        defaultValue={v.kind ?? initial.kind}
        errors={errors.kind}
        required
      >
        {OUTCOME_KINDS.map((k) => (
          <option key={k} value={k}>
            {OUTCOME_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <Field
        label="Date"
        name="occurredOn"
        type="date"
        max={today}
        required
        defaultValue={v.occurredOn ?? initial.occurredOn}
        errors={errors.occurredOn}
        hint="When it happened; not in the future."
      />
      <TextareaField
        label="In a sentence"
        name="text"
        rows={3}
        required
        maxLength={OUTCOME_TEXT_MAX}
        defaultValue={v.text ?? initial.text}
        errors={errors.text}
        hint={`Up to ${OUTCOME_TEXT_MAX} characters, e.g. “Finance funded a second chat agent after our backlog figures.”`}
      />
      <SelectField
        label="It came from an ask (optional)"
        name="askId"
        defaultValue={v.askId ?? initial.askId}
        errors={errors.askId}
        hint={asks.length ? undefined : 'This team has no tracked asks yet.'}
      >
        <option value="">None</option>
        {asks.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="It came from an edition (optional)"
        name="reviewId"
        defaultValue={v.reviewId ?? initial.reviewId}
        errors={errors.reviewId}
      >
        <option value="">None</option>
        {editions.map((e) => (
          <option key={e.id} value={e.id}>
            {e.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : outcomeId ? 'Save changes' : 'Record the outcome'}
      </Button>
    </form>
  );
}

export function DeleteOutcomeForm({ team, outcomeId, text }: { team: string; outcomeId: string; text: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteOutcomeAction, { ok: false });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="outcomeId" value={outcomeId} />
      <FormMessage state={state} />
      <p className="text-sm text-ink-muted">
        Removing takes it off the impact view, the trends charts and future editions; published editions keep what they
        said. The audit log keeps a record.
      </p>
      <ConfirmButton
        disabled={pending}
        title="Remove this outcome?"
        description={<>“{text}” leaves the impact view, the trends charts and future editions.</>}
        confirmLabel="Remove the outcome"
      >
        {pending ? 'Removing…' : 'Remove this outcome'}
      </ConfirmButton>
    </form>
  );
}
