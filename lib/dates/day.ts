import { z } from 'zod';

// Days (date received, date of a win, project dates) are calendar days with no time zone: they
// are stored as PostgreSQL `date` and handled here as UTC midnight so they never shift a day.

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseDay(value: string): Date | null {
  if (!DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

export function dayString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today as a calendar day; a day of slack so someone ahead of UTC can enter "today". */
function latestAllowedDay(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/** A required past-or-present day from an `<input type="date">`. */
export function pastDay(label: string) {
  return z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .transform((value, ctx) => {
      const date = parseDay(value);
      if (!date || date.getUTCFullYear() < 2000) {
        ctx.addIssue({ code: 'custom', message: `Enter the ${label} as a date, like 2026-03-14.` });
        return z.NEVER;
      }
      if (date > latestAllowedDay()) {
        ctx.addIssue({ code: 'custom', message: `The ${label} cannot be in the future.` });
        return z.NEVER;
      }
      return date;
    });
}

/** An optional day (project start and target dates may lie ahead). */
export function optionalDay(label: string) {
  return z
    .string()
    .trim()
    .default('')
    .transform((value, ctx) => {
      if (value === '') return null;
      const date = parseDay(value);
      if (!date || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) {
        ctx.addIssue({ code: 'custom', message: `Enter the ${label} as a date, like 2026-03-14, or leave it empty.` });
        return z.NEVER;
      }
      return date;
    });
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatDay(date: Date): string {
  return dayFormat.format(date);
}
