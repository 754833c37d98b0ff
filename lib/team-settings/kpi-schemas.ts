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

export const kpiFields = {
  name: nameField({ max: 80, empty: 'Name the KPI.', tooLong: 'Keep names under 80 characters.' }),
  unit: z.enum(KPI_UNITS, { error: 'Choose a unit.' }),
  direction: z.enum(KPI_DIRECTIONS, { error: 'Choose which way is better.' }),
  target: z.string().max(100, 'Enter a number like 91.5.').optional(),
  decimals: z.coerce
    .number({ error: 'Enter 0 to 4.' })
    .int('Enter 0 to 4.')
    .min(0, 'Enter 0 to 4.')
    .max(4, 'Enter 0 to 4.'),
};

/**
 * A target is held to the rule of the figures it is compared with (lib/figures/month-form.ts): a
 * plain decimal within the same bounds, so "0x10", "1e-9" and "1e11" are refused at the field.
 */
export function withKpiTarget<T extends { unit: KpiUnit; target?: string }>(
  v: T,
  ctx: z.RefinementCtx,
): Omit<T, 'target'> & { target: number | null } {
  const { target, ...rest } = v;
  const typed = target?.trim() ?? '';
  if (typed === '') return { ...rest, target: null };
  const parsed = parseKpiNumber(typed, v.unit);
  if ('error' in parsed) {
    const message = parsed.error.replace('A percentage is', 'A percentage target is');
    ctx.addIssue({ code: 'custom', path: ['target'], message: `${message} Or leave it empty for no target.` });
    return z.NEVER;
  }
  return { ...rest, target: parsed.value };
}

export const kpiFormSchema = z.object(kpiFields).transform(withKpiTarget);
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

const MAX_KPI = 1_000_000_000;
const DECIMAL = /^-?\d{1,10}(\.\d{1,6})?$/;

/**
 * A KPI's value or target as typed (decimal comma allowed): a plain decimal within the KPI's
 * bounds, or the sentence that says why not. Number() alone also reads "0x10", "1e3", "1e-9" and
 * "Infinity": only plain decimals are figures.
 */
export function parseKpiNumber(typed: string, unit: KpiUnit): { value: number } | { error: string } {
  const raw = typed.trim().replace(',', '.');
  const n = Number(raw);
  if (!DECIMAL.test(raw) || !Number.isFinite(n)) return { error: 'Enter a number like 91.5.' };
  if (Math.abs(n) > MAX_KPI) return { error: 'That is more than 1,000,000,000: check the number.' };
  if (unit === 'PERCENT' && (n < 0 || n > 100)) return { error: 'A percentage is between 0 and 100.' };
  if (unit !== 'SCORE' && n < 0) return { error: 'Must not be negative.' };
  return { value: n };
}
