// A month's label and days, without the rest of month.ts (zod, the environment): small enough for
// the browser (the kept dashboard's "Needs you" is drawn there).

/** [first day, first day of the next month) for a month, as UTC-midnight calendar days. */
export function monthRange(month: string): { start: Date; end: Date } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return { start: new Date(Date.UTC(year, mon - 1, 1)), end: new Date(Date.UTC(year, mon, 1)) };
}

const LABEL = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "March 2026"; a year in review's period (its year, "2026") is "Year 2026", never a month. */
export function monthLabel(month: string): string {
  if (/^\d{4}$/.test(month)) return `Year ${month}`;
  return LABEL.format(monthRange(month).start);
}
