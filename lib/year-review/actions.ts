'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '../errors';
import { handleForm } from '../form';
import { getManagedTeam } from '../team-access';
import { startYearReview } from './year-review';
import { YEAR_RE } from '../editions/period';

const startSchema = z.object({
  team: z.string().trim().min(1).max(80),
  year: z.string().trim().regex(YEAR_RE, 'Use a year like 2026.'),
});

/** Starts (or opens, when already started) the team's year in review and goes to its composer. */
export async function startYearReviewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await handleForm(
    formData,
    { roles: ['ADMIN', 'LEADER'], schema: startSchema },
    async (actor, data) => {
      const team = await getManagedTeam(actor, data.team);
      await startYearReview(actor, team, data.year);
      revalidatePath(`/manage/${team.slug}/reviews`, 'layout');
      return { ok: true, message: 'Started.', values: { team: team.slug, year: data.year } } satisfies FormState;
    },
  );
  // Outside handleForm: redirect() works by throwing.
  if (result.ok && result.values?.team && result.values.year)
    redirect(`/manage/${result.values.team}/reviews/${result.values.year}`);
  return result;
}
