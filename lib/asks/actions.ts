'use server';
import { revalidatePath } from 'next/cache';
import { ANY_ROLE } from '../authz';
import type { FormState } from '../errors';
import { handleForm, typedValues } from '../form';
import { getManagedTeam } from '../team-access';
import { answerAsk, AskConflictError, createAsk, removeAsk, updateAsk } from './asks';
import { answerAskSchema, ASK_STATUS_LABELS, createAskSchema, removeAskSchema, updateAskSchema } from './schemas';

const MANAGERS = ['ADMIN', 'LEADER'] as const;

const composerPaths = (slug: string, month: string) => {
  revalidatePath(`/manage/${slug}/reviews/${month}`, 'layout');
  revalidatePath('/asks');
};

export async function createAskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: [...MANAGERS], schema: createAskSchema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    await createAsk(actor, team, data.month, {
      title: data.title,
      departmentId: data.departmentId,
      details: data.details,
    });
    composerPaths(team.slug, data.month);
    // The form empties for the next ask; the department stays chosen, as several often go to one.
    return {
      ok: true,
      message: `Ask added: “${data.title}”.`,
      values: { departmentId: data.departmentId },
    } satisfies FormState;
  });
}

export async function updateAskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: [...MANAGERS], schema: updateAskSchema }, async (actor, data) => {
    const { slug, month } = await updateAsk(actor, data.askId, {
      title: data.title,
      departmentId: data.departmentId,
      details: data.details,
    });
    composerPaths(slug, month);
    return { ok: true, message: 'Ask saved.', values: typedValues(formData) } satisfies FormState;
  });
}

export async function removeAskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: [...MANAGERS], schema: removeAskSchema }, async (actor, data) => {
    const { slug, month } = await removeAsk(actor, data.askId);
    composerPaths(slug, month);
    return { ok: true, message: 'Ask removed.' } satisfies FormState;
  });
}

/** Anyone signed in may try; lib decides (the department's people, admins, the team's leaders). */
export async function answerAskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: [...ANY_ROLE], schema: answerAskSchema }, async (actor, data) => {
    try {
      const { slug, month } = await answerAsk(actor, data);
      revalidatePath('/asks');
      revalidatePath(`/manage/${slug}/reviews/${month}`);
      return { ok: true, message: `Answered: ${ASK_STATUS_LABELS[data.status].toLowerCase()}.` } satisfies FormState;
    } catch (error) {
      // Keep the note they wrote; sending it again (on purpose, having read theirs) then goes through.
      if (error instanceof AskConflictError)
        return {
          ok: false,
          message: error.message,
          values: { ...typedValues(formData), seen: error.latest.seen },
        } satisfies FormState;
      throw error;
    }
  });
}
