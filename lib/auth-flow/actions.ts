'use server';
import { AuthError, CredentialsSignin } from 'next-auth';
import { credentialsSchema, signIn, signOut } from '../auth';
import type { FormState } from '../errors';
import { SIGN_IN_LIMIT } from '../throttle';
import { safeCallbackUrl } from './callback-url';
import { z } from 'zod';


export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get('email') ?? '') };
  const parsed = credentialsSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) {
    return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: safeCallbackUrl(formData.get('callbackUrl')) });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'throttled') {
      return { ok: false, message: `Too many failed attempts. Sign-in for this account or address is paused for up to ${SIGN_IN_LIMIT.windowMinutes} minutes.`, values };
    }
    if (error instanceof AuthError) {
      return { ok: false, message: 'That email and password do not match an active account.', values };
    }
    throw error; // the redirect after a successful sign-in
  }
}

export async function signInWithOidcAction(formData: FormData): Promise<void> {
  await signIn('oidc', { redirectTo: safeCallbackUrl(formData.get('callbackUrl')) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/sign-in' });
}
