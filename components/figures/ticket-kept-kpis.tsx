'use client';
import { monthLabel } from '@/lib/dates/month';
import type { MonthByName } from '@/lib/figures/ticket-plan';
import { Radio } from '@/components/ui/input';

export type KpiSources = Record<string, Record<string, { label: string; day: string }>>;
export type KeptKpi = { name: string; months: string[]; from: string[] };

/**
 * KPIs the file has no column for but the imported months already hold (first response time,
 * handle time…): each kept as it is, labelled with where it came from, or cleared from those months.
 */
export function keptKpis(
  importedMonths: string[],
  current: Record<string, MonthByName>,
  covered: string[],
  sources: KpiSources,
): KeptKpi[] {
  const kept = new Map<string, KeptKpi>();
  for (const month of importedMonths)
    for (const name of Object.keys(current[month]?.kpis ?? {})) {
      if (covered.includes(name)) continue;
      const k = kept.get(name) ?? { name, months: [], from: [] };
      k.months.push(month);
      const src = sources[month]?.[name];
      const from = src ? `${src.label}, ${src.day}` : 'an earlier save';
      if (!k.from.includes(from)) k.from.push(from);
      kept.set(name, k);
    }
  return [...kept.values()];
}

export function KeptKpis({
  kept,
  cleared,
  onChange,
}: {
  kept: KeptKpi[];
  cleared: string[];
  onChange: (name: string, clear: boolean) => void;
}) {
  if (!kept.length) return null;
  return (
    <fieldset className="space-y-2 rounded-md bg-surface-muted p-3 text-sm" data-kept-kpis>
      <legend className="font-medium">KPIs this file does not have</legend>
      <p className="text-ink-muted">
        These months already hold them from another source. Keep them (they stay labelled with their own source wherever
        shown) or clear them from the imported months.
      </p>
      {kept.map((k) => (
        <div key={k.name} className="space-y-1">
          <p>
            <span className="font-medium">{k.name}</span>: kept from {k.from.join('; ')} (
            {k.months.map(monthLabel).join(', ')})
          </p>
          <div className="flex flex-wrap gap-4 pl-3">
            <Radio name={`kept-${k.name}`} checked={!cleared.includes(k.name)} onChange={() => onChange(k.name, false)}>
              Keep
            </Radio>
            <Radio name={`kept-${k.name}`} checked={cleared.includes(k.name)} onChange={() => onChange(k.name, true)}>
              Clear
            </Radio>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
