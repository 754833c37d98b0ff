'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { expireDashboard } from '../expiry/cache';
import type { FormState } from '../errors';
import { handleForm } from '../form';
import { removeCustomerName } from './customer-name';
import { erasePerson } from './erase';
import { erasePersonSchema, removeCustomerNameSchema } from './schemas';

export async function erasePersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['ADMIN'], schema: erasePersonSchema }, async (actor, data) => {
    const result = await erasePerson(actor, data.userId, data.confirmEmail);
    // Not /admin/people itself: re-rendering it would replace the form, and its outcome message,
    // with "Already erased." The next visit shows the new state.
    revalidatePath('/admin/users');
    expireDashboard();
    return {
      ok: true,
      message: `Erased. Credits in ${result.revisionsAnonymised} published edition revision(s) and ${result.thanksAnonymised} thanks note(s) anonymised; ${result.auditEventsScrubbed} audit record(s) scrubbed.`,
    };
  });
}

export async function removeCustomerNameAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let corrected = 0;
  const state = await handleForm(
    formData,
    { roles: ['ADMIN'], schema: removeCustomerNameSchema },
    async (actor, data) => {
      corrected = (await removeCustomerName(actor, data.quoteId)).editionsCorrected;
      revalidatePath('/reviews', 'layout');
      revalidatePath('/admin/people');
      expireDashboard();
      return { ok: true };
    },
  );
  // The quote drops out of the search once its name is gone, and its form with it: the outcome is
  // told on the page the admin lands on.
  if (state.ok) redirect(`/admin/people?nameRemoved=${corrected}`);
  return state;
}
