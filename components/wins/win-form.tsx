'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { TextareaField } from '@/components/ui/textarea-field';
import { CreditsField } from '@/components/stories/credits-field';
import type { FormState } from '@/lib/errors';
import { createWinAction, updateWinAction } from '@/lib/wins/actions';
import { WIN_LIMITS } from '@/lib/wins/schemas';
import { formatCount } from '@/lib/format';

type Props = {
  teamMembers: { id: string; name: string }[];
  initial: { title: string; story: string; occurredOn: string; creditIds: string[] };
  winId?: string;
  /** New wins only: one per rendered form, so a repeated submission records one win. */
  submissionKey?: string;
  today: string;
};

export function WinForm({ teamMembers, initial, winId, submissionKey, today }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(winId ? updateWinAction : createWinAction, {
    ok: false,
  });
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const credited = v.creditIds !== undefined ? v.creditIds.split(',').filter(Boolean) : initial.creditIds;
  return (
    <form action={action} className="max-w-2xl space-y-5" noValidate key={JSON.stringify(v)}>
      {winId ? <input type="hidden" name="winId" value={winId} /> : null}
      {submissionKey ? <input type="hidden" name="submissionKey" value={submissionKey} /> : null}
      <FormMessage state={state} />
      <Field
        label="Title"
        name="title"
        required
        maxLength={WIN_LIMITS.title}
        defaultValue={v.title ?? initial.title}
        errors={errors.title}
        hint={`Up to ${WIN_LIMITS.title} characters.`}
      />
      <TextareaField
        label="The story"
        name="story"
        required
        maxLength={WIN_LIMITS.story}
        rows={6}
        defaultValue={v.story ?? initial.story}
        errors={errors.story}
        hint={`What happened and why it matters. Up to ${formatCount(WIN_LIMITS.story)} characters; Markdown (**bold**, lists, links) is allowed.`}
      />
      <Field
        label="Date"
        name="occurredOn"
        type="date"
        max={today}
        required
        defaultValue={v.occurredOn ?? initial.occurredOn}
        errors={errors.occurredOn}
      />
      <CreditsField legend="People to credit" members={teamMembers} selected={credited} errors={errors.creditIds} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : winId ? 'Save changes' : 'Record the win'}
      </Button>
    </form>
  );
}
