import { describe, expect, it } from 'vitest';
import { changeMagnitude, describeChange } from './change';

describe('the change rule', () => {
  it('moves a percentage in points, never in per cent of itself', () => {
    const csat = describeChange(91.5, 87.5, { percent: true, direction: 'HIGHER_IS_BETTER' });
    expect(csat.text).toBe('+4.0\u00a0pts');
    expect(csat.tone).toBe('better');
    expect(describeChange(87.5, 91.5, { percent: true, direction: 'HIGHER_IS_BETTER' })).toMatchObject({
      text: '−4.0\u00a0pts',
      trend: 'down',
      tone: 'worse',
    });
  });

  it('moves counts and durations in per cent, one decimal, % glued to the number, a non-breaking space before pts', () => {
    expect(describeChange(1101, 1000, { percent: false }).text).toBe('+10.1%');
    expect(describeChange(12_345, 3264, { percent: false }).text).toBe('+278.2%');
    expect(describeChange(900, 1000, { percent: false }).text).toBe('−10.0%');
  });

  it('lets the KPI direction decide the colour: a shorter wait is better, a volume is neutral', () => {
    expect(describeChange(45, 60, { percent: false, direction: 'LOWER_IS_BETTER' })).toMatchObject({
      text: '−25.0%',
      tone: 'better',
    });
    expect(describeChange(75, 60, { percent: false, direction: 'LOWER_IS_BETTER' })).toMatchObject({ tone: 'worse' });
    expect(describeChange(2000, 1000, { percent: false })).toMatchObject({ text: '+100.0%', tone: 'neutral' });
  });

  it('says when there is nothing to compare with, or nothing moved as shown', () => {
    expect(describeChange(10, null, { percent: false })).toMatchObject({
      text: 'no comparison',
      amount: null,
      trend: null,
    });
    expect(describeChange(null, 10, { percent: true })).toMatchObject({ text: 'no comparison' });
    expect(describeChange(5, 0, { percent: false }).text).toBe('no comparison');
    // From 0% a percentage can still move in points.
    expect(describeChange(5, 0, { percent: true }).text).toBe('+5.0\u00a0pts');
    // +0.04 pts rounds to nothing: neither a "+0.0" nor a colour.
    expect(describeChange(90.04, 90, { percent: true, direction: 'HIGHER_IS_BETTER' })).toMatchObject({
      text: 'no change',
      trend: 'flat',
      tone: 'neutral',
    });
  });

  it('writes thousands with separators and drops the sign for sentences', () => {
    expect(describeChange(13_345, 1000, { percent: false }).text).toBe('+1,234.5%');
    expect(changeMagnitude(describeChange(50, 60, { percent: false }))).toBe('16.7%');
  });
});
