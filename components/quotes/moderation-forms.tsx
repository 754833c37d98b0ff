'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { approveQuoteAction, rejectQuoteAction } from '@/lib/quotes/actions';
import type { FormState } from '@/lib/errors';
import { QUOTE_LIMITS } from '@/lib/quotes/schemas';

const control =
  'mt-1 block w-full rounded-md border bg-surface px-3 py-2 text-sm shadow-sm focus:border-accent-line focus:ring-1 focus:ring-accent-line focus:outline-none';

/** Several quotes share the page, so every id carries the quote's id. */
function FieldError({ id, errors }: { id: string; errors?: string[] | undefined }) {
  return errors?.length ? (
    <p id={id} className="mt-1 text-sm font-medium text-danger">
      {errors.join(' ')}
    </p>
  ) : null;
}

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
        <label htmlFor={pullId} className="block text-sm font-medium text-ink">
          Pull-quote (optional)
        </label>
        <textarea
          id={pullId}
          name="pullQuote"
          rows={2}
          maxLength={QUOTE_LIMITS.pullQuote}
          defaultValue={approved.values?.pullQuote ?? ''}
          aria-invalid={pullErrors ? true : undefined}
          aria-describedby={[`${pullId}-hint`, pullErrors ? `${pullId}-error` : null].filter(Boolean).join(' ')}
          className={`${control} ${pullErrors ? 'border-danger' : 'border-line-strong'}`}
        />
        <p id={`${pullId}-hint`} className="text-xs text-ink-subtle">
          A shorter highlight copied exactly from the customer’s words, up to {QUOTE_LIMITS.pullQuote} characters. The
          original is kept as it is.
        </p>
        <FieldError id={`${pullId}-error`} errors={pullErrors} />
        <Button type="submit" disabled={approving}>
          {approving ? 'Approving…' : 'Approve'}
        </Button>
      </form>
      <form action={reject} noValidate className="space-y-2" key={`r-${JSON.stringify(rejected.values ?? {})}`}>
        <input type="hidden" name="quoteId" value={quoteId} />
        <FormMessage state={rejected} />
        <label htmlFor={reasonId} className="block text-sm font-medium text-ink">
          Reason for rejecting
        </label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          maxLength={QUOTE_LIMITS.reason}
          defaultValue={rejected.values?.reason ?? ''}
          aria-invalid={reasonErrors ? true : undefined}
          aria-describedby={[`${reasonId}-hint`, reasonErrors ? `${reasonId}-error` : null].filter(Boolean).join(' ')}
          className={`${control} ${reasonErrors ? 'border-danger' : 'border-line-strong'}`}
        />
        <p id={`${reasonId}-hint`} className="text-xs text-ink-subtle">
          The submitter sees this. Up to {QUOTE_LIMITS.reason} characters.
        </p>
        <FieldError id={`${reasonId}-error`} errors={reasonErrors} />
        <Button type="submit" variant="danger" disabled={rejecting}>
          {rejecting ? 'Rejecting…' : 'Reject'}
        </Button>
      </form>
    </div>
  );
}
