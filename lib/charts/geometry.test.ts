import { describe, expect, it } from 'vitest';
import type { ChartSpec } from './chart-spec';
import { chartTable } from './chart-spec';
import { chartGeometry, PLOT_HEIGHT } from './geometry';

const months = (n: number, start = 2021) =>
  Array.from({ length: n }, (_, i) => `${start + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

function kpiChart(values: (number | null)[], target: number | null, percent = false): ChartSpec {
  return {
    id: 'kpi-first-response',
    title: 'First response time',
    description: '',
    kind: 'line',
    xKey: 'month',
    xLabel: 'Month',
    series: [
      { key: 'First response time', label: 'First response time' },
      ...(target === null ? [] : [{ key: 'Target', label: 'Target' }]),
    ],
    rows: months(values.length).map((month, i) => ({
      month,
      'First response time': values[i] ?? null,
      ...(target === null ? {} : { Target: target }),
    })),
    unit: percent ? '%' : 'minutes',
    percent,
    target,
    direction: percent ? 'HIGHER_IS_BETTER' : 'LOWER_IS_BETTER',
  };
}

describe('chart geometry', () => {
  it('draws the target line inside the plot even when every value is below it', () => {
    const g = chartGeometry(kpiChart([38, 44, 56, 51, 47, 49], 60));
    expect(g.target).not.toBeNull();
    expect(g.target!.y).toBeGreaterThan(0);
    expect(g.target!.y).toBeLessThan(PLOT_HEIGHT);
    // Room above the line and no value there: the label sits above it.
    expect(g.target!.place).toBe('above');
    expect(g.target!.label).toBe('Target 60\u00a0minutes');
  });

  it('draws a single month as a dot with its label', () => {
    const g = chartGeometry(kpiChart([42], null));
    expect(g.paths[0]!.dots).toHaveLength(1);
    expect(g.xLabels).toHaveLength(1);
    expect(g.xLabels[0]!.xPct).toBe(50);
    expect(g.columns[0]!.lines).toEqual(['2021-01', 'First response time: 42\u00a0minutes']);
  });

  it('breaks the line at a month without figures instead of dropping to zero', () => {
    const g = chartGeometry(kpiChart([40, null, 44], null));
    expect(g.paths[0]!.d.match(/M/g)).toHaveLength(2);
    expect(g.columns[1]!.lines[1]).toBe('First response time: –');
  });

  it('tells changes in the tooltip by the one rule: points for a percentage, coloured by direction', () => {
    const g = chartGeometry(kpiChart([88, 92.5], 90, true));
    expect(g.columns[1]!.lines).toContain('First response time: 92.5% (+4.5\u00a0pts)');
    const minutes = chartGeometry(kpiChart([50, 45], 60));
    expect(minutes.columns[1]!.lines).toContain('First response time: 45\u00a0minutes (−10.0%)');
    // The table and CSV spell the same change.
    expect(chartTable(kpiChart([88, 92.5], 90, true)).rows[1]!.at(-1)).toBe('+4.5\u00a0pts');
  });

  it('merges the same event filed twice into one marker and one line', () => {
    const spec: ChartSpec = {
      ...kpiChart([40, 42, 41], null),
      annotations: [
        { month: '2021-02', label: 'Win: Chat wait time halved', kind: 'win' },
        { month: '2021-02', label: 'Win: Chat wait time halved', kind: 'win' },
        { month: '2021-02', label: 'Self-service: launched', kind: 'project' },
      ],
    };
    const g = chartGeometry(spec);
    expect(g.markers).toEqual([{ xPct: 50, kind: 'win', months: '2021-02' }]);
    expect(g.columns[1]!.lines.filter((l) => l.includes('Chat wait time halved'))).toHaveLength(1);
  });

  it('stacks sixty months of bars from zero, every bar inside the plot', () => {
    const spec: ChartSpec = {
      id: 'contacts',
      title: 'Contacts',
      description: '',
      kind: 'stacked-bar',
      xKey: 'month',
      xLabel: 'Month',
      series: [
        { key: 'Phone', label: 'Phone' },
        { key: 'Email', label: 'Email' },
      ],
      rows: months(60).map((month, i) => ({
        month,
        Phone: 1000 + i * 10,
        Email: 500 + (i % 7) * 40,
        total: 1500 + i * 10 + (i % 7) * 40,
      })),
      unit: 'contacts',
    };
    const g = chartGeometry(spec);
    expect(g.axis.min).toBe(0);
    expect(g.bars).toHaveLength(120);
    for (const b of g.bars) {
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.y + b.height).toBeLessThanOrEqual(PLOT_HEIGHT + 0.1);
    }
    expect(g.xLabels.at(-1)!.bands.every(Boolean)).toBe(true);
    expect(g.columns).toHaveLength(60);
  });
});
