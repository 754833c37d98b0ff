'use client';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { Checkbox, Radio } from '@/components/ui/input';
import { TextareaField } from '@/components/ui/textarea-field';
import { CreditsField } from '@/components/stories/credits-field';
import { submitQuoteAction, updateQuoteAction } from '@/lib/quotes/actions';
import type { FormState } from '@/lib/errors';
import { ATTRIBUTION_LABELS, ATTRIBUTIONS, CHANNEL_LABELS, CHANNELS, QUOTE_LIMITS } from '@/lib/quotes/schemas';
import { formatCount } from '@/lib/format';
import { useUnsavedChanges } from '@/components/ui/unsaved-changes';

export type QuoteFormValues = {
  text: string;
  attribution: string;
  consent: boolean;
  customerName: string;
  customerOrganisation: string;
  channel: string;
  receivedOn: string;
  sourceReference: string;
  creditIds: string[];
};

type Props = {
  teamMembers: { id: string; name: string }[];
  initial: QuoteFormValues;
  /** New quotes: the idempotency key made when the page was rendered. */
  submissionKey?: string;
  /** Editing: the pending quote's id. */
  quoteId?: string;
  today: string;
};

export function QuoteForm({ teamMembers, initial, submissionKey, quoteId, today }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(
    quoteId ? updateQuoteAction : submitQuoteAction,
    { ok: false },
  );
  const guard = useUnsavedChanges();
  const v = state.values ?? {};
  const [attribution, setAttribution] = useState(v.attribution ?? initial.attribution);
  const errors = state.fieldErrors ?? {};
  const credited = v.creditIds !== undefined ? v.creditIds.split(',').filter(Boolean) : initial.creditIds;
  return (
    <form {...guard} action={action} className="max-w-2xl space-y-5" noValidate key={JSON.stringify(v)}>
      {submissionKey ? <input type="hidden" name="submissionKey" value={submissionKey} /> : null}
      {quoteId ? <input type="hidden" name="quoteId" value={quoteId} /> : null}
      <FormMessage state={state} />
      <TextareaField
        label="The customer’s words"
        name="text"
        required
        maxLength={QUOTE_LIMITS.text}
        rows={6}
        defaultValue={v.text ?? initial.text}
        errors={errors.text}
        hint={`Exactly as they wrote or said it. Up to ${formatCount(QUOTE_LIMITS.text)} characters; shown as plain text.`}
      />
      <fieldset aria-describedby={errors.attribution ? 'attribution-error' : undefined}>
        <legend className="block text-sm font-medium text-ink">How to attribute it</legend>
        <div className="mt-2 space-y-2">
          {ATTRIBUTIONS.map((a) => (
            <Radio key={a} name="attribution" value={a} checked={attribution === a} onChange={() => setAttribution(a)}>
              {ATTRIBUTION_LABELS[a]}
            </Radio>
          ))}
        </div>
        {errors.attribution ? (
          <p id="attribution-error" className="mt-1 text-sm font-medium text-danger">
            {errors.attribution.join(' ')}
          </p>
        ) : null}
        <p className="mt-1 text-xs text-ink-subtle">
          Anonymous quotes never show who the customer is, anywhere; nothing about the customer is stored for them.
        </p>
      </fieldset>
      {attribution === 'NAMED' ? (
        <>
          <Field
            label="Customer’s name"
            name="customerName"
            maxLength={QUOTE_LIMITS.customerName}
            defaultValue={v.customerName ?? initial.customerName}
            errors={errors.customerName}
            hint={`Up to ${QUOTE_LIMITS.customerName} characters.`}
          />
          <div>
            <Checkbox
              name="consent"
              defaultChecked={v.consent !== undefined ? v.consent === 'on' : initial.consent}
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={errors.consent ? 'consent-error' : undefined}
            >
              The customer agreed to be named with their words. (Recorded with your name and the date.)
            </Checkbox>
            {errors.consent ? (
              <p id="consent-error" className="mt-1 text-sm font-medium text-danger">
                {errors.consent.join(' ')}
              </p>
            ) : null}
          </div>
        </>
      ) : null}
      {attribution === 'NAMED' || attribution === 'ORGANISATION' ? (
        <Field
          label={attribution === 'NAMED' ? 'Customer’s organisation (optional)' : 'Customer’s organisation'}
          name="customerOrganisation"
          maxLength={QUOTE_LIMITS.customerOrganisation}
          defaultValue={v.customerOrganisation ?? initial.customerOrganisation}
          errors={errors.customerOrganisation}
          hint={`Up to ${QUOTE_LIMITS.customerOrganisation} characters.`}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Channel" name="channel" defaultValue={v.channel ?? initial.channel} errors={errors.channel}>
          <option value="">Choose…</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </SelectField>
        <Field
          label="Date received"
          name="receivedOn"
          type="date"
          max={today}
          required
          defaultValue={v.receivedOn ?? initial.receivedOn}
          errors={errors.receivedOn}
        />
      </div>
      <Field
        label="Source reference (optional)"
        name="sourceReference"
        maxLength={QUOTE_LIMITS.sourceReference}
        defaultValue={v.sourceReference ?? initial.sourceReference}
        errors={errors.sourceReference}
        hint={`Ticket number or link, up to ${QUOTE_LIMITS.sourceReference} characters. Only you and your team’s leaders see it.`}
      />
      <CreditsField
        legend="Teammates to credit"
        members={teamMembers}
        selected={credited}
        errors={errors.creditIds}
        hint="Everyone who earned these words. You are ticked by default."
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Sending…' : quoteId ? 'Save changes' : 'Submit for approval'}
      </Button>
    </form>
  );
}
