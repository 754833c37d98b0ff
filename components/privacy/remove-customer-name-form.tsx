'use client';
import { useActionState } from 'react';
import { removeCustomerNameAction } from '@/lib/privacy/actions';
import type { FormState } from '@/lib/errors';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

export function RemoveCustomerNameForm({ quoteId, label }: { quoteId: string; label: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(removeCustomerNameAction, { ok: false });
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="quoteId" value={quoteId} />
      {state.ok ? null : (
        <Button type="submit" variant="secondary" disabled={pending} aria-label={label}>
          {pending ? 'Removing…' : 'Remove the name'}
        </Button>
      )}
    </form>
  );
}
