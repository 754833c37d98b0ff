import { describe, expect, it } from 'vitest';
import { describeChange } from './change';
import {
  formatChange,
  formatChangeMagnitude,
  formatColumnHeader,
  formatCount,
  formatCountOf,
  formatDraftSaves,
  formatPercent,
  formatShare,
  formatTarget,
  formatTargetLine,
  formatValueParts,
  formatWithUnit,
  kpiUnitText,
  MINUS,
  NBSP,
  targetStatus,
} from './format';

describe('the one formatting module', () => {
  it('writes counts with en-GB grouping and a dash for a missing one', () => {
    expect(formatCount(12_345)).toBe('12,345');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(-1200)).toBe('-1,200');
    expect(formatCount(null)).toBe('–');
    expect(formatCount(Number.NaN)).toBe('–');
    expect(formatCountOf(1, 'person', 'people')).toBe('1 person');
    expect(formatCountOf(1500, 'contact')).toBe('1,500 contacts');
  });

  it('glues % to its number, so it never wraps onto a line of its own', () => {
    expect(formatPercent(76.61)).toBe('76.6%');
    expect(formatPercent(76, 0)).toBe('76%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(76.6)).not.toMatch(/\s%/);
  });

  it('writes every share with one decimal: 15 is "15.0%" beside "23.9%"', () => {
    expect(formatShare(15)).toBe('15.0%');
    expect(formatShare(23.94)).toBe('23.9%');
    expect(formatShare(null)).toBe('–');
  });

  it('writes a KPI with its own decimals, fixed, and a word unit after a non-breaking space', () => {
    expect(formatWithUnit(92, '%', 1)).toBe('92.0%');
    expect(formatWithUnit(92.46, '%', 1)).toBe('92.5%');
    expect(formatWithUnit(45, 'seconds')).toBe(`45${NBSP}seconds`);
    expect(formatWithUnit(4.25, 'minutes', 1)).toBe(`4.3${NBSP}minutes`);
    expect(formatWithUnit(1, 'minutes')).toBe(`1${NBSP}minute`);
    expect(formatWithUnit(1.0, 'minutes', 1)).toBe(`1.0${NBSP}minutes`);
    expect(formatWithUnit(1234)).toBe('1,234');
    expect(formatWithUnit(null, '%', 1)).toBe('–');
    expect(formatValueParts(92, '%', 1)).toEqual({ number: '92.0', unit: '%' });
    expect(formatValueParts(45, 'seconds')).toEqual({ number: '45', unit: `${NBSP}seconds` });
  });

  it('names each KPI unit once: a count and a score need no word', () => {
    expect(kpiUnitText('PERCENT')).toBe('%');
    expect(kpiUnitText('SECONDS')).toBe('seconds');
    expect(kpiUnitText('MINUTES')).toBe('minutes');
    expect(kpiUnitText('COUNT')).toBe('');
    expect(kpiUnitText('SCORE')).toBe('');
  });

  it('writes changes with a sign, a real minus, one decimal, pts after a non-breaking space', () => {
    expect(formatChange(4, 'pts')).toBe(`+4.0${NBSP}pts`);
    expect(formatChange(-4, 'pts')).toBe(`${MINUS}4.0${NBSP}pts`);
    expect(formatChange(12, '%')).toBe('+12.0%');
    expect(formatChange(-10.1, '%')).toBe(`${MINUS}10.1%`);
    expect(formatChange(1234.5, '%')).toBe('+1,234.5%');
    expect(formatChange(0, '%')).toBe('no change');
    expect(formatChange(null, 'pts')).toBe('no comparison');
    expect(formatChangeMagnitude(-10.1, '%')).toBe('10.1%');
    expect(formatChangeMagnitude(4, 'pts')).toBe(`4.0${NBSP}pts`);
  });

  it('is what the change rule writes, for both units and zero', () => {
    expect(describeChange(91.5, 87.5, { percent: true }).text).toBe(formatChange(4, 'pts'));
    expect(describeChange(1120, 1000, { percent: false }).text).toBe(formatChange(12, '%'));
    expect(describeChange(1000, 1000, { percent: false }).text).toBe(formatChange(0, '%'));
  });

  it('has one word per target state and writes the target like its value', () => {
    expect(targetStatus(true)).toBe('on target');
    expect(targetStatus(false)).toBe('off target');
    expect(formatTarget(90, '%', 1)).toBe('target 90.0%');
    expect(formatTarget(60, 'seconds')).toBe(`target 60${NBSP}seconds`);
    expect(formatTargetLine(true, 90, '%', 1)).toBe('On target · target 90.0%');
    expect(formatTargetLine(false, 90, '%', 0)).toBe('Off target · target 90%');
  });

  it('names columns with their unit and counts a draft’s saves, never calling them versions', () => {
    expect(formatColumnHeader('CSAT', '%')).toBe('CSAT (%)');
    expect(formatColumnHeader('Contacts')).toBe('Contacts');
    expect(formatDraftSaves(1)).toBe('1 save');
    expect(formatDraftSaves(4)).toBe('4 saves');
  });
});
