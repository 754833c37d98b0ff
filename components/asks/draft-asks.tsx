'use client';
import { useActionState } from 'react';
import { createAskAction, removeAskAction, updateAskAction } from '@/lib/asks/actions';
import type { FormState } from '@/lib/errors';
import { Button } from '@/components/ui/button';
import { Field, SelectField, TextareaField } from '@/components/ui/field';
import { AskStatusBadge } from './ask-status-badge';
import type { AskStatus } from '@/lib/generated/prisma/enums';

export type DraftAsk = {
  id: string;
  title: string;
  details: string;
  status: AskStatus;
  departmentId: string;
  department: string;
};
type Department = { id: string; name: string };

/**
 * The outcome of a form here, announced politely. Not FormMessage: the composer keeps one status
 * region (its own save and publish messages), and these forms sit beside it.
 */
function AskMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite">
      {state.message ? (
        <p
          className={`rounded-md px-3 py-2 text-sm font-medium ${state.ok ? 'bg-success-surface text-success ring-1 ring-success-line' : 'bg-danger-surface text-danger ring-1 ring-danger-line'}`}
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

/** Title, department and details: the same fields to add an ask and to edit one. */
function AskFields({
  prefix,
  departments,
  values,
  errors,
}: {
  prefix: string;
  departments: Department[];
  values: Partial<Record<string, string>>;
  errors: Partial<Record<string, string[] | undefined>>;
}) {
  return (
    <>
      <Field
        id={`${prefix}-title`}
        label="The ask, in a few words"
        name="title"
        defaultValue={values.title ?? ''}
        errors={errors.title}
        maxLength={120}
        required
        hint="e.g. “Warn us two weeks before price changes”. Up to 120 characters."
      />
      <SelectField
        id={`${prefix}-department`}
        label="Addressed to"
        name="departmentId"
        defaultValue={values.departmentId ?? ''}
        errors={errors.departmentId}
        required
      >
        <option value="">Choose a department…</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id={`${prefix}-details`}
        label="Details (optional)"
        name="details"
        rows={3}
        defaultValue={values.details ?? ''}
        errors={errors.details}
        hint="Markdown. What you need from them and why."
      />
    </>
  );
}

function AddAskForm({ team, month, departments }: { team: string; month: string; departments: Department[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createAskAction, { ok: false });
  const values = state.values ?? {};
  return (
    // A new key after each success empties the form for the next ask.
    <form
      action={action}
      className="space-y-3"
      noValidate
      aria-label="Add a tracked ask"
      key={state.ok ? state.message : 'add'}
    >
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="month" value={month} />
      <AskMessage state={state} />
      <AskFields prefix="new-ask" departments={departments} values={values} errors={state.fieldErrors ?? {}} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Add ask
      </Button>
    </form>
  );
}

function EditAskForm({ ask, departments }: { ask: DraftAsk; departments: Department[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateAskAction, { ok: false });
  const [removed, remove, removing] = useActionState<FormState, FormData>(removeAskAction, { ok: false });
  const values = state.values ?? { title: ask.title, departmentId: ask.departmentId, details: ask.details };
  return (
    <details className="group">
      <summary className="cursor-pointer text-sm font-medium text-accent">Edit or remove</summary>
      <form action={action} className="mt-2 space-y-3" noValidate>
        <input type="hidden" name="askId" value={ask.id} />
        <AskMessage state={state} />
        <AskFields
          prefix={`ask-${ask.id}`}
          departments={departments}
          values={values}
          errors={state.fieldErrors ?? {}}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Save ask
        </Button>
      </form>
      <form action={remove} className="mt-2">
        <input type="hidden" name="askId" value={ask.id} />
        <AskMessage state={removed} />
        <Button type="submit" variant="ghost" disabled={removing} aria-label={`Remove the ask “${ask.title}”`}>
          Remove
        </Button>
      </form>
    </details>
  );
}

/**
 * The composer's tracked asks: each addressed to a department, followed on the asks page until
 * answered. While the edition is a draft they can be edited and removed; once published they
 * stand as readers saw them, and a new one can still be added (it joins the edition with the next
 * correction).
 */
export function DraftAsks({
  team,
  month,
  published,
  asks,
  departments,
}: {
  team: string;
  month: string;
  published: boolean;
  asks: DraftAsk[];
  departments: Department[];
}) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-ink-muted">
        Asks addressed to a department, listed under “How you can help” and followed on the asks page until that
        department answers.
        {published ? ' Published asks keep their wording; a new ask joins the edition with your next correction.' : ''}
      </p>
      {asks.length ? (
        <ul className="space-y-3" aria-label="Tracked asks of this edition">
          {asks.map((ask) => (
            <li key={ask.id} className="rounded-md bg-surface-strong/40 p-3 ring-1 ring-line" data-testid="draft-ask">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p className="text-xs font-semibold tracking-wide text-accent uppercase">To {ask.department}</p>
                  <p className="font-medium text-ink">{ask.title}</p>
                </div>
                {published ? <AskStatusBadge status={ask.status} /> : null}
              </div>
              {published ? null : <EditAskForm ask={ask} departments={departments} />}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-subtle">No tracked asks yet.</p>
      )}
      {departments.length ? (
        <AddAskForm team={team} month={month} departments={departments} />
      ) : (
        <p className="text-sm text-ink-subtle">
          No departments exist yet: an administrator gives people their department, and asks can then be addressed to
          it.
        </p>
      )}
    </div>
  );
}
