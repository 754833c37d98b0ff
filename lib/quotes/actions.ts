'use server';
import { revalidatePath } from 'next/cache';
import { expireDashboard } from '../expiry/cache';
import { redirect } from 'next/navigation';
import { handleForm, joinRepeated } from '../form';
import type { FormState } from '../errors';

import { approveQuoteSchema, rejectQuoteSchema, submitQuoteSchema, updateQuoteSchema } from './schemas';
import { approveQuote, rejectQuote, submitQuote, updateQuote } from './quotes';

export async function submitQuoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(
    joinRepeated(formData, ['creditIds']),
    { roles: ['AGENT', 'LEADER'], schema: submitQuoteSchema },
    async (actor, data) => {
      await submitQuote(actor, data);
      revalidatePath('/quotes', 'layout');
      return { ok: true };
    },
  );
  // A replay lands on the same page as the first submission, showing the one quote it made.
  if (state.ok) redirect('/quotes/mine?submitted=1');
  return state;
}

export async function updateQuoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await handleForm(
    joinRepeated(formData, ['creditIds']),
    { roles: ['AGENT', 'LEADER'], schema: updateQuoteSchema },
    async (actor, data) => {
      await updateQuote(actor, data);
      revalidatePath('/quotes', 'layout');
      return { ok: true };
    },
  );
  if (state.ok) redirect('/quotes/mine?updated=1');
  return state;
}

export async function approveQuoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['LEADER'], schema: approveQuoteSchema }, async (actor, data) => {
    await approveQuote(actor, data);
    revalidatePath('/', 'layout');
    expireDashboard();
    return {
      ok: true,
      message: data.pullQuote ? 'Approved with a pull-quote: it is on the wall.' : 'Approved: it is on the wall.',
    };
  });
}

export async function rejectQuoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['LEADER'], schema: rejectQuoteSchema }, async (actor, data) => {
    await rejectQuote(actor, data);
    revalidatePath('/', 'layout');
    expireDashboard();
    return { ok: true, message: 'Rejected: the submitter sees your reason.' };
  });
}
