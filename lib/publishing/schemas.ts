import { z } from 'zod';
import { teamMonthSchema } from '../fields';
import { periodSchema } from '../editions/period';

const EMAIL = z.email();

/** One address a line (or separated by commas); empty means every active user. */
export const distributionSchema = z
  .string()
  .max(5000, 'Keep the list under 5,000 characters.')
  .default('')
  .transform((value, ctx) => {
    const addresses = value
      .split(/[\n,;]+/)
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean);
    const bad = addresses.filter((a) => !EMAIL.safeParse(a).success);
    if (bad.length) {
      ctx.addIssue({ code: 'custom', message: `Not an email address: ${bad.slice(0, 3).join(', ')}` });
      return z.NEVER;
    }
    return [...new Set(addresses)].join('\n');
  });

export const reviewFieldsSchema = z.object({
  version: z.coerce.number().int().min(1),
  title: z.string().trim().min(1, 'Give the edition a title.').max(160, 'Keep the title under 160 characters.'),
  // Stored with the line breaks the generated text has (browsers send CRLF).
  highlights: z
    .string()
    .trim()
    .min(1, 'Write the story of the month.')
    .max(10_000, 'Keep the highlights under 10,000 characters.')
    .transform((t) => t.replace(/\r\n?/g, '\n')),
  asks: z
    .string()
    .trim()
    .max(4000, 'Keep the asks under 4,000 characters.')
    .default('')
    .transform((t) => t.replace(/\r\n?/g, '\n')),
  distribution: distributionSchema,
  // "You asked, we did" / "Still open": absent from a form that does not show it (kept as saved).
  followUps: z
    .string()
    .trim()
    .max(6000, 'Keep the follow-ups under 6,000 characters.')
    .transform((t) => t.replace(/\r\n?/g, '\n'))
    .optional(),
});

/** `omitWins`/`omitUpdates` undefined: the form did not offer the choice, so the saved one stands. */
export type ReviewFields = z.output<typeof reviewFieldsSchema> & {
  featured: string[];
  omitWins?: string[] | undefined;
  omitUpdates?: string[] | undefined;
};

export const saveReviewSchema = teamMonthSchema.extend(reviewFieldsSchema.shape).extend({
  // A month's edition, or a year in review ("2026"): composed and published the same way.
  month: periodSchema,
  intent: z.enum(['save', 'publish', 'rewrite', 'confirm', 'test', 'schedule', 'unschedule']).default('save'),
  // "Publish on … at …", in the team's zone; read only for intent=schedule.
  publishOn: z.string().trim().max(10).default(''),
  publishAt: z.string().trim().max(5).default(''),
  note: z.string().trim().max(500, 'Keep the note under 500 characters.').default(''),
});

/**
 * Featured quotes arrive as `feature:<quoteId>` checkboxes with `order:<quoteId>` numbers; the
 * order is the numbers', ties broken by the order the quotes were listed in.
 */
export function featuredFrom(formData: FormData): string[] {
  const chosen: { id: string; order: number; index: number }[] = [];
  let index = 0;
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith('feature:') || value !== 'on') continue;
    const id = key.slice('feature:'.length);
    const order = Number(formData.get(`order:${id}`));
    chosen.push({ id, order: Number.isFinite(order) ? order : 999, index: index++ });
  }
  // A quote ticked twice (a hand-made or replayed request) is featured once, at its first place.
  const ids = chosen.sort((a, b) => a.order - b.order || a.index - b.index).map((c) => c.id);
  return [...new Set(ids)].filter((id) => id.length <= 40).slice(0, 12);
}

export const thanksSchema = z.object({
  reviewId: z.string().min(1).max(40),
  note: z.string().trim().max(500, 'Keep the note under 500 characters.').default(''),
});

export const hideThanksSchema = z.object({ thanksId: z.string().min(1).max(40) });
export const optOutSchema = z.object({ team: z.string().trim().min(1).max(80), optOut: z.enum(['yes', 'no']) });
export const retryEmailSchema = z.object({ emailId: z.string().min(1).max(40) });

const ids = (value: FormDataEntryValue | null) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => /^[A-Za-z0-9_-]{1,40}$/.test(v))
        .slice(0, 500)
    : [];

/**
 * The wins and project updates to leave out. The composer lists them all (`wins:all`,
 * `updates:all`, comma-separated ids) and ticks the ones to show (`keepWin`/`keepUpdate`, a merged
 * win's ids together); a form without the lists leaves the saved choice as it is (undefined).
 */
export function omissionsFrom(formData: FormData): { omitWins?: string[]; omitUpdates?: string[] } {
  const pick = (all: string, keep: string) => {
    if (!formData.has(all)) return undefined;
    const kept = new Set(formData.getAll(keep).flatMap((v) => ids(v)));
    return ids(formData.get(all)).filter((id) => !kept.has(id));
  };
  const omitWins = pick('wins:all', 'keepWin');
  const omitUpdates = pick('updates:all', 'keepUpdate');
  return { ...(omitWins ? { omitWins } : {}), ...(omitUpdates ? { omitUpdates } : {}) };
}
