import { z } from 'zod';
import { pastDay } from '../dates/day';
import { idField } from '../fields';
import type { OutcomeKind } from '../generated/prisma/enums';

export const OUTCOME_TEXT_MAX = 280;

/** What a leader picks from, in the words the pages, the edition and the CSV use. */
export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  CONSULTED: 'Consulted on a decision',
  PROJECT_FUNDED: 'Project funded',
  HEADCOUNT_OR_BUDGET: 'Headcount or budget approved',
  PROCESS_CHANGED: 'Process changed in another department',
  OTHER: 'Other',
};
export const OUTCOME_KINDS = Object.keys(OUTCOME_KIND_LABELS) as OutcomeKind[];

const optionalId = z
  .string()
  .trim()
  .max(64)
  .default('')
  .transform((v) => (v === '' ? null : v));

const outcomeFields = z.object({
  team: z.string().trim().min(1).max(60),
  kind: z.enum(OUTCOME_KINDS as [OutcomeKind, ...OutcomeKind[]], { error: 'Choose what happened.' }),
  occurredOn: pastDay('date it happened'),
  text: z
    .string({ error: 'Say in a sentence what happened.' })
    .trim()
    .min(1, 'Say in a sentence what happened.')
    .max(OUTCOME_TEXT_MAX, `Keep it under ${OUTCOME_TEXT_MAX} characters.`),
  askId: optionalId,
  reviewId: optionalId,
});

export const createOutcomeSchema = outcomeFields;
export type OutcomeInput = z.output<typeof createOutcomeSchema>;

export const updateOutcomeSchema = outcomeFields.extend({ outcomeId: idField });
export type UpdateOutcomeInput = z.output<typeof updateOutcomeSchema>;

export const deleteOutcomeSchema = z.object({ team: z.string().trim().min(1).max(60), outcomeId: idField });
