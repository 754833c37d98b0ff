import escapeHtml from 'escape-html';
import { chartNumber, chartTable, type ChartSpec } from './chart-spec';
import { chartGeometry, PLOT_HEIGHT, PLOT_WIDTH, type Geometry } from './geometry';

// Why markup and not JSX: a chart is hundreds of elements that never change once drawn (no state,
// no handlers — ChartPointer listens on the wrapper). As React elements each one is built,
// serialised into the RSC payload and rendered again into HTML on every request, which made the
// charts most of trends' and the edition's server CPU. As one string they cost a copy. Every value
// that came from people (series names, annotation labels) goes through escape-html.

// Every colour is a CSS variable from app/globals.css, so the chart follows light and dark like the
// rest of the page (SVG presentation attributes accept var()). The series are Okabe–Ito.
const PALETTE = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `var(--color-series-${n})`);
export const seriesColour = (i: number) => PALETTE[i % PALETTE.length]!;

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
const topOf = (g: Geometry) => MARKS + (g.outcomeMarkers.length ? OUTCOMES : 0);

type Attrs = Record<string, string | number | boolean | null | undefined>;

/** One element: attributes in order, `undefined`/`null`/`false` left out, every value escaped. */
function el(name: string, attrs: Attrs, content?: string): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    out += value === true ? ` ${key}=""` : ` ${key}="${escapeHtml(String(value))}"`;
  }
  return content === undefined ? `${out}/>` : `${out}>${content}</${name}>`;
}

const NON_SCALING = 'non-scaling-stroke';

function marks(g: Geometry, top: number): string {
  const colour = seriesColour;
  let out = '';
  for (const m of g.outcomeMarkers)
    out += el('line', {
      x1: m.xPct * 10,
      x2: m.xPct * 10,
      y1: -(top - 19),
      y2: PLOT_HEIGHT,
      stroke: 'var(--color-accent-line)',
      'stroke-width': 1.5,
      'stroke-dasharray': '4 3',
      'stroke-opacity': 0.6,
      'vector-effect': NON_SCALING,
    });
  for (const m of g.markers)
    out += el('line', {
      x1: m.xPct * 10,
      x2: m.xPct * 10,
      y1: 0,
      y2: PLOT_HEIGHT,
      stroke: m.kind === 'win' ? colour(2) : colour(3),
      'stroke-dasharray': '2 3',
      'stroke-opacity': 0.7,
      'vector-effect': NON_SCALING,
    });
  for (const m of g.breakMarkers)
    out += el('line', {
      x1: m.xPct * 10,
      x2: m.xPct * 10,
      y1: -(top - 4),
      y2: PLOT_HEIGHT,
      stroke: 'var(--color-ink-muted)',
      'stroke-width': 2,
      'stroke-dasharray': '6 3',
      'vector-effect': NON_SCALING,
      'data-source-break': m.month,
    });
  for (const b of g.bars)
    out += el('rect', { x: b.x, y: b.y, width: b.width, height: b.height, fill: colour(b.series) });
  for (const p of g.paths) {
    if (p.fill) {
      out += el('path', {
        d: p.d,
        fill: colour(p.series),
        'fill-opacity': 0.75,
        stroke: colour(p.series),
        'stroke-width': 1,
        'vector-effect': NON_SCALING,
      });
      continue;
    }
    let group = el('path', {
      d: p.d,
      fill: 'none',
      stroke: colour(p.series),
      'stroke-width': p.series === 0 ? 2.5 : 2,
      'stroke-dasharray': p.dashed ? '5 3' : undefined,
      'stroke-linejoin': 'round',
      'vector-effect': NON_SCALING,
    });
    // A zero-length round-capped stroke is a circle that the stretched box cannot squash.
    if (p.dots.length)
      group += el('path', {
        d: p.dots.map((d) => `M${d.x} ${d.y}h0`).join(''),
        stroke: colour(p.series),
        'stroke-width': 6,
        'stroke-linecap': 'round',
        'vector-effect': NON_SCALING,
      });
    out += el('g', {}, group);
  }
  if (g.target)
    out += el('line', {
      x1: 0,
      x2: PLOT_WIDTH,
      y1: g.target.y,
      y2: g.target.y,
      stroke: 'var(--color-chart-target)',
      'stroke-width': 1.5,
      'stroke-dasharray': '6 3',
      'vector-effect': NON_SCALING,
      'data-target': true,
    });
  return out;
}

/**
 * What goes inside the chart's <svg>: gridlines and their labels, month labels, ★/◆ markers, the
 * marks in a stretched 1000-wide box, the target's label, and one focusable column per month
 * whose accessible name is also the tooltip's text.
 */
export function chartSvg(spec: ChartSpec): ChartDrawing {
  return drawnOnce(svgDrawn, spec, () => {
    const g = chartGeometry(spec);
    const top = topOf(g);
    return { markup: drawSvg(g, top), targetLabel: g.target?.label ?? null, height: top + PLOT_HEIGHT + BOTTOM };
  });
}
export type ChartDrawing = { markup: string; targetLabel: string | null; height: number };

