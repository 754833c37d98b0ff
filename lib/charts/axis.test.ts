import { describe, expect, it } from 'vitest';
import { chooseValueAxis, labelStep, niceStep, placeTargetLabel, stepDecimals, xLabelBands, LABEL_BANDS } from './axis';

const isRound = (step: number) => {
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  return [1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-9);
};

describe('value axis', () => {
  it('steps only by 1, 2, 2.5 or 5 × 10ⁿ (never 3,500, 7 or 70)', () => {
    expect([0.7, 3, 6.5, 350, 3400, 7000].map(niceStep)).toEqual([1, 5, 10, 500, 5000, 10000]);
    for (const [lo, hi] of [
      [0, 31_000],
      [0, 7],
      [52, 71],
      [81.2, 93.4],
      [0, 1],
      [12, 13.3],
    ] as const) {
      const axis = chooseValueAxis([lo, hi]);
      expect(isRound(axis.step), `${lo}–${hi}: step ${axis.step}`).toBe(true);
      expect(axis.ticks.length).toBeLessThanOrEqual(6);
      expect(axis.min).toBeLessThanOrEqual(lo);
      expect(axis.max).toBeGreaterThanOrEqual(hi);
    }
  });

  it('labels each gridline with its exact value: 7.95 is never shown as 8', () => {
    const axis = chooseValueAxis([7.6, 7.95, 8.3]);
    expect(axis.step).toBe(0.2);
    expect(axis.labels).toEqual(['7.6', '7.8', '8.0', '8.2', '8.4']);
    // Every label is the number of its gridline.
    axis.ticks.forEach((t, i) => expect(Number(axis.labels[i]!.replace(/,/g, ''))).toBe(t));
    expect(stepDecimals(2.5)).toBe(1);
    expect(stepDecimals(0.25)).toBe(2);
    expect(chooseValueAxis([0, 10], { maxTicks: 6 }).labels).toEqual(['0', '2', '4', '6', '8', '10']);
  });

  it('extends the domain to a target outside the data, with room for its label', () => {
    // First response 38–56 minutes against a 60-minute target: the axis used to stop at 56.
    const axis = chooseValueAxis([38, 44, 56, 51], { target: 60 });
    expect(axis.max).toBeGreaterThan(60);
    expect(axis.min).toBeLessThanOrEqual(38);
    // A target below the data (a CSAT of 91–95 against 80).
    const low = chooseValueAxis([91, 95], { target: 80 });
    expect(low.min).toBeLessThan(80);
    expect(low.max).toBeGreaterThanOrEqual(95);
  });

  it('copes with one month, a flat line and no values', () => {
    const one = chooseValueAxis([1234]);
    expect(one.min).toBeLessThan(1234);
    expect(one.max).toBeGreaterThan(1234);
    expect(one.min).toBeGreaterThanOrEqual(0);
    const zeros = chooseValueAxis([0, 0], { fromZero: true });
    expect(zeros.min).toBe(0);
    expect(zeros.max).toBeGreaterThan(0);
    expect(chooseValueAxis([]).ticks.length).toBeGreaterThan(1);
    expect(chooseValueAxis([5, 9], { fromZero: true }).min).toBe(0);
  });

  it('gives counts whole gridlines only: never "1.5 asks"', () => {
    const asks = chooseValueAxis([0, 1, 2, 3], { fromZero: true });
    expect(asks.ticks).toEqual([0, 1, 2, 3]);
    expect(asks.ticks.every(Number.isInteger)).toBe(true);
    expect(chooseValueAxis([2, 2, 2]).ticks.every(Number.isInteger)).toBe(true);
    expect(chooseValueAxis([0, 1], { fromZero: true }).ticks).toEqual([0, 1]);
    // Measurements keep their fractional steps.
    expect(chooseValueAxis([7.2, 7.9]).ticks.some((t) => !Number.isInteger(t))).toBe(true);
  });

  it('writes percent labels with their sign', () => {
    expect(chooseValueAxis([0, 100], { fromZero: true, suffix: '%' }).labels).toEqual([
      '0%',
      '20%',
      '40%',
      '60%',
      '80%',
      '100%',
    ]);
  });
});

describe('month labels', () => {
  it('labels every month of a year when the chart is wide, fewer when narrow, always the latest', () => {
    const year = xLabelBands(12);
    const widest = LABEL_BANDS.length - 1;
    expect(year.filter((b) => b[widest]).length).toBe(12);
    expect(year.filter((b) => b[0]).length).toBeLessThan(12);
    expect(year.at(-1)!.every(Boolean)).toBe(true);
  });

  it('thins sixty months to a handful at any width, at a natural step', () => {
    const bands = xLabelBands(60);
    for (let b = 0; b < LABEL_BANDS.length; b++) {
      const shown = bands.map((l, i) => (l[b] ? i : -1)).filter((i) => i >= 0);
      expect(shown.at(-1)).toBe(59);
      const plot = Math.max(LABEL_BANDS[b]!, 280) - 72;
      expect(shown.length * 54, `band ${b}`).toBeLessThanOrEqual(plot);
      // Evenly spaced: the same number of months between labels.
      const gaps = new Set(shown.slice(1).map((v, i) => v - shown[i]!));
      expect(gaps.size).toBe(1);
    }
    expect(labelStep(60, 208, 54)).toBe(24);
  });

  it('labels a single month', () => {
    expect(xLabelBands(1)).toEqual([LABEL_BANDS.map(() => true)]);
  });
});

describe('target label', () => {
  const axis = chooseValueAxis([80, 100], { target: 90 });
  it('goes above the line when the values near it are below, below when they are above', () => {
    expect(placeTargetLabel([85, 86, 84, 85, 86, 85], axis, 90, 220)).toBe('above');
    expect(placeTargetLabel([97, 98, 97, 98, 99, 98], axis, 90, 220)).toBe('below');
  });
  it('stays out of the way (legend only) when the line crosses the target where the label would be', () => {
    expect(placeTargetLabel([85, 86, 84, 92, 88, 91], axis, 90, 220)).toBe('legend-only');
  });
});
