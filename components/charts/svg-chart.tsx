import { chartSvg, seriesColour as colour } from '@/lib/charts/svg-markup';
import type { ChartSpec } from '@/lib/charts/chart-spec';
import { ChartPointer } from './chart-pointer';

/**
 * The chart as static SVG, drawn on the server: it is in the first HTML, prints without scrolling
 * and needs no chart library. Marks are drawn in a stretched 1000-wide box with strokes that keep
 * their width; text is placed in per cent of the width, so nothing is measured and nothing clips.
 * ChartPointer adds the tooltip and keyboard focus on top.
 */
export function SvgChart({ spec }: { spec: ChartSpec }) {
  const drawing = chartSvg(spec);
  const series = spec.series.filter((s) => s.key !== 'Target');
  return (
    <div className="@container">
      {/* Gutters: y labels on the left, and room on the right for the last month's label. */}
      <ChartPointer className="relative pr-6 pl-12">
        {/* The marks, axes and month columns are one string (lib/charts/svg-markup.ts): hundreds of
            elements that never change, sent and rendered as a copy rather than element by element. */}
        <svg
          className="block w-full overflow-visible"
          height={drawing.height}
          role="group"
          aria-label={`${spec.title}: one column per month, values in the data table`}
          data-chart={spec.id}
          dangerouslySetInnerHTML={{ __html: drawing.markup }}
        />
      </ChartPointer>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 pl-12 text-xs text-ink" aria-label={`Legend: ${spec.title}`}>
        {series.map((s, i) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <svg width="16" height="10" aria-hidden="true">
              {spec.kind === 'stacked-bar' || spec.kind === 'stacked-area' ? (
                <rect width="16" height="10" fill={colour(i)} />
              ) : (
                <line
                  x1="0"
                  x2="16"
                  y1="5"
                  y2="5"
                  stroke={colour(i)}
                  strokeWidth={i === 0 ? 2.5 : 2}
                  strokeDasharray={spec.kind === 'yoy' && i === 1 ? '5 3' : undefined}
                />
              )}
            </svg>
            {s.label}
          </li>
        ))}
        {drawing.targetLabel !== null ? (
          <li className="flex items-center gap-1.5">
            <svg width="16" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="16"
                y1="5"
                y2="5"
                stroke="var(--color-chart-target)"
                strokeWidth={1.5}
                strokeDasharray="4 2"
              />
            </svg>
            {drawing.targetLabel}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
