'use client';
import { useActionState } from 'react';
import { kpiAction } from '@/lib/team-settings/actions';
import type { FormState } from '@/lib/errors';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { ConfirmButton } from '@/components/ui/confirm-button';

type Kpi = {
  id: string;
  name: string;
  unit: string;
  direction: string;
  target: number | null;
  decimals: number;
  archived: boolean;
};
type Option = { value: string; label: string };

function KpiForm({ team, kpi, units, directions }: { team: string; kpi?: Kpi; units: Option[]; directions: Option[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(kpiAction, { ok: false });
  const v = state.ok ? {} : (state.values ?? {});
  const p = kpi ? `kpi-${kpi.id}` : 'kpi-new';
  return (
    <form
      action={action}
      className="grid items-end gap-2 sm:grid-cols-[2fr_1fr_1.5fr_1fr_1fr_auto]"
      noValidate
      key={state.ok ? `ok-${state.message}` : JSON.stringify(v)}
    >
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="op" value="save" />
      {kpi ? <input type="hidden" name="id" value={kpi.id} /> : null}
      <Field
        id={`${p}-name`}
        label="Name"
        name="name"
        defaultValue={v.name ?? kpi?.name ?? ''}
        errors={state.fieldErrors?.name}
        maxLength={80}
      />
      <SelectField
        id={`${p}-unit`}
        label="Unit"
        name="unit"
        defaultValue={v.unit ?? kpi?.unit ?? 'PERCENT'}
        errors={state.fieldErrors?.unit}
      >
        {units.map((u) => (
          <option key={u.value} value={u.value}>
            {u.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${p}-direction`}
        label="Better when"
        name="direction"
        defaultValue={v.direction ?? kpi?.direction ?? 'HIGHER_IS_BETTER'}
        errors={state.fieldErrors?.direction}
      >
        {directions.map((d) => (
          <option key={d.value} value={d.value}>
            {d.label}
          </option>
        ))}
      </SelectField>
      <Field
        id={`${p}-target`}
        label="Target"
        name="target"
        inputMode="decimal"
        defaultValue={v.target ?? (kpi?.target ?? '').toString()}
        errors={state.fieldErrors?.target}
      />
      <Field
        id={`${p}-decimals`}
        label="Decimals"
        name="decimals"
        inputMode="numeric"
        defaultValue={v.decimals ?? String(kpi?.decimals ?? 0)}
        errors={state.fieldErrors?.decimals}
      />
      <Button type="submit" variant={kpi ? 'secondary' : 'primary'} disabled={pending}>
        {kpi ? 'Save' : 'Add KPI'}
      </Button>
      <div className="sm:col-span-6">
        <FormMessage state={state.message && (state.ok || !state.fieldErrors) ? state : undefined} />
      </div>
    </form>
  );
}

const small = 'rounded px-2 py-1 text-xs font-medium text-ink-muted ring-1 ring-line-strong hover:bg-surface-strong';

function ArchiveButton({ team, kpi }: { team: string; kpi: Kpi }) {
  const [state, action, pending] = useActionState<FormState, FormData>(kpiAction, { ok: false });
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="id" value={kpi.id} />
      {kpi.archived ? (
        <button type="submit" name="op" value="restore" disabled={pending} className={small}>
          Restore {kpi.name}
        </button>
      ) : (
        <ConfirmButton
          name="op"
          value="archive"
          disabled={pending}
          className={small}
          title={`Archive the KPI “${kpi.name}”?`}
          description="It leaves the month form, the dashboard and new editions; its recorded values stay. Restore it any time."
          confirmLabel="Archive the KPI"
        >
          Archive {kpi.name}
        </ConfirmButton>
      )}
      {!state.ok && state.message ? <span className="text-xs text-danger">{state.message}</span> : null}
    </form>
  );
}

export function KpiEditor({
  team,
  kpis,
  units,
  directions,
}: {
  team: string;
  kpis: Kpi[];
  units: Option[];
  directions: Option[];
}) {
  return (
    <section aria-labelledby="kpi-title" className="space-y-4 rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line">
      <h2 id="kpi-title" className="text-base font-semibold">
        KPIs
      </h2>
      {kpis.map((k) => (
        <div key={k.id} className={`space-y-1 border-b border-line-subtle pb-3 ${k.archived ? 'opacity-70' : ''}`}>
          <KpiForm team={team} kpi={k} units={units} directions={directions} />
          <ArchiveButton team={team} kpi={k} />
        </div>
      ))}
      <div>
        <h3 className="mb-2 text-sm font-semibold">Add a KPI</h3>
        <KpiForm team={team} units={units} directions={directions} />
      </div>
    </section>
  );
}
