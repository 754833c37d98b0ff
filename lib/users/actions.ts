'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { expireDashboard } from '../expiry/cache';
import { signIn } from '../auth';
import { handleForm } from '../form';
import type { FormState } from '../errors';
import { changePasswordSchema, createUserSchema, setActiveSchema, updateUserSchema } from './schemas';
import {
  changeOwnPassword,
  createUser,
  resetUserPassword,
  setUserActive,
  signOutEverywhere,
  updateUserRoleAndTeam,
} from './users';
import { z } from 'zod';
import { ANY_ROLE } from '../authz';
import { clientIp } from '../throttle';

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

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let email: string | null = null;
  let newPassword = '';
  const state = await handleForm(
    formData,
    { roles: [...ANY_ROLE], schema: changePasswordSchema, allowPasswordChange: true },
    async (actor, data) => {
      await changeOwnPassword(actor, data.currentPassword, data.newPassword, clientIp(await headers()));
      email = actor.email;
      newPassword = data.newPassword;
      return { ok: true, message: 'Your password was changed.' };
    },
  );
  if (!state.ok || !email) return state;
  // The change ended every earlier session, this one included: sign in again with the new
  // password so the person carries on with a cookie of the new session version.
  revalidatePath('/', 'layout');
  await signIn('credentials', { email, password: newPassword, redirectTo: '/account/password?changed=1' });
  return state;
}
