import { z } from 'zod';
import { isMonth } from '../dates/month';
import { pastDay } from '../dates/day';
import { creditIdsField, idField } from '../fields';
import { formatCount } from '../format';

export const WIN_LIMITS = { title: 120, story: 2000 } as const;

const winFields = z.object({
  title: z
    .string({ error: 'Give the win a title.' })
    .trim()
    .min(3, 'Give the win a title of at least 3 characters.')
    .max(WIN_LIMITS.title, `Keep the title under ${WIN_LIMITS.title} characters.`),
  story: z
    .string({ error: 'Tell the story in a few words.' })
    .trim()
    .min(1, 'Tell the story in a few words.')
    .max(WIN_LIMITS.story, `Keep the story under ${formatCount(WIN_LIMITS.story)} characters.`),
  occurredOn: pastDay('date of the win'),
  creditIds: creditIdsField('person'),
});

// One key per rendered form (as for quotes): a double click or a replayed request finds the win
// the first one made instead of recording it again.
export const createWinSchema = winFields.extend({
  submissionKey: z.string().trim().min(8, 'Reload the page and try again.').max(64),
});
export type CreateWinInput = z.output<typeof createWinSchema>;

export const updateWinSchema = winFields.extend({ winId: idField });
export type UpdateWinInput = z.output<typeof updateWinSchema>;

export const deleteWinSchema = z.object({ winId: idField });

export const winListFilterSchema = z.object({
  team: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional()
    .catch(undefined),
  month: z.string().trim().refine(isMonth).optional().catch(undefined),
});
export type WinListFilter = z.output<typeof winListFilterSchema>;
