'use client';
import { useActionState } from 'react';
import { createTeamAction } from '@/lib/teams/actions';
import type { FormState } from '@/lib/errors';
import { Field } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

export function CreateTeamForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createTeamAction, { ok: false });
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-4" noValidate key={state.ok ? 'done' : JSON.stringify(v)}>
      <FormMessage state={state} />
      <Field
        label="Team name"
        name="name"
        required
        maxLength={80}
        defaultValue={v.name ?? ''}
        errors={state.fieldErrors?.name}
      />
      <Field
        label="Address (slug)"
        name="slug"
        maxLength={60}
        defaultValue={v.slug ?? ''}
        errors={state.fieldErrors?.slug}
        hint="Used in links such as /reviews/customer-care. Leave empty to derive it from the name."
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create team'}
      </Button>
    </form>
  );
}
