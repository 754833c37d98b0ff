'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { AuthError, CredentialsSignin } from 'next-auth';
import { credentialsSchema, signIn, signOut } from '../auth';
import type { FormState } from '../errors';
import { ANY_ROLE } from '../authz';
import { handleForm } from '../form';
import { clientIp } from '../throttle';
import { getSessionUser } from '../session';
import { SIGN_IN_MESSAGES, type SignInRefusal } from '../sign-in';
import { changeOwnPassword, endOwnSessions } from '../users/users';
import { changePasswordSchema } from '../users/schemas';
import { safeCallbackUrl } from '../callback-url';
import { z } from 'zod';

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get('email') ?? '') };
  const parsed = credentialsSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) {
    return {
      ok: false,
      message: 'Please correct the highlighted fields.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values,
    };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeCallbackUrl(formData.get('callbackUrl')) });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code in SIGN_IN_MESSAGES) {
      return { ok: false, message: SIGN_IN_MESSAGES[error.code as SignInRefusal], values };
    }
    if (error instanceof AuthError) {
      return { ok: false, message: SIGN_IN_MESSAGES.invalid, values };
    }
    throw error; // the redirect after a successful sign-in
  }
}

export async function signInWithOidcAction(formData: FormData): Promise<void> {
  await signIn('oidc', { redirectTo: safeCallbackUrl(formData.get('callbackUrl')) });
}

export async function signOutAction(): Promise<void> {
  // Raising the session version ends this cookie even if a copy of it survives somewhere.
  const user = await getSessionUser();
  if (user) await endOwnSessions(user);
  await signOut({ redirectTo: '/sign-in' });
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
