// A year in review's period is its year, "2026", stored in Review.month beside monthly editions'
// "2026-10": the two shapes never collide, and every reader of a period tells them apart here.
import { z } from 'zod';
import { MONTH_RE } from '../dates/month';

/** Years 2000–2999, like months. */
export const YEAR_RE = /^2\d{3}$/;

export const isYearPeriod = (period: string) => YEAR_RE.test(period);

/** A month ("2026-10") or a year in review's year ("2026"): what an edition's URL names. */
export const periodSchema = z
  .string()
  .trim()
  .refine((v) => MONTH_RE.test(v) || YEAR_RE.test(v), 'Use a month like 2026-10 or a year like 2026.');

export const isPeriod = (value: string) => MONTH_RE.test(value) || YEAR_RE.test(value);

/** The twelve months of a year, January first. */
export const yearMonths = (year: string) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
