import { z } from 'zod';
import { nameField } from '../names';
import type { KpiDirection, KpiUnit } from '../generated/prisma/enums';

export const KPI_UNITS = ['PERCENT', 'SECONDS', 'MINUTES', 'COUNT', 'SCORE'] as const satisfies readonly KpiUnit[];
export const KPI_DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const satisfies readonly KpiDirection[];
export const UNIT_LABELS: Record<KpiUnit, string> = {
  PERCENT: '%',
  SECONDS: 'seconds',
  MINUTES: 'minutes',
  COUNT: 'count',
  SCORE: 'score',
};
export const DIRECTION_LABELS: Record<KpiDirection, string> = {
  HIGHER_IS_BETTER: 'Higher is better',
  LOWER_IS_BETTER: 'Lower is better',
};

const optionalNumber = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const n = Number(v.replace(',', '.'));
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'Enter a number, or leave empty for no target.' });
      return z.NEVER;
    }
    return n;
  });

export const kpiFormSchema = z
  .object({
    name: nameField({ max: 80, empty: 'Name the KPI.', tooLong: 'Keep names under 80 characters.' }),
    unit: z.enum(KPI_UNITS, { error: 'Choose a unit.' }),
    direction: z.enum(KPI_DIRECTIONS, { error: 'Choose which way is better.' }),
    target: optionalNumber.optional().transform((v) => v ?? null),
    decimals: z.coerce
      .number({ error: 'Enter 0 to 4.' })
      .int('Enter 0 to 4.')
      .min(0, 'Enter 0 to 4.')
      .max(4, 'Enter 0 to 4.'),
  })
  .superRefine((v, ctx) => {
    if (v.unit === 'PERCENT' && v.target !== null && (v.target < 0 || v.target > 100)) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'A percentage target is between 0 and 100.' });
    }
  });
export type KpiInput = z.infer<typeof kpiFormSchema>;

/** What every new team starts with; leaders rename, retarget or archive them. */
export const DEFAULT_KPIS: readonly KpiInput[] = [
  { name: 'CSAT', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', target: 90, decimals: 1 },
  { name: 'First response time', unit: 'MINUTES', direction: 'LOWER_IS_BETTER', target: 60, decimals: 0 },
  { name: 'Average handle time', unit: 'MINUTES', direction: 'LOWER_IS_BETTER', target: 8, decimals: 1 },
  { name: 'First-contact resolution', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', target: 75, decimals: 1 },
  { name: 'Backlog', unit: 'COUNT', direction: 'LOWER_IS_BETTER', target: null, decimals: 0 },
];
export const DEFAULT_CHANNELS = ['Phone', 'Email', 'Chat'] as const;
