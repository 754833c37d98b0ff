import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import type { Actor } from './authz';
import { ForbiddenError, NotFoundError } from './errors';
import { getManagedTeam, type TeamRef } from './team-access';

/** For pages: a lib refusal becomes the 403 page, a missing record the 404 page. */
export async function orPageError<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** For /manage/[team]/… pages: the team, a 403 page if not theirs, a 404 if there is none. */
export function managedTeamOrInterrupt(actor: Actor, slug: string): Promise<TeamRef> {
  return orPageError(getManagedTeam(actor, slug));
}
