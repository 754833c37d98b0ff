'use client';
import { useActionState } from 'react';
import { erasePersonAction } from '@/lib/privacy/actions';
import type { FormState } from '@/lib/errors';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { ConfirmButton } from '@/components/ui/confirm-button';

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
      <ConfirmButton
        disabled={pending}
        title={`Erase ${email}?`}
        description="Their name, email, password, sessions, thanks notes and audit entries go for good; credits show “Former colleague”. This cannot be undone."
        confirmLabel="Erase them"
      >
        {pending ? 'Erasing…' : 'Erase this person'}
      </ConfirmButton>
    </form>
  );
}
