import { describe, expect, it } from 'vitest';
import { dayInZone, formatInstant, isTimeZone, monthInZone, offsetMinutes, parseTimestamp, zoneLabel } from './zone';

describe('months in a zone at the turn of a month', () => {
  // 31 Oct 2026 21:30 UTC: already 08:30 on 1 November in Sydney (UTC+11, daylight time), still October in
  // Los Angeles (UTC−7) and in UTC.
  const sydneyMorning = new Date('2026-10-31T21:30:00Z');
  it('Sydney enters November on the morning of 1 November while UTC is still in October', () => {
    expect(monthInZone(sydneyMorning, 'Australia/Sydney')).toBe('2026-11');
    expect(dayInZone(sydneyMorning, 'Australia/Sydney')).toBe('2026-11-01');
    expect(monthInZone(sydneyMorning, 'UTC')).toBe('2026-10');
    expect(monthInZone(sydneyMorning, 'America/Los_Angeles')).toBe('2026-10');
  });

  it('Los Angeles is still in November when UTC has reached December', () => {
    const at = new Date('2026-12-01T05:00:00Z'); // 30 Nov 21:00 in Los Angeles (UTC−8)
    expect(monthInZone(at, 'UTC')).toBe('2026-12');
    expect(monthInZone(at, 'America/Los_Angeles')).toBe('2026-11');
    expect(monthInZone(at, 'Australia/Sydney')).toBe('2026-12');
  });

  it('the last second of a month and the first of the next', () => {
    expect(monthInZone(new Date('2026-12-31T23:59:59Z'), 'UTC')).toBe('2026-12');
    expect(monthInZone(new Date('2027-01-01T00:00:00Z'), 'UTC')).toBe('2027-01');
    expect(monthInZone(new Date('2026-12-31T12:59:59Z'), 'Australia/Sydney')).toBe('2026-12');
    expect(monthInZone(new Date('2026-12-31T13:00:00Z'), 'Australia/Sydney')).toBe('2027-01');
  });
});

describe('timestamps from exports', () => {
  it('honour Z and offsets, whatever the zone', () => {
    expect(parseTimestamp('2026-10-31T23:30:00Z', 'Australia/Sydney')?.toISOString()).toBe('2026-10-31T23:30:00.000Z');
    expect(parseTimestamp('2026-11-01 08:15:00+11:00', 'UTC')?.toISOString()).toBe('2026-10-31T21:15:00.000Z');
    expect(parseTimestamp('2026-11-01T08:15-0700', 'UTC')?.toISOString()).toBe('2026-11-01T15:15:00.000Z');
  });

  it('read a time without an offset as wall-clock time in the zone, across daylight-saving changes', () => {
    expect(parseTimestamp('2026-11-01 08:15', 'Australia/Sydney')?.toISOString()).toBe('2026-10-31T21:15:00.000Z');
    expect(parseTimestamp('2026-07-01 08:15', 'America/Los_Angeles')?.toISOString()).toBe('2026-07-01T15:15:00.000Z');
    expect(parseTimestamp('2026-12-01 08:15', 'America/Los_Angeles')?.toISOString()).toBe('2026-12-01T16:15:00.000Z');
    expect(parseTimestamp('2026-10-05 12:00', 'UTC')?.toISOString()).toBe('2026-10-05T12:00:00.000Z');
  });

  it('refuse what is not a timestamp', () => {
    expect(parseTimestamp('5 Oct 2026', 'UTC')).toBeNull();
    expect(parseTimestamp('2026-13-45T99:00:00Z', 'UTC')).toBeNull();
  });
});

describe('zones', () => {
  it('are validated by name', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('know their offset and name', () => {
    expect(offsetMinutes(new Date('2026-07-01T00:00:00Z'), 'Europe/London')).toBe(60);
    expect(offsetMinutes(new Date('2026-01-01T00:00:00Z'), 'Australia/Sydney')).toBe(660);
    expect(zoneLabel('Europe/London', new Date('2026-01-15T00:00:00Z'))).toBe('Europe/London (GMT)');
    expect(formatInstant(new Date('2026-12-01T09:05:00Z'), 'Europe/London')).toBe('1 Dec 2026, 09:05');
  });
});
