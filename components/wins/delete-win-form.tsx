'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/errors';
import { deleteWinAction } from '@/lib/wins/actions';
import { ConfirmButton } from '@/components/ui/confirm-button';

export function DeleteWinForm({ winId, title }: { winId: string; title: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteWinAction, { ok: false });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="winId" value={winId} />
      <FormMessage state={state} />
      <p className="text-sm text-ink-muted">
        Removing hides the win from every list and page. The audit log keeps a record.
      </p>
      <ConfirmButton
        disabled={pending}
        title={`Remove the win “${title}”?`}
        description="It disappears from every list and page; the audit log keeps a record."
        confirmLabel="Remove the win"
      >
        {pending ? 'Removing…' : 'Remove this win'}
      </ConfirmButton>
    </form>
  );
}
