// Months are "YYYY-MM" strings everywhere: they sort, compare and appear in URLs as they are.
import { z } from 'zod';
import { monthInZone } from './zone';
import { env } from '../env';

/** The first month figures may describe; earlier years (0000-01, 1000-01) are typing mistakes. */
export const MIN_MONTH = '2000-01';
// Years 2000–2999 only, so every parser of months (forms, API, CSV, query strings) refuses the
// impossible ones at the pattern; the upper bound (the current month) is checked where it matters.
export const MONTH_RE = /^(2\d{3})-(0[1-9]|1[0-2])$/;

/** The month it is now in the organisation's zone (APP_TIME_ZONE, UTC by default), or in `zone`. */
export function currentMonth(now: Date = new Date(), zone: string = env().APP_TIME_ZONE): string {
  return monthInZone(now, zone);
}

/** The latest month that has begun anywhere (UTC+14): the outer bound before a team's zone is known. */
export function latestMonthAnywhere(now: Date = new Date()): string {
  return monthInZone(now, 'Etc/GMT-14');
}

/** True for a "YYYY-MM" month this app accepts (years 2000–2999), for query strings and filters. */
export function isMonth(value: string): boolean {
  return MONTH_RE.test(value);
}

/** The month a calendar day (stored as UTC midnight) falls in. */
export function monthOf(day: Date): string {
  return day.toISOString().slice(0, 7);
}

/** [first day, first day of the next month) for a month, as UTC-midnight calendar days. */
export function monthRange(month: string): { start: Date; end: Date } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return { start: new Date(Date.UTC(year, mon - 1, 1)), end: new Date(Date.UTC(year, mon, 1)) };
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 1200; m = addMonths(m, 1)) out.push(m);
  return out;
}

const LABEL = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "March 2026"; a year in review's period (its year, "2026") is "Year 2026", never a month. */
export function monthLabel(month: string): string {
  if (/^\d{4}$/.test(month)) return `Year ${month}`;
  return LABEL.format(monthRange(month).start);
}

/**
 * A month that has started: figures for the future cannot exist yet. Bounded by the latest month
 * begun anywhere; writeMonthTx then checks the team's own zone exactly.
 */
export function monthSchema(now: () => Date = () => new Date()) {
  return z
    .string()
    .trim()
    .regex(MONTH_RE, `Use a month from ${MIN_MONTH} on, like 2026-10.`)
    .refine((m) => m <= latestMonthAnywhere(now()), 'That month has not started yet.');
}
