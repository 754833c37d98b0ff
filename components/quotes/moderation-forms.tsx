'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { TextareaField } from '@/components/ui/field';
import { approveQuoteAction, rejectQuoteAction } from '@/lib/quotes/actions';
import type { FormState } from '@/lib/errors';
import { QUOTE_LIMITS } from '@/lib/quotes/schemas';

// Several quotes share the page, so every field id carries the quote's id.
export function ModerationForms({ quoteId }: { quoteId: string }) {
  const [approved, approve, approving] = useActionState<FormState, FormData>(approveQuoteAction, { ok: false });
  const [rejected, reject, rejecting] = useActionState<FormState, FormData>(rejectQuoteAction, { ok: false });
  const pullId = `pullQuote-${quoteId}`;
  const reasonId = `reason-${quoteId}`;
  const pullErrors = approved.fieldErrors?.pullQuote;
  const reasonErrors = rejected.fieldErrors?.reason;
  return (
    <div className="grid gap-4 border-t border-line pt-4 md:grid-cols-2">
      <form action={approve} noValidate className="space-y-2" key={`a-${JSON.stringify(approved.values ?? {})}`}>
        <input type="hidden" name="quoteId" value={quoteId} />
        <FormMessage state={approved} />
        <TextareaField
          id={pullId}
          label="Pull-quote (optional)"
          name="pullQuote"
          rows={2}
          maxLength={QUOTE_LIMITS.pullQuote}
          defaultValue={approved.values?.pullQuote ?? ''}
          errors={pullErrors}
          hint={`A shorter highlight copied exactly from the customer’s words, up to ${QUOTE_LIMITS.pullQuote} characters. The original is kept as it is.`}
        />
        <Button type="submit" disabled={approving}>
          {approving ? 'Approving…' : 'Approve'}
        </Button>
      </form>
      <form action={reject} noValidate className="space-y-2" key={`r-${JSON.stringify(rejected.values ?? {})}`}>
        <input type="hidden" name="quoteId" value={quoteId} />
        <FormMessage state={rejected} />
        <TextareaField
          id={reasonId}
          label="Reason for rejecting"
          name="reason"
          rows={2}
          maxLength={QUOTE_LIMITS.reason}
          defaultValue={rejected.values?.reason ?? ''}
          errors={reasonErrors}
          hint={`The submitter sees this. Up to ${QUOTE_LIMITS.reason} characters.`}
        />
        <Button type="submit" variant="danger" disabled={rejecting}>
          {rejecting ? 'Rejecting…' : 'Reject'}
        </Button>
      </form>
    </div>
  );
}
