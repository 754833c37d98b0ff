import type { ReactNode } from 'react';
import { chartTable, type ChartSpec } from '@/lib/trends/charts';
import { LazyTrendChart } from './lazy-chart';

/** A chart with what screen readers and number people need: caption, data table, CSV. */
export function ChartCard({ spec, csvHref, extra }: { spec: ChartSpec; csvHref?: string; extra?: ReactNode }) {
  const annotations = spec.annotations ?? [];
  const table = chartTable(spec);
  const hasData = spec.rows.some((r) => spec.series.some((s) => s.key !== 'Target' && typeof r[s.key] === 'number'));
  return (
    <figure className="rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line print:break-inside-avoid" aria-labelledby={`${spec.id}-title`}>
      <figcaption className="mb-2">
        <h3 id={`${spec.id}-title`} className="text-base font-semibold text-ink">{spec.title}</h3>
        <p className="text-xs text-ink-subtle">{spec.description}</p>
      </figcaption>
      {hasData ? (
        <div aria-describedby={`${spec.id}-table`}>
          <LazyTrendChart spec={spec} />
        </div>
      ) : (
        <p className="rounded-md bg-surface-muted px-3 py-8 text-center text-sm text-ink-subtle">No figures in this period yet.</p>
      )}
      {annotations.length ? (
        <details className="mt-2 text-xs text-ink-muted">
          <summary className="cursor-pointer font-medium text-accent">What happened ({annotations.length})</summary>
          <ul className="mt-1 max-h-48 space-y-0.5 overflow-y-auto" aria-label={`What happened: ${spec.title}`}>
            {annotations.map((a) => (
              <li key={`${a.month}-${a.label}`}>
                <span aria-hidden="true">{a.kind === 'win' ? '★' : '◆'}</span> {a.month}: {a.label}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {extra}
      <div className="mt-2 flex flex-wrap items-center gap-4 text-sm">
        <details className="w-full">
          <summary className="cursor-pointer font-medium text-accent">Data table</summary>
          <div className="mt-2 max-h-80 overflow-auto">
            <table id={`${spec.id}-table`} className="min-w-full text-xs tabular-nums">
              <caption className="sr-only">{spec.title}</caption>
              <thead>
                <tr>
                  {table.header.map((h) => (
                    <th key={h} scope="col" className="border-b border-line px-2 py-1 text-left font-semibold">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) =>
                      j === 0 ? (
                        <th key={j} scope="row" className="px-2 py-0.5 text-left font-medium">{cell}</th>
                      ) : (
                        <td key={j} className="px-2 py-0.5 text-right">{cell === null ? '–' : typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        {csvHref ? (
          <a href={csvHref} className="font-medium text-accent underline" download>
            Download CSV
          </a>
        ) : null}
      </div>
    </figure>
  );
}
