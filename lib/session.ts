import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { sessionUserFromCookie } from './session-user';
import type { Actor } from './authz';
import { hasRole } from './authz';
import type { Role } from './generated/prisma/enums';
import { ForbiddenError, UnauthenticatedError } from './errors';

/**
 * The signed-in user as the database says now (lib/session-user.ts), whether or not they still
 * have to replace a one-time password. Cached per request.
 */
export const getSessionUser = cache(async (): Promise<Actor | null> =>
  sessionUserFromCookie((await headers()).get('cookie')),
);

/** The actor, or null when signed out — or still holding a one-time password to replace. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const user = await getSessionUser();
  return user && !user.passwordChangeRequired ? user : null;
});

export const PASSWORD_CHANGE_PATH = '/account/password';
const PASSWORD_FIRST = 'Choose your own password first (Account → Change password).';

/**
 * For pages: the actor, or a redirect to sign-in; with roles, a 403 page for anyone else. Someone
 * signed in with a one-time password is sent to choose their own before anything else.
 */
export async function requirePageActor(...roles: Role[]): Promise<Actor> {
  const actor = await getSessionUser();
  if (!actor) redirect('/sign-in');
  if (actor.passwordChangeRequired) redirect(PASSWORD_CHANGE_PATH);
  if (roles.length && !hasRole(actor, ...roles)) forbidden();
  return actor;
}

/** For the layout and the password page only: a one-time-password session is let through. */
export async function requirePageSessionUser(): Promise<Actor> {
  const actor = await getSessionUser();
  if (!actor) redirect('/sign-in');
  return actor;
}

/** For server actions and route handlers: the actor, or a typed error to answer with. */
export async function requireActor(...roles: Role[]): Promise<Actor> {
  const actor = await getSessionUser();
  if (!actor) throw new UnauthenticatedError();
  if (actor.passwordChangeRequired) throw new ForbiddenError(PASSWORD_FIRST);
  if (roles.length && !hasRole(actor, ...roles)) throw new ForbiddenError();
  return actor;
}

/** For changing one's own password: the only action a one-time-password session may run. */
export async function requireSessionUser(): Promise<Actor> {
  const actor = await getSessionUser();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
