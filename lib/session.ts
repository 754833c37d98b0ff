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
async function sessionUserId(): Promise<string | null> {
  const secret = env().AUTH_SECRET;
  const cookie = (await headers()).get('cookie');
  if (!secret || !cookie) return null;
  const secureCookie = cookie.includes(`__Secure-${SESSION_COOKIE}`);
  // Only the cookie header: getToken would otherwise also accept an `Authorization: Bearer` JWT.
  const token = await getToken({ req: { headers: { cookie } }, secret, secureCookie });
  return typeof token?.sub === 'string' ? token.sub : null;
}

/**
 * The signed-in user as the database says now. A demoted or deactivated user loses access on
 * the next request whatever their cookie says. Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const id = await sessionUserId();
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, teamId: true, active: true, passwordChangeRequired: true },
  });
  if (!user || !user.active) return null;
  return user;
});

/** For pages: the actor, or a redirect to sign-in; with roles, a 403 page for anyone else. */
export async function requirePageActor(...roles: Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  if (roles.length && !hasRole(actor, ...roles)) forbidden();
  return actor;
}

/** For server actions and route handlers: the actor, or a typed error to answer with. */
export async function requireActor(...roles: Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new UnauthenticatedError();
  if (roles.length && !hasRole(actor, ...roles)) throw new ForbiddenError();
  return actor;
}
