import 'server-only';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { auth } from './auth';
import { db } from './db';
import type { Actor } from './authz';
import { hasRole } from './authz';
import type { Role } from './generated/prisma/enums';
import { ForbiddenError, UnauthenticatedError } from './errors';

/**
 * The signed-in user as the database says now. A demoted or deactivated user loses access on
 * the next request whatever their cookie says. Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
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
