import { z } from 'zod';
import type { AskStatus } from '../generated/prisma/enums';
import { MONTH_RE } from '../dates/month';
import { formatCount } from '../format';

export const ASK_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'DECLINED'] as const satisfies readonly AskStatus[];

export const ASK_STATUS_LABELS: Record<AskStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  DECLINED: 'Declined',
};

/** DONE and DECLINED close an ask; reopening it clears `closedAt`. */
export const isClosed = (status: AskStatus) => status === 'DONE' || status === 'DECLINED';

const id = z.string().trim().min(1).max(40);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${formatCount(max)} characters.`)
    .transform((t) => t.replace(/\r\n?/g, '\n'));

/** What the leader writes for one tracked ask in the composer. */
export const askFieldsSchema = z.object({
  title: z.string().trim().min(1, 'Give the ask a short title.').max(120, 'Keep the title under 120 characters.'),
  departmentId: z.string().trim().min(1, 'Choose the department it is addressed to.').max(40),
  details: text(4000).default(''),
});
export type AskFields = z.output<typeof askFieldsSchema>;

export const createAskSchema = askFieldsSchema.extend({
  team: z.string().trim().min(1).max(80),
  month: z.string().trim().regex(MONTH_RE, 'Use a month like 2026-10.'),
});
export const updateAskSchema = askFieldsSchema.extend({ askId: id });
export const removeAskSchema = z.object({ askId: id });

/**
 * An answer: the new status and a note in the answerer's words. `seen` is the ask's `updatedAt`
 * as the form showed it, so a second answer given meanwhile is never overwritten silently.
 */
export const answerAskSchema = z
  .object({
    askId: id,
    seen: z.string().trim().max(40).default(''),
    status: z.enum(ASK_STATUSES, 'Choose a status.'),
    answer: text(2000),
  })
  .superRefine((value, ctx) => {
    if (!value.answer)
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message:
          value.status === 'DECLINED'
            ? 'Say why it was declined: the team reads this.'
            : 'Write a short note: what was done, or what happens next.',
      });
  });
export type AnswerInput = z.output<typeof answerAskSchema>;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The /asks filters from the URL: anything unusable reads as "any". */
export const askListFilterSchema = z.object({
  status: optional(z.enum(ASK_STATUSES)),
  department: optional(z.string().trim().min(1).max(40)),
  team: optional(z.string().trim().min(1).max(80)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AskListFilter = z.output<typeof askListFilterSchema>;
