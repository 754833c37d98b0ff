'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { handleForm, joinRepeated } from '../form';
import type { FormState } from '../errors';
import { monthOf } from '../dates/month';
import { expireDashboard } from '../expiry/cache';

import { createWinSchema, deleteWinSchema, updateWinSchema } from './schemas';
import { createWin, deleteWin, updateWin } from './wins';

export async function createWinAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let month = '';
  const state = await handleForm(
    joinRepeated(formData, ['creditIds']),
    { roles: ['AGENT', 'LEADER'], schema: createWinSchema },
    async (actor, data) => {
      await createWin(actor, data);
      month = monthOf(data.occurredOn);
      revalidatePath('/wins');
      revalidatePath('/people', 'layout');
      // Trends mark wins on their charts (lib/kept/gate.ts keeps trends per generation).
      expireDashboard();
      return { ok: true };
    },
  );
  if (state.ok) redirect(`/wins?month=${month}&recorded=1`);
  return state;
}

export async function updateWinAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let month = '';
  const state = await handleForm(
    joinRepeated(formData, ['creditIds']),
    { roles: ['LEADER'], schema: updateWinSchema },
    async (actor, data) => {
      await updateWin(actor, data);
      month = monthOf(data.occurredOn);
      revalidatePath('/wins');
      revalidatePath('/people', 'layout');
      // Trends mark wins on their charts (lib/kept/gate.ts keeps trends per generation).
      expireDashboard();
      return { ok: true };
    },
  );
  if (state.ok) redirect(`/wins?month=${month}&updated=1`);
  return state;
}

export async function deleteWinAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(formData, { roles: ['LEADER'], schema: deleteWinSchema }, async (actor, data) => {
    await deleteWin(actor, data.winId);
    revalidatePath('/wins');
    revalidatePath('/people', 'layout');
    expireDashboard();
    return { ok: true };
  });
  if (state.ok) redirect('/wins?removed=1');
  return state;
}
