'use client';
import { startTransition, useActionState, useState, type SyntheticEvent } from 'react';
import { monthlyImportAction, type ImportState } from '@/lib/figures/actions';
import type { NewReasonDepartments } from '@/lib/figures/new-reason-departments';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { Field } from '@/components/ui/field';
import { Checkbox } from '@/components/ui/input';
import { NewReasonDepartmentsChoice } from './new-reason-departments';

const OUTCOME_STYLE: Record<string, string> = {
  new: 'bg-success-surface text-success',
  updated: 'bg-warning-surface text-warning',
  unchanged: 'bg-surface-strong text-ink-muted',
};

export function MonthlyImport({ team }: { team: string }) {
  const [state, action, pending] = useActionState<ImportState, FormData>(monthlyImportAction, { ok: false });
  const [reasonDepartments, setReasonDepartments] = useState<NewReasonDepartments>({});
  // Applied by hand rather than through the form's `action`: React resets a form after its action
  // (a controlled select too), and a refused import must keep the ticks and departments chosen.
  const apply = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  const preview = state.preview;
  const blocking = (state.problems?.length ?? 0) > 0 || (preview?.problems.length ?? 0) > 0;
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="team" value={team} />
        <input type="hidden" name="step" value="preview" />
        <Field
          label="Monthly CSV file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          errors={state.fieldErrors?.file}
          hint="Columns month, kind, item, value. Comma or semicolon separated, UTF-8 (a BOM is fine), up to 5 MB."
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Reading…' : 'Preview'}
        </Button>
      </form>

      <FormMessage state={state.preview && state.ok ? undefined : state} />

      {preview ? (
        <section
          aria-labelledby="preview-title"
          className="space-y-4 rounded-lg bg-surface p-5 shadow-sm ring-1 ring-line"
        >
          <h2 id="preview-title" className="text-lg font-semibold">
            Preview of {state.fileName}: {preview.rows} rows, {preview.months.length} months
          </h2>
          {preview.months.length ? (
            <ul className="flex flex-wrap gap-2 text-sm" aria-label="What would change, by month">
              {preview.months.map((m) => (
                <li key={m.month} className={`rounded px-2 py-1 ${OUTCOME_STYLE[m.outcome]}`}>
                  {m.month}: {m.outcome}
                </li>
              ))}
            </ul>
          ) : null}
          {(state.problems ?? preview.problems).length ? (
            <div role="alert">
              <h3 className="font-semibold text-danger">
                Problems to fix in the file (nothing is imported until they are gone)
              </h3>
              <ul className="mt-2 max-h-80 list-disc overflow-y-auto pl-5 text-sm text-danger">
                {(state.problems ?? preview.problems).map((p, i) => (
                  <li key={i}>
                    {p.where ? <strong>{p.where}: </strong> : null}
                    {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <form onSubmit={apply} className="space-y-3">
            <input type="hidden" name="team" value={team} />
            <input type="hidden" name="step" value="apply" />
            <input type="hidden" name="csv" value={state.csv ?? ''} />
            <input type="hidden" name="fileName" value={state.fileName ?? ''} />
            {preview.unknown.length ? (
              <fieldset className="rounded-md bg-warning-surface p-3 text-sm ring-1 ring-warning-line">
                <legend className="font-semibold text-warning">Names this team does not have yet</legend>
                <ul className="mt-1 list-disc pl-5">
                  {preview.unknown.map((u) => (
                    <li key={`${u.kind}-${u.name}`}>
                      {u.kind === 'reason' ? 'contact reason' : u.kind === 'kpi' ? 'KPI' : u.kind} “{u.name}”
                    </li>
                  ))}
                </ul>
                <Checkbox name="createUnknown" className="mt-2">
                  Create them (new KPIs start as “score”; adjust them in team settings)
                </Checkbox>
              </fieldset>
            ) : null}
            <NewReasonDepartmentsChoice
              reasons={preview.unknown.filter((u) => u.kind === 'reason').map((u) => u.name)}
              departments={preview.departments}
              chosen={reasonDepartments}
              errors={state.fieldErrors}
              onChange={(field, id) => setReasonDepartments((d) => ({ ...d, [field]: id }))}
            />
            <Checkbox name="confirmHandled">Handled may exceed received (backlog worked off)</Checkbox>
            <Button type="submit" disabled={pending || blocking || preview.months.length === 0}>
              {pending
                ? 'Importing…'
                : `Import ${preview.months.filter((m) => m.outcome !== 'unchanged').length} changed month(s)`}
            </Button>
          </form>
        </section>
      ) : null}

      {state.applied ? (
        <p
          role="status"
          className="rounded-md bg-success-surface px-3 py-2 text-sm text-success ring-1 ring-success-line"
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
