'use server';
import { revalidatePath } from 'next/cache';
import { expireDashboard } from '../dashboard/cache';
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
  return handleForm(formData, { roles: ['ADMIN'], schema: removeCustomerNameSchema }, async (actor, data) => {
    const result = await removeCustomerName(actor, data.quoteId);
    // Not /admin/people: the quote would drop out of the search and take its outcome message along.
    revalidatePath('/reviews', 'layout');
    expireDashboard();
    return {
      ok: true,
      message: `Name removed. ${result.editionsCorrected} published edition(s) corrected, with a note readers see.`,
    };
  });
}
