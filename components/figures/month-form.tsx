'use client';
import { useActionState } from 'react';
import { formatWithUnit } from '@/lib/format';
import { saveMonthAction, type SaveMonthState } from '@/lib/figures/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { Checkbox, Input, Textarea } from '@/components/ui/input';
import { useUnsavedChanges } from '@/components/ui/unsaved-changes';

/** A target as it was typed (its KPI's decimals are not passed to this form): 92.5 keeps its one. */
const decimalsOf = (n: number) => (Number.isInteger(n) ? 0 : (String(n).split('.')[1]?.length ?? 0));

export type FormItem = { id: string; name: string; archived: boolean; unit?: string; target?: number | null };
type Hints = { lastMonth: Record<string, string>; lastYear: Record<string, string> };

type Props = {
  team: string;
  month: string;
  version: number;
  values: Record<string, string>;
  hints: Hints;
  labels: { lastMonth: string; lastYear: string };
  channels: FormItem[];
  reasons: FormItem[];
  segments: FormItem[];
  kpis: FormItem[];
};

function NumberField({
  name,
  state,
  hints,
  labels,
  unit,
  srLabel,
}: {
  name: string;
  srLabel: string;
  state: SaveMonthState;
  hints: Hints;
  labels: Props['labels'];
  unit?: string | undefined;
}) {
  const errors = state.fieldErrors?.[name];
  const theirs = state.conflict?.values[name];
  const describedBy = [errors?.length ? `${name}-error` : null, `${name}-hint`].filter(Boolean).join(' ');
  const id = name.replace(':', '-');
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {srLabel}
      </label>
      <div className="flex items-center gap-1">
        <Input
          id={id}
          name={name}
          inputMode="decimal"
          maxLength={16}
          autoComplete="off"
          defaultValue={state.values?.[name] ?? ''}
          invalid={Boolean(errors?.length)}
          aria-describedby={describedBy}
          size="sm"
          className="min-w-20 text-right tabular-nums"
        />
        {unit ? <span className="text-xs text-ink-subtle">{unit}</span> : null}
      </div>
      <p id={`${name}-hint`} className="mt-0.5 text-right text-xs text-ink-subtle">
        <span title={labels.lastMonth}>{hints.lastMonth[name] ?? '–'}</span> ·{' '}
        <span title={labels.lastYear}>{hints.lastYear[name] ?? '–'}</span>
        <span className="sr-only">
          {' '}
          ({labels.lastMonth}: {hints.lastMonth[name] ?? 'none'}; {labels.lastYear}: {hints.lastYear[name] ?? 'none'})
        </span>
      </p>
      {theirs !== undefined && theirs !== (state.values?.[name] ?? '') ? (
        <p className="text-right text-xs font-medium text-warning">Theirs: {theirs || 'empty'}</p>
      ) : null}
      {errors?.length ? (
        <p id={`${name}-error`} className="mt-0.5 text-xs font-medium text-danger">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line">
      <legend className="px-1 text-base font-semibold text-ink">{title}</legend>
      {children}
    </fieldset>
  );
}

export function MonthFiguresForm(props: Props) {
  const [state, action, pending] = useActionState<SaveMonthState, FormData>(saveMonthAction, {
    ok: false,
    values: props.values,
    version: props.version,
  });
  const guard = useUnsavedChanges();
  const version = state.values?.version ?? String(state.version ?? props.version);
  const common = { state, hints: props.hints, labels: props.labels };
  const archivedNote = (i: FormItem) => (i.archived ? ' (archived)' : '');
  return (
    <form
      {...guard}
      action={action}
      className="space-y-6"
      noValidate
      key={`${version}-${state.conflict ? 'conflict' : ''}-${state.message ?? ''}`}
    >
      <input type="hidden" name="team" value={props.team} />
      <input type="hidden" name="month" value={props.month} />
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <p className="text-xs text-ink-subtle">
        Under each field: {props.labels.lastMonth} · {props.labels.lastYear}. Leave a field empty when there is no
        figure.
      </p>
      <Section title="Contacts by channel">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-ink-subtle uppercase">
              <th scope="col" className="py-1">
                Channel
              </th>
              <th scope="col" className="py-1 text-right">
                Received
              </th>
              <th scope="col" className="py-1 text-right">
                Handled
              </th>
            </tr>
          </thead>
          <tbody>
            {props.channels.map((c) => (
              <tr key={c.id} className="align-top">
                <th scope="row" className="py-2 pr-3 text-left font-medium">
                  {c.name}
                  {archivedNote(c)}
                </th>
                <td className="py-1 pr-2">
                  <NumberField name={`received:${c.id}`} srLabel={`${c.name} received`} {...common} />
                </td>
                <td className="py-1">
                  <NumberField name={`handled:${c.id}`} srLabel={`${c.name} handled`} {...common} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Checkbox name="confirmHandled" defaultChecked={state.values?.confirmHandled === 'on'} className="mt-3">
          Handled can exceed received this month (backlog worked off)
        </Checkbox>
      </Section>
      <div className="grid gap-6 lg:grid-cols-2">
        {[
          { title: 'Contact reasons', prefix: 'reason', items: props.reasons },
          { title: 'Who contacted', prefix: 'segment', items: props.segments },
        ].map((group) => (
          <Section key={group.prefix} title={group.title}>
            {group.items.length ? (
              <div className="grid grid-cols-[1fr_9rem] items-start gap-x-3 gap-y-1">
                {group.items.map((i) => (
                  <div key={i.id} className="contents">
                    <span className="pt-1.5 text-sm font-medium" id={`${group.prefix}-${i.id}-label`}>
                      {i.name}
                      {archivedNote(i)}
                    </span>
                    <NumberField name={`${group.prefix}:${i.id}`} srLabel={`${group.title}: ${i.name}`} {...common} />
                  </div>
                ))}
              </div>
            ) : (
              <p className="text-sm text-ink-subtle">None set up yet: add them in team settings.</p>
            )}
          </Section>
        ))}
      </div>
      <Section title="KPIs">
        <div className="grid grid-cols-[1fr_10rem] items-start gap-x-3 gap-y-1">
          {props.kpis.map((k) => (
            <div key={k.id} className="contents">
              <span className="pt-1.5 text-sm font-medium">
                {k.name}
                {archivedNote(k)}
                {k.target !== null && k.target !== undefined ? (
                  <span className="block text-xs font-normal text-ink-subtle">
                    Target{' '}
                    {formatWithUnit(
                      k.target,
                      k.unit === 'count' || k.unit === 'score' ? '' : k.unit,
                      decimalsOf(k.target),
                    )}
                  </span>
                ) : null}
              </span>
              <NumberField name={`kpi:${k.id}`} srLabel={`KPI ${k.name}`} unit={k.unit} {...common} />
            </div>
          ))}
        </div>
      </Section>
      <Section title="Note">
        <label htmlFor="note" className="text-sm text-ink-muted">
          Anything that explains the month (up to 1000 characters), e.g. “storm on the 12th doubled phone volume”.
        </label>
        <Textarea
          id="note"
          name="note"
          rows={3}
          maxLength={1000}
          defaultValue={state.values?.note ?? ''}
          invalid={Boolean(state.fieldErrors?.note)}
          aria-describedby={state.fieldErrors?.note ? 'note-error' : undefined}
          className="mt-1"
        />
        {state.conflict?.values.note !== undefined && state.conflict.values.note !== (state.values?.note ?? '') ? (
          <p className="text-xs font-medium text-warning">Theirs: {state.conflict.values.note}</p>
        ) : null}
        {state.fieldErrors?.note ? (
          <p id="note-error" className="text-sm text-danger">
            {state.fieldErrors.note.join(' ')}
          </p>
        ) : null}
      </Section>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : state.conflict ? 'Save mine anyway' : 'Save figures'}
        </Button>
        <span className="text-xs text-ink-subtle">Version {version}</span>
      </div>
    </form>
  );
}
