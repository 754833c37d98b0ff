// Months are "YYYY-MM" strings everywhere: they sort, compare and appear in URLs as they are.
import { z } from 'zod';

/** The first month figures may describe; earlier years (0000-01, 1000-01) are typing mistakes. */
export const MIN_MONTH = '2000-01';
// Years 2000–2999 only, so every parser of months (forms, API, CSV, query strings) refuses the
// impossible ones at the pattern; the upper bound (the current month) is checked where it matters.
export const MONTH_RE = /^(2\d{3})-(0[1-9]|1[0-2])$/;

export function currentMonth(now: Date = new Date()): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
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
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return LABEL.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A month that has started: figures for the future cannot exist yet. */
export function monthSchema(now: () => Date = () => new Date()) {
  return z
    .string()
    .trim()
    .regex(MONTH_RE, `Use a month from ${MIN_MONTH} on, like 2026-10.`)
    .refine((m) => m <= currentMonth(now()), 'That month has not started yet.');
}
