// Who may do what, in one place. Pure functions of the acting user, read fresh from the
// database for every request by lib/session.ts, so they are easy to test and never trust a cookie.
import type { Role } from './generated/prisma/enums';
import { ForbiddenError } from './errors';

export type Actor = {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  active: boolean;
  passwordChangeRequired?: boolean;
};

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  LEADER: 'Team leader',
  AGENT: 'Agent',
  EXEC: 'Executive',
  COLLEAGUE: 'Colleague',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];
/** Roles that belong to exactly one team. */
export const TEAM_ROLES: readonly Role[] = ['LEADER', 'AGENT'];

/** "Anyone signed in", the one spelling: for handleForm's `roles` and the matrix's rows. */
export const ANY_ROLE: readonly Role[] = ROLES;

/** Any active user, whatever their role (getActor already drops inactive users; this says so). */
export function assertSignedIn(actor: Actor): void {
  if (!actor.active) throw new ForbiddenError();
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.active && roles.includes(actor.role);
}

export function assertRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) throw new ForbiddenError();
}

/** Leaders (and agents where allowed) act only for their own team; admins for any. */
export function assertTeamMember(actor: Actor, teamId: string, ...roles: Role[]): void {
  if (hasRole(actor, 'ADMIN') && roles.includes('ADMIN')) return;
  if (!hasRole(actor, ...roles) || actor.teamId !== teamId) throw new ForbiddenError();
}