// A published edition's charts come from its frozen snapshot, the same objects on every request
// until a correction makes a new revision (lib/readership/readers.ts): drawn once per revision, kept
// as long as the snapshot is. Specs built per request (trends) are simply collected.
const svgDrawn = new WeakMap<ChartSpec, ChartDrawing>();
const tableDrawn = new WeakMap<ChartSpec, string>();
function drawnOnce<T>(kept: WeakMap<ChartSpec, T>, spec: ChartSpec, draw: () => T): T {
  if (!Object.isFrozen(spec)) return draw();
  const found = kept.get(spec);
  if (found !== undefined) return found;
  const drawn = draw();
  kept.set(spec, drawn);
  return drawn;
}

function drawSvg(g: Geometry, top: number): string {
  const CHART_TOP = top;
  let axes = '';
  for (const t of g.grid)
    axes += el(
      'g',
      {},
      el('line', {
        x1: 0,
        x2: '100%',
        y1: CHART_TOP + t.y,
        y2: CHART_TOP + t.y,
        stroke: 'var(--color-chart-grid)',
        'stroke-dasharray': t.y === PLOT_HEIGHT ? undefined : '3 3',
      }) + el('text', { x: -6, y: CHART_TOP + t.y, dy: 4, 'text-anchor': 'end' }, escapeHtml(t.label)),
    );
  for (const l of g.xLabels)
    axes += el(
      'text',
      { x: `${l.xPct}%`, y: CHART_TOP + PLOT_HEIGHT + 17, 'text-anchor': 'middle', class: bandClass(l.bands) },
      escapeHtml(l.text),
    );
  for (const m of g.markers)
    axes += el(
      'text',
      { x: `${m.xPct}%`, y: CHART_TOP - 5, 'text-anchor': 'middle', 'font-size': 11 },
      m.kind === 'win' ? '★' : '◆',
    );
  for (const m of g.breakMarkers)
    axes += el(
      'text',
      { x: `${m.xPct}%`, y: CHART_TOP - 5, dx: 4, 'text-anchor': 'start', 'font-size': 11 },
      'source changed',
    );
  let out = el('g', { 'aria-hidden': 'true', 'font-size': 12, fill: 'var(--color-ink-muted)' }, axes);
  // Outcomes: a numbered badge per month, the numbers of the list under the chart.
  let badges = '';
  for (const m of g.outcomeMarkers) {
    const label = m.numbers.join(',');
    const width = 10 + label.length * 7;
    badges += el(
      'svg',
      { x: `${m.xPct}%`, y: 0, overflow: 'visible' },
      el('rect', {
        x: -width / 2,
        y: 1,
        width,
        height: 18,
        rx: 9,
        fill: 'var(--color-accent-surface)',
        stroke: 'var(--color-accent-line)',
      }) +
        el(
          'text',
          { y: 14, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 700, fill: 'var(--color-accent)' },
          escapeHtml(label),
        ),
    );
  }
  out += el('g', { 'aria-hidden': 'true', 'data-outcome-markers': true }, badges);
  out += el(
    'svg',
    {
      y: CHART_TOP,
      width: '100%',
      height: PLOT_HEIGHT,
      viewBox: `0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}`,
      preserveAspectRatio: 'none',
      overflow: 'visible',
      'aria-hidden': 'true',
      class: 'chart-marks',
    },
    marks(g, top),
  );
  if (g.target && g.target.place !== 'legend-only')
    out += el(
      'text',
      {
        'aria-hidden': 'true',
        x: '100%',
        y: CHART_TOP + g.target.y + (g.target.place === 'above' ? -5 : 14),
        'text-anchor': 'end',
        'font-size': 12,
        fill: 'var(--color-chart-target)',
      },
      escapeHtml(g.target.label),
    );
  // Only one column is in the tab order; arrow keys move between them (ChartPointer).
  const columns = g.columns
    .map((c, i) =>
      el('rect', {
        x: `${c.xPct}%`,
        width: `${c.widthPct}%`,
        y: CHART_TOP,
        height: PLOT_HEIGHT,
        fill: 'transparent',
        role: 'img',
        'aria-label': c.lines.join('; '),
        'data-tip': true,
        tabindex: i === g.columns.length - 1 ? 0 : -1,
      }),
    )
    .join('');
  return out + el('g', { class: 'chart-columns' }, columns);
}

/** The chart's data table body (caption, header row, one row per month), as chartTable gives it. */
export function chartTableMarkup(spec: ChartSpec): string {
  return drawnOnce(tableDrawn, spec, () => drawTable(spec));
}

function drawTable(spec: ChartSpec): string {
  const table = chartTable(spec);
  const tableNumber = (n: number) => chartNumber(spec, n);
  const head = table.header
    .map((h) =>
      el('th', { scope: 'col', class: 'border-b border-line px-2 py-1 text-left font-semibold' }, escapeHtml(h)),
    )
    .join('');
  const rows = table.rows
    .map((row) =>
      el(
        'tr',
        { class: 'print:break-inside-avoid' },
        row
          .map((cell, j) =>
            j === 0
              ? el('th', { scope: 'row' }, escapeHtml(String(cell ?? '')))
              : el('td', {}, escapeHtml(cell === null ? '–' : typeof cell === 'number' ? tableNumber(cell) : cell)),
          )
          .join(''),
      ),
    )
    .join('');
  return (
    el('caption', { class: 'sr-only' }, escapeHtml(spec.title)) +
    el('thead', {}, el('tr', {}, head)) +
    el('tbody', {}, rows)
  );
}
