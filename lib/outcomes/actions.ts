'use server';
import { revalidatePath } from 'next/cache';
import { expireDashboard } from '../expiry/cache';
import { redirect } from 'next/navigation';
import { handleForm } from '../form';
import type { FormState } from '../errors';
import { createOutcomeSchema, deleteOutcomeSchema, updateOutcomeSchema } from './schemas';
import { createOutcome, deleteOutcome, updateOutcome } from './outcomes';

// Outcomes show on the outcomes page, the impact view, the trends charts and the next draft.
function revalidateOutcomes(slug: string) {
  revalidatePath(`/manage/${slug}/outcomes`);
  revalidatePath(`/reviews/${slug}/impact`);
  revalidatePath('/trends');
  // Trends mark outcomes on their charts (lib/kept/gate.ts keeps trends per generation).
  expireDashboard();
}

export async function createOutcomeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let slug = '';
  const state = await handleForm(
    formData,
    { roles: ['ADMIN', 'LEADER'], schema: createOutcomeSchema },
    async (actor, data) => {
      slug = (await createOutcome(actor, data)).team.slug;
      revalidateOutcomes(slug);
      return { ok: true };
    },
  );
  if (state.ok) redirect(`/manage/${slug}/outcomes?recorded=1`);
  return state;
}

export async function updateOutcomeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let slug = '';
  const state = await handleForm(
    formData,
    { roles: ['ADMIN', 'LEADER'], schema: updateOutcomeSchema },
    async (actor, data) => {
      slug = (await updateOutcome(actor, data)).team.slug;
      revalidateOutcomes(slug);
      return { ok: true };
    },
  );
  if (state.ok) redirect(`/manage/${slug}/outcomes?updated=1`);
  return state;
}

export async function deleteOutcomeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let slug = '';
  const state = await handleForm(
    formData,
    { roles: ['ADMIN', 'LEADER'], schema: deleteOutcomeSchema },
    async (actor, data) => {
      slug = (await deleteOutcome(actor, data)).team.slug;
      revalidateOutcomes(slug);
      return { ok: true };
    },
  );
  if (state.ok) redirect(`/manage/${slug}/outcomes?removed=1`);
  return state;
}
