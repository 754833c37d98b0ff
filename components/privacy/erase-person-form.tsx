'use client';
import { useActionState } from 'react';
import { erasePersonAction } from '@/lib/privacy/actions';
import type { FormState } from '@/lib/errors';
import { Field } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

/** Erasing cannot be undone, so the admin types the person's email to confirm. */
export function ErasePersonForm({ userId, email }: { userId: string; email: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(erasePersonAction, { ok: false });
  const v = state.ok ? {} : (state.values ?? {});
  if (state.ok) return <FormMessage state={state} />;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <Field
        label="Type their email address to confirm"
        name="confirmEmail"
        type="email"
        autoComplete="off"
        required
        defaultValue={v.confirmEmail ?? ''}
        errors={state.fieldErrors?.confirmEmail}
        hint={`${email}. This cannot be undone.`}
      />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Erasing…' : 'Erase this person'}
      </Button>
    </form>
  );
}
