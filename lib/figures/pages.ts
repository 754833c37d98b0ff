import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import type { Actor } from '../authz';
import { ForbiddenError, NotFoundError } from '../errors';
import { getManagedTeam, type TeamRef } from '../team-access';

/** For /manage/[team]/… pages: the team, a 403 page if not theirs, a 404 if there is none. */
export async function managedTeamOrInterrupt(actor: Actor, slug: string): Promise<TeamRef> {
  try {
    return await getManagedTeam(actor, slug);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
