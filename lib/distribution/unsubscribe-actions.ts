'use server';
import { z } from 'zod';
import type { FormState } from '../errors';
import { toFormState } from '../form';
import { unsubscribeByToken } from './unsubscribe';

const schema = z.object({ token: z.string().min(1).max(1000) });

/**
 * The button on the unsubscribe page. Public on purpose (no session): the signed token says which
 * address and team, and nothing else can be changed with it.
 */
export async function unsubscribeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = schema.safeParse(Object.fromEntries(formData.entries()));
  if (!parsed.success) return { ok: false, message: 'This unsubscribe link is not valid.' };
  try {
    const { teamName } = await unsubscribeByToken(parsed.data.token);
    return { ok: true, message: `Done: this address will get no more of ${teamName}’s editions by email.` };
  } catch (error) {
    return toFormState(error);
  }
}
