'use client';
import { formatNumberUpTo } from '@/lib/format';
import { chartTable, type ChartSpec } from '@/lib/trends/chart-spec';
import { LazyTrendChart } from './lazy-chart';

/**
 * The chart, its "what happened" notes and its data table, all drawn from the one spec the browser
 * needs for the chart anyway: the page sends the figures once, as data, instead of a second time
 * as a server-rendered table. The table is still in the first HTML, for readers without
 * JavaScript, screen readers and print.
 */
export function ChartBody({ spec }: { spec: ChartSpec }) {
  const annotations = spec.annotations ?? [];
  const table = chartTable(spec);
  const hasData = spec.rows.some((r) => spec.series.some((s) => s.key !== 'Target' && typeof r[s.key] === 'number'));
  return (
    <>
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
      <details className="mt-2 w-full text-sm">
        <summary className="cursor-pointer font-medium text-accent">Data table</summary>
        <div className="mt-2 max-h-80 overflow-auto">
          {/* Cell styles live on the table: hundreds of cells then carry no class of their own. */}
          <table id={`${spec.id}-table`} className="min-w-full text-xs tabular-nums [&_td]:px-2 [&_td]:py-0.5 [&_td]:text-right [&_tbody_th]:px-2 [&_tbody_th]:py-0.5 [&_tbody_th]:text-left [&_tbody_th]:font-medium">
            <caption className="sr-only">{spec.title}</caption>
            <thead>
              <tr>
                {table.header.map((h) => (
                  <th key={h} scope="col" className="border-b border-line px-2 py-1 text-left font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell === null ? '–' : typeof cell === 'number' ? formatNumberUpTo(cell, 3) : cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
