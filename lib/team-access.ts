import 'server-only';
import { db } from './db';
import { hasRole, type Actor } from './authz';
import { ForbiddenError, NotFoundError } from './errors';

export type TeamRef = { id: string; name: string; slug: string };

export async function findTeamBySlug(slug: string): Promise<TeamRef> {
  const team = await db.team.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (!team) throw new NotFoundError('No such team.');
  return team;
}

/** Leaders manage their own team; admins manage every team. */
export function canManageTeam(actor: Actor, teamId: string): boolean {
  return hasRole(actor, 'ADMIN') || (hasRole(actor, 'LEADER') && actor.teamId === teamId);
}

export function assertCanManageTeam(actor: Actor, teamId: string): void {
  if (!canManageTeam(actor, teamId)) throw new ForbiddenError();
}

/** The team behind a /manage/[team]/… URL, refused unless the actor may manage it. */
export async function getManagedTeam(actor: Actor, slug: string): Promise<TeamRef> {
  // Refuse before revealing whether the team exists.
  if (!hasRole(actor, 'ADMIN', 'LEADER')) throw new ForbiddenError();
  const team = await findTeamBySlug(slug);
  assertCanManageTeam(actor, team.id);
  return team;
}

/** Teams the actor manages, for pickers and navigation. */
export async function listManagedTeams(actor: Actor): Promise<TeamRef[]> {
  if (hasRole(actor, 'ADMIN'))
    return db.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true } });
  if (hasRole(actor, 'LEADER') && actor.teamId) {
    return db.team.findMany({ where: { id: actor.teamId }, select: { id: true, name: true, slug: true } });
  }
  return [];
}
