'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { TextareaField } from '@/components/ui/textarea-field';
import type { FormState } from '@/lib/errors';
import { addProjectUpdateAction } from '@/lib/projects/actions';
import { PROJECT_LIMITS } from '@/lib/projects/schemas';
import { formatCount } from '@/lib/format';

export function ProjectUpdateForm({ projectId, today }: { projectId: string; today: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(addProjectUpdateAction, { ok: false });
  // React resets the form after a successful post; after a rejected one it keeps what was typed.
  const v = state.ok ? {} : (state.values ?? {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate key={JSON.stringify(v)}>
      <input type="hidden" name="projectId" value={projectId} />
      <FormMessage state={state} />
      <TextareaField
        label="What happened"
        name="body"
        required
        maxLength={PROJECT_LIMITS.update}
        rows={3}
        defaultValue={v.body ?? ''}
        errors={errors.body}
        hint={`For example “Migrated 40% of chat to the new tool”. Up to ${formatCount(PROJECT_LIMITS.update)} characters; Markdown is allowed.`}
      />
      <Field
        label="Date"
        name="postedOn"
        type="date"
        max={today}
        className="max-w-xs"
        defaultValue={v.postedOn ?? today}
        errors={errors.postedOn}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Posting…' : 'Post update'}
      </Button>
    </form>
  );
}
