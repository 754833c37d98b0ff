import { describe, expect, it } from 'vitest';
import type { ChartSpec } from './chart-spec';
import { chartSvg, chartTableMarkup } from './svg-markup';

// Names people typed (a channel, a win's title) end up in labels, legends and table headers.
const HOSTILE = 'Chat "live" <script>alert(1)</script> & co';

function stackedChart(): ChartSpec {
  const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
  return {
    id: 'contacts',
    title: `Contacts by channel for ${HOSTILE}`,
    description: '',
    kind: 'stacked-bar',
    xKey: 'month',
    xLabel: 'Month',
    series: [
      { key: 'Phone', label: 'Phone' },
      { key: HOSTILE, label: HOSTILE },
    ],
    rows: months.map((month, i) => ({ month, Phone: 100 + i, [HOSTILE]: i === 2 ? null : 40 + i, total: 140 + 2 * i })),
    unit: '',
    annotations: [{ month: '2026-02', label: `Won: ${HOSTILE}`, kind: 'win' }],
  };
}

/** The markup as a browser reads it, without running anything in it. */
function parse(markup: string) {
  return {
    elements: (name: string) => markup.match(new RegExp(`<${name}[\\s>/]`, 'g'))?.length ?? 0,
    attribute: (name: string) => [...markup.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]!),
  };
}

describe('chart markup', () => {
  it('draws one focusable column per month, only the latest in the tab order, and escapes every name', () => {
    const { markup } = chartSvg(stackedChart());
    expect(markup).not.toContain('<script');
    expect(markup).not.toContain('"live"');
    const svg = parse(markup);
    const labels = svg.attribute('aria-label');
    expect(labels).toHaveLength(4);
    expect(labels[0]).toContain('&lt;script&gt;');
    expect(svg.attribute('tabindex')).toEqual(['-1', '-1', '-1', '0']);
    // The stacked bars: one per series per month with a value (one value is missing).
    expect(parse(markup.slice(markup.indexOf('chart-marks'))).elements('rect')).toBeGreaterThanOrEqual(7);
    expect(markup).toContain('data-tip=""');
  });

  it('writes the data table with one row per month, a dash for a missing value and escaped headers', () => {
    const table = chartTableMarkup(stackedChart());
    expect(table).not.toContain('<script');
    const rows = table.slice(table.indexOf('<tbody>'));
    expect(parse(rows).elements('tr')).toBe(4);
    expect(rows).toContain('<th scope="row">2026-03</th>');
    expect(rows).toContain('<td>–</td>');
    expect(table).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
  });

  it('draws a frozen (published) spec once and reuses it; a spec built per request is drawn afresh', () => {
    const frozen = Object.freeze(stackedChart());
    expect(chartSvg(frozen)).toBe(chartSvg(frozen));
    expect(chartTableMarkup(frozen)).toBe(chartTableMarkup(frozen));
    const live = stackedChart();
    const first = chartSvg(live);
    expect(chartSvg(live)).not.toBe(first);
    expect(chartSvg(live)).toEqual(first);
  });
});
