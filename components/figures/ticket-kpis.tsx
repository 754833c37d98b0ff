'use client';
import type { ReactNode } from 'react';
import type { ColumnMapping } from '@/lib/figures/ticket-export';
import { Select } from '@/components/ui/input';

export type KpiTargets = { csat: string; firstResponse: string; handleTime: string };
const ROWS = [
  ['csat', 'satisfaction', 'Satisfaction → % satisfied'],
  ['firstResponse', 'firstResponse', 'First response → average'],
  ['handleTime', 'handleTime', 'Handle time → average'],
] as const;

/** Which KPI each measured column fills; a KPI filled here is set for every month in the file. */
export function TicketKpis({
  kpis,
  targets,
  mapping,
  onChange,
  children,
}: {
  kpis: { name: string }[];
  targets: KpiTargets;
  mapping: ColumnMapping;
  onChange: (key: keyof KpiTargets, value: string) => void;
  children?: ReactNode;
}) {
  const present = ROWS.filter(([, field]) => mapping[field] !== undefined);
  return (
    <fieldset className="grid gap-3 rounded-md p-3 ring-1 ring-line sm:grid-cols-3">
      <legend className="px-1 text-sm font-semibold">KPIs to fill</legend>
      {present.length === 0 ? (
        <p className="text-sm text-ink-muted sm:col-span-3">
          This file has no satisfaction or time column: each month keeps the KPIs it has.
        </p>
      ) : null}
      {present.map(([key, , label]) => (
        <div key={key}>
          <label htmlFor={`kpi-${key}`} className="block text-xs text-ink-muted">
            {label}
          </label>
          <Select
            id={`kpi-${key}`}
            size="sm"
            className="mt-1"
            value={targets[key]}
            onChange={(e) => onChange(key, e.target.value)}
          >
            <option value="">Don’t fill</option>
            {kpis.map((k) => (
              <option key={k.name} value={k.name}>
                {k.name}
              </option>
            ))}
          </Select>
        </div>
      ))}
      {children}
    </fieldset>
  );
}
