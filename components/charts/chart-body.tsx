import { chartTableMarkup } from '@/lib/charts/svg-markup';
import { mergeAnnotations, outcomeNotes, type ChartSpec } from '@/lib/charts/chart-spec';
import { SvgChart } from './svg-chart';

/**
 * The chart, its "what happened" notes and its data table, all drawn on the server from the one
 * spec: in the first HTML, for readers without JavaScript, screen readers and print. The table
 * sits in a <details> on screen and prints open (see app/globals.css).
 */
export function ChartBody({ spec }: { spec: ChartSpec }) {
  const annotations = mergeAnnotations(spec.annotations ?? []).filter((a) => a.kind !== 'outcome');
  const outcomes = outcomeNotes(spec);
  const hasData = spec.rows.some((r) => spec.series.some((s) => s.key !== 'Target' && typeof r[s.key] === 'number'));
  return (
    // On paper a narrow table sits beside its chart (app/globals.css, `.chart-body`): two cards fit
    // a page. On screen the parts stack as before.
    <div className="chart-body">
      <div className="chart-visual">
        {hasData ? (
          <div aria-describedby={`${spec.id}-table`}>
            <SvgChart spec={spec} />
          </div>
        ) : (
          <p className="rounded-md bg-surface-muted px-3 py-8 text-center text-sm text-ink-subtle">
            No figures in this period yet.
          </p>
        )}
        {spec.breaks?.length ? (
          <ul className="mt-2 space-y-1 text-xs text-ink-muted" data-source-breaks>
            {spec.breaks.map((b) => (
              <li key={b.month}>
                <span aria-hidden="true">┆ </span>
                {b.sentence}
              </li>
            ))}
          </ul>
        ) : null}
        {outcomes.length ? (
          <ol className="mt-2 space-y-1 text-xs text-ink" aria-label={`Outcomes: ${spec.title}`} data-outcomes>
            {outcomes.map((o) => (
              <li key={o.n} className="flex gap-2">
                <span className="inline-flex h-[18px] min-w-[18px] shrink-0 items-center justify-center rounded-full bg-accent-surface px-1 font-bold text-accent ring-1 ring-accent-line">
                  {o.n}
                </span>
                <span>
                  <span className="text-ink-subtle">{o.month}</span> {o.label}
                </span>
              </li>
            ))}
          </ol>
        ) : null}
        {annotations.length ? (
          <details className="chart-details mt-2 text-xs text-ink-muted">
            <summary className="cursor-pointer font-medium text-accent">What happened ({annotations.length})</summary>
            <ul
              className="mt-1 max-h-48 space-y-0.5 overflow-y-auto print:max-h-none print:overflow-visible"
              aria-label={`What happened: ${spec.title}`}
            >
              {annotations.map((a) => (
                <li key={`${a.month}-${a.kind}-${a.label}`}>
                  <span aria-hidden="true">{a.kind === 'win' ? '★' : '◆'}</span> {a.month}: {a.label}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
      <details className="chart-details chart-table mt-2 w-full text-sm">
        <summary className="cursor-pointer font-medium text-accent">Data table</summary>
        <div className="table-scroll mt-2 max-h-80 overflow-auto print:max-h-none print:overflow-visible">
          {/* Cell styles live on the table: hundreds of cells then carry no class of their own. */}
          <table
            id={`${spec.id}-table`}
            className="min-w-full text-xs tabular-nums [&_tbody_th]:px-2 [&_tbody_th]:py-0.5 [&_tbody_th]:text-left [&_tbody_th]:font-medium [&_td]:px-2 [&_td]:py-0.5 [&_td]:text-right [&_td]:whitespace-nowrap"
            // One string, like the chart's marks: a table of months never changes once drawn.
            dangerouslySetInnerHTML={{ __html: chartTableMarkup(spec) }}
          />
        </div>
      </details>
    </div>
  );
}
