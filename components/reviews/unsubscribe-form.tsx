'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';
import { unsubscribeAction } from '@/lib/distribution/unsubscribe-actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

export function UnsubscribeForm({ token, teamName }: { token: string; teamName: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(unsubscribeAction, { ok: false });
  if (state.ok) return <FormMessage state={state} />;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        Stop {teamName}’s editions by email
      </Button>
    </form>
  );
}
