'use server';
import { revalidatePath } from 'next/cache';
import { expireDashboard } from '../expiry/cache';
import { handleForm } from '../form';
import type { FormState } from '../errors';
import { createUserSchema, setActiveSchema, updateUserSchema } from './schemas';
import { createUser, resetUserPassword, setUserActive, signOutEverywhere, updateUserRoleAndTeam } from './users';
import { z } from 'zod';

export type CreateUserState = FormState & { oneTimePassword?: string; createdEmail?: string };

export async function createUserAction(_prev: FormState, formData: FormData): Promise<CreateUserState> {
  return handleForm(formData, { roles: ['ADMIN'], schema: createUserSchema }, async (actor, data) => {
    const { user, oneTimePassword } = await createUser(actor, data);
    revalidatePath('/admin/users');
    // Names and roles show on kept pages (credits on quotes, the wall's people).
    expireDashboard();
    return { ok: true, message: `${user.name} can now sign in.`, oneTimePassword, createdEmail: user.email };
  });
}

export async function updateUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['ADMIN'], schema: updateUserSchema }, async (actor, data) => {
    await updateUserRoleAndTeam(actor, data);
    revalidatePath('/admin/users');
    expireDashboard();
    return { ok: true, message: 'Saved.' };
  });
}

export async function setUserActiveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['ADMIN'], schema: setActiveSchema }, async (actor, data) => {
    await setUserActive(actor, data.userId, data.active);
    revalidatePath('/admin/users');
    expireDashboard();
    return {
      ok: true,
      message: data.active ? 'Reactivated.' : 'Deactivated: they are signed out at their next request.',
    };
  });
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<CreateUserState> {
  return handleForm(
    formData,
    { roles: ['ADMIN'], schema: z.object({ userId: z.string().min(1).max(64) }) },
    async (actor, data) => {
      const oneTimePassword = await resetUserPassword(actor, data.userId);
      return { ok: true, message: 'A new one-time password was issued.', oneTimePassword };
    },
  );
}

export async function signOutEverywhereAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(
    formData,
    { roles: ['ADMIN'], schema: z.object({ userId: z.string().min(1).max(64) }) },
    async (actor, data) => {
      await signOutEverywhere(actor, data.userId);
      return { ok: true, message: 'Signed out everywhere: every earlier session of theirs has ended.' };
    },
  );
}
