// zod fields shared by several forms (quotes, wins, projects).
import { z } from 'zod';
import { MONTH_RE } from './dates/month';

/** Credited people arrive as one comma-joined field (see joinRepeated). */
export function creditIdsField(field = 'teammate') {
  return z
    .string()
    .default('')
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(64)).min(1, `Credit at least one ${field}.`).max(20, 'Credit at most 20 people.'));
}

export const idField = z.string().trim().min(1).max(64);

/** A team and a month, as the forms and actions about one team's month send them. */
export const teamMonthSchema = z.object({
  team: z.string().trim().min(1).max(80),
  month: z.string().trim().regex(MONTH_RE, 'Use a month like 2026-10.'),
});
