import type { ReactNode } from 'react';
import type { ChartSpec } from '@/lib/charts/chart-spec';
import { ChartBody } from './chart-body';

/** A chart with what screen readers and number people need: caption, data table, CSV. */
export function ChartCard({ spec, csvHref, extra }: { spec: ChartSpec; csvHref?: string; extra?: ReactNode }) {
  return (
    <figure
      className="break-inside-avoid rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line print:p-3 print:shadow-none"
      aria-labelledby={`${spec.id}-title`}
    >
      <figcaption className="mb-2">
        <h3 id={`${spec.id}-title`} className="text-base font-semibold text-ink">
          {spec.title}
        </h3>
        <p className="text-xs text-ink-subtle">{spec.description}</p>
      </figcaption>
      <ChartBody spec={spec} />
      {extra}
      {csvHref ? (
        <p className="mt-2 text-sm print:hidden">
          <a href={csvHref} className="font-medium text-accent underline" download>
            Download CSV
          </a>
        </p>
      ) : null}
    </figure>
  );
}
