'use client';
import { useActionState } from 'react';
import { comparableAcrossBreakAction, declareSourceBreakAction } from '@/lib/figures/source-actions';
import type { FormState } from '@/lib/errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

export type BreakView = {
  month: string;
  monthLabel: string;
  sentence: string;
  /** Each part that the break applies to, with whether the leader declared it comparable. */
  parts: { part: string; name: string; comparable: boolean }[];
};

/** One part's "comparable across this change" switch: its own small form, audited in lib. */
function ComparableToggle({
  team,
  month,
  part,
  name,
  comparable,
}: { team: string; month: string } & BreakView['parts'][number]) {
  const [state, action, pending] = useActionState<FormState, FormData>(comparableAcrossBreakAction, { ok: false });
  return (
    <li className="flex flex-wrap items-center gap-2">
      <span className="min-w-40">{name}:</span>
      <span className={comparable ? 'text-success' : 'text-ink-muted'}>
        {comparable ? 'compared across the change' : 'not comparable — source changed'}
      </span>
      <form action={action}>
        <input type="hidden" name="team" value={team} />
        <input type="hidden" name="month" value={month} />
        <input type="hidden" name="part" value={part} />
        <input type="hidden" name="comparable" value={comparable ? 'no' : 'yes'} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {comparable ? 'Not comparable' : 'Same measure on both: compare'}
        </Button>
      </form>
      {state.message && !state.ok ? <span className="text-danger">{state.message}</span> : null}
    </li>
  );
}

/**
 * The team's changes of source and the leader's two declarations: a change of help desk the
 * figures cannot show by themselves, and a KPI that measures the same thing on both sides.
 */
export function SourceBreaks({
  team,
  breaks,
  defaultMonth,
}: {
  team: string;
  breaks: BreakView[];
  defaultMonth: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(declareSourceBreakAction, { ok: false });
  return (
    <section
      aria-labelledby="source-breaks-title"
      className="mt-6 space-y-3 rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line"
    >
      <h2 id="source-breaks-title" className="text-base font-semibold">
        Changes of source
      </h2>
      <p className="text-sm text-ink-muted">
        Figures from different help desks are counted differently. Across a change, editions, the dashboard, trends,
        email and chat say “not comparable — source changed” instead of a rise or fall. An import from another desk than
        the month before marks one by itself.
      </p>
      {breaks.length ? (
        <ul className="space-y-3 text-sm" data-source-break-list>
          {breaks.map((b) => (
            <li key={b.month}>
              <p className="font-medium">{b.sentence}</p>
              <ul className="mt-1 space-y-1 pl-3">
                {b.parts.map((p) => (
                  <ComparableToggle key={p.part} team={team} month={b.month} {...p} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-subtle">No change of source so far.</p>
      )}
      <FormMessage state={state} />
      <form action={action} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="team" value={team} />
        <Field
          label="We changed help desk in"
          name="month"
          type="month"
          defaultValue={state.values?.month ?? defaultMonth}
          errors={state.fieldErrors?.month}
        />
        <Field
          label="Why, in a sentence"
          name="reason"
          defaultValue={state.values?.reason ?? ''}
          errors={state.fieldErrors?.reason}
          className="min-w-80 flex-1"
          placeholder="We moved from Freshdesk to Salesforce Service Cloud."
        />
        <Button type="submit" disabled={pending}>
          Mark the change
        </Button>
      </form>
    </section>
  );
}
