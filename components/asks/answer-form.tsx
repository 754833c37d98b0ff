'use client';
import { startTransition, useActionState, useState, type SyntheticEvent } from 'react';
import { answerAskAction } from '@/lib/asks/actions';
import { ASK_STATUSES, ASK_STATUS_LABELS } from '@/lib/asks/schemas';
import type { FormState } from '@/lib/errors';
import type { AskStatus } from '@/lib/generated/prisma/enums';
import { Button } from '@/components/ui/button';
import { SelectField, TextareaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

/** Status and a note; what was typed stays after a refusal, and a conflict says who answered. */
export function AnswerAskForm({
  askId,
  seen,
  status,
  title,
}: {
  askId: string;
  seen: string;
  status: AskStatus;
  title: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(answerAskAction, { ok: false });
  const values = state.ok ? {} : (state.values ?? {});
  const errors = state.fieldErrors ?? {};
  const [chosen, setChosen] = useState<string>(status);
  // Submitted by hand rather than through `action`: React resets a form after its action, and a
  // refused answer must keep the status chosen (a controlled select is reset too).
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form
      onSubmit={submit}
      className="mt-3 space-y-3"
      noValidate
      aria-label={`Answer “${title}”`}
      key={state.ok ? state.message : 'answer'}
    >
      <input type="hidden" name="askId" value={askId} />
      <input type="hidden" name="seen" value={values.seen ?? seen} />
      <FormMessage state={state} />
      <SelectField
        id={`answer-${askId}-status`}
        label="Status"
        name="status"
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
        errors={errors.status}
      >
        {ASK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ASK_STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id={`answer-${askId}-note`}
        label="Note to the team"
        name="answer"
        rows={3}
        defaultValue={values.answer ?? ''}
        errors={errors.answer}
        hint="What was done, what happens next, or why not. The team and its next edition read this."
      />
      <Button type="submit" disabled={pending}>
        Save answer
      </Button>
    </form>
  );
}
