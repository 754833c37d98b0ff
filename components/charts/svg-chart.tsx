import { chartGeometry, PLOT_HEIGHT, PLOT_WIDTH } from '@/lib/charts/geometry';
import type { ChartSpec } from '@/lib/trends/chart-spec';
import { ChartPointer } from './chart-pointer';

// Every colour is a CSS variable from app/globals.css, so the chart follows light and dark like the
// rest of the page (SVG presentation attributes accept var()). The series are Okabe–Ito.
const PALETTE = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `var(--color-series-${n})`);
const colour = (i: number) => PALETTE[i % PALETTE.length]!;

// Month labels thin out with the chart's width through container queries (see xLabelBands): the
// class for "shown" or "hidden" in each band, written out so Tailwind finds them.
const BAND_CLASSES = [
  ['inline', 'hidden'],
  ['@min-[440px]:inline', '@min-[440px]:hidden'],
  ['@min-[600px]:inline', '@min-[600px]:hidden'],
  ['@min-[760px]:inline', '@min-[760px]:hidden'],
  ['@min-[840px]:inline', '@min-[840px]:hidden'],
] as const;
const bandClass = (bands: boolean[]) => bands.map((shown, b) => BAND_CLASSES[b]![shown ? 0 : 1]).join(' ');

const MARKS = 18; // room for the ★/◆ markers above the plot
const OUTCOMES = 22; // and above those, the numbered outcome markers when there are any
const BOTTOM = 24; // month labels

/**
 * The chart as static SVG, drawn on the server: it is in the first HTML, prints without scrolling
 * and needs no chart library. Marks are drawn in a stretched 1000-wide box with strokes that keep
 * their width; text is placed in per cent of the width, so nothing is measured and nothing clips.
 * ChartPointer adds the tooltip and keyboard focus on top.
 */
