'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/errors';
import { deleteWinAction } from '@/lib/wins/actions';

export function DeleteWinForm({ winId }: { winId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteWinAction, { ok: false });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="winId" value={winId} />
      <FormMessage state={state} />
      <p className="text-sm text-ink-muted">
        Removing hides the win from every list and page. The audit log keeps a record.
      </p>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Removing…' : 'Remove this win'}
      </Button>
    </form>
  );
}
