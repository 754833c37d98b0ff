'use server';
import { revalidatePath } from 'next/cache';
import { expireDashboard } from '../expiry/cache';
import { handleForm } from '../form';
import type { FormState } from '../errors';
import { createTeamSchema } from './schemas';
import { createTeam } from './teams';

export async function createTeamAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['ADMIN'], schema: createTeamSchema }, async (actor, data) => {
    const team = await createTeam(actor, data);
    revalidatePath('/admin/teams');
    // A new team has its card on the kept dashboard and its place in trends and the wall.
    expireDashboard();
    return { ok: true, message: `Team “${team.name}” created.` };
  });
}