export function SvgChart({ spec }: { spec: ChartSpec }) {
  const g = chartGeometry(spec);
  const series = spec.series.filter((s) => s.key !== 'Target');
  const TOP = MARKS + (g.outcomeMarkers.length ? OUTCOMES : 0);
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  return (
    <div className="@container">
      {/* Gutters: y labels on the left, and room on the right for the last month's label. */}
      <ChartPointer className="relative pr-6 pl-12">
        <svg
          className="block w-full overflow-visible"
          height={height}
          role="group"
          aria-label={`${spec.title}: one column per month, values in the data table`}
          data-chart={spec.id}
        >
          <g aria-hidden="true" fontSize={12} fill="var(--color-ink-muted)">
            {g.grid.map((t) => (
              <g key={t.label}>
                <line
                  x1="0"
                  x2="100%"
                  y1={TOP + t.y}
                  y2={TOP + t.y}
                  stroke="var(--color-chart-grid)"
                  strokeDasharray={t.y === PLOT_HEIGHT ? undefined : '3 3'}
                />
                <text x={-6} y={TOP + t.y} dy={4} textAnchor="end">
                  {t.label}
                </text>
              </g>
            ))}
            {g.xLabels.map((l, i) => (
              <text
                key={i}
                x={`${l.xPct}%`}
                y={TOP + PLOT_HEIGHT + 17}
                textAnchor="middle"
                className={bandClass(l.bands)}
              >
                {l.text}
              </text>
            ))}
            {g.markers.map((m) => (
              <text key={m.months} x={`${m.xPct}%`} y={TOP - 5} textAnchor="middle" fontSize={11}>
                {m.kind === 'win' ? '★' : '◆'}
              </text>
            ))}
          </g>
          {/* Outcomes: a numbered badge per month, the numbers of the list under the chart. */}
          <g aria-hidden="true" data-outcome-markers>
            {g.outcomeMarkers.map((m) => {
              const label = m.numbers.join(',');
              const width = 10 + label.length * 7;
              return (
                <svg key={m.month} x={`${m.xPct}%`} y={0} overflow="visible">
                  <rect
                    x={-width / 2}
                    y={1}
                    width={width}
                    height={18}
                    rx={9}
                    fill="var(--color-accent-surface)"
                    stroke="var(--color-accent-line)"
                  />
                  <text y={14} textAnchor="middle" fontSize={12} fontWeight={700} fill="var(--color-accent)">
                    {label}
                  </text>
                </svg>
              );
            })}
          </g>
          <svg
            y={TOP}
            width="100%"
            height={PLOT_HEIGHT}
            viewBox={`0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}`}
            preserveAspectRatio="none"
            overflow="visible"
            aria-hidden="true"
            className="chart-marks"
          >
            {g.markers.map((m) => (
              <line
                key={m.months}
                x1={m.xPct * 10}
                x2={m.xPct * 10}
                y1={0}
                y2={PLOT_HEIGHT}
                stroke={m.kind === 'win' ? colour(2) : colour(3)}
                strokeDasharray="2 3"
                strokeOpacity={0.7}
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {g.outcomeMarkers.map((m) => (
              <line
                key={m.month}
                x1={m.xPct * 10}
                x2={m.xPct * 10}
                y1={-(TOP - 19)}
                y2={PLOT_HEIGHT}
                stroke="var(--color-accent-line)"
                strokeWidth={1.5}
                strokeDasharray="4 3"
                strokeOpacity={0.6}
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {g.bars.map((b, i) => (
              <rect key={i} x={b.x} y={b.y} width={b.width} height={b.height} fill={colour(b.series)} />
            ))}
            {g.paths.map((p) =>
              p.fill ? (
                <path
                  key={p.series}
                  d={p.d}
                  fill={colour(p.series)}
                  fillOpacity={0.75}
                  stroke={colour(p.series)}
                  strokeWidth={1}
                  vectorEffect="non-scaling-stroke"
                />
              ) : (
                <g key={p.series}>
                  <path
                    d={p.d}
                    fill="none"
                    stroke={colour(p.series)}
                    strokeWidth={p.series === 0 ? 2.5 : 2}
                    strokeDasharray={p.dashed ? '5 3' : undefined}
                    strokeLinejoin="round"
                    vectorEffect="non-scaling-stroke"
                  />
                  {/* A zero-length round-capped stroke is a circle that the stretched box cannot squash. */}
                  {p.dots.length ? (
                    <path
                      d={p.dots.map((d) => `M${d.x} ${d.y}h0`).join('')}
                      stroke={colour(p.series)}
                      strokeWidth={6}
                      strokeLinecap="round"
                      vectorEffect="non-scaling-stroke"
                    />
                  ) : null}
                </g>
              ),
            )}
            {g.target ? (
              <line
                x1={0}
                x2={PLOT_WIDTH}
                y1={g.target.y}
                y2={g.target.y}
                stroke="var(--color-chart-target)"
                strokeWidth={1.5}
                strokeDasharray="6 3"
                vectorEffect="non-scaling-stroke"
                data-target
              />
            ) : null}
          </svg>
          {g.target && g.target.place !== 'legend-only' ? (
            <text
              aria-hidden="true"
              x="100%"
              y={TOP + g.target.y + (g.target.place === 'above' ? -5 : 14)}
              textAnchor="end"
              fontSize={12}
              fill="var(--color-chart-target)"
            >
              {g.target.label}
            </text>
          ) : null}
          {/* One column per month to hover or focus; only one is in the tab order (arrow keys move).
              Its accessible name is also the tooltip's text: the words are sent once. */}
          <g className="chart-columns">
            {g.columns.map((c, i) => (
              <rect
                key={i}
                x={`${c.xPct}%`}
                width={`${c.widthPct}%`}
                y={TOP}
                height={PLOT_HEIGHT}
                fill="transparent"
                role="img"
                aria-label={c.lines.join('; ')}
                data-tip
                tabIndex={i === g.columns.length - 1 ? 0 : -1}
              />
            ))}
          </g>
        </svg>
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
        {g.target ? (
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
            {g.target?.label}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
