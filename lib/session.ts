import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getToken } from 'next-auth/jwt';
import { db } from './db';
import type { Actor } from './authz';
import { hasRole } from './authz';
import type { Role } from './generated/prisma/enums';
import { env } from './env';
import { ForbiddenError, UnauthenticatedError } from './errors';

const SESSION_COOKIE = 'authjs.session-token';

/**
 * The user id in the request's Auth.js session cookie, decrypted and its expiry checked by
 * Auth.js's own `getToken` (the cookie lib/auth.ts's default configuration writes: `__Secure-`
 * prefixed over HTTPS, possibly split into chunks). Cheaper than `auth()`, which runs the whole
 * session endpoint — decrypting, re-encrypting and building a response — on every page render; the
 * only part used here is the id.
 */
async function sessionToken(): Promise<{ id: string; version: number } | null> {
  const secret = env().AUTH_SECRET;
  const cookie = (await headers()).get('cookie');
  if (!secret || !cookie) return null;
  const secureCookie = cookie.includes(`__Secure-${SESSION_COOKIE}`);
  // Only the cookie header: getToken would otherwise also accept an `Authorization: Bearer` JWT.
  const token = await getToken({ req: { headers: { cookie } }, secret, secureCookie });
  if (typeof token?.sub !== 'string') return null;
  // Cookies issued before session versions existed carry none: they count as version 0.
  return { id: token.sub, version: typeof token.sv === 'number' ? token.sv : 0 };
}

/**
 * The signed-in user as the database says now, whether or not they still have to replace a
 * one-time password. A demoted or deactivated user loses access on the next request whatever
 * their cookie says, and a cookie whose session version is behind the user's (they signed out,
 * changed or were given a new password, were deactivated, or signed out everywhere) is refused.
 * Cached per request.
 */
export const getSessionUser = cache(async (): Promise<Actor | null> => {
  const session = await sessionToken();
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.id },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      teamId: true,
      active: true,
      passwordChangeRequired: true,
      sessionVersion: true,
    },
  });
  if (!user || !user.active || user.sessionVersion !== session.version) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamId: user.teamId,
    active: user.active,
    passwordChangeRequired: user.passwordChangeRequired,
  };
});

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
