import 'server-only';
import { db } from '../db';
import { recordAudit } from '../audit';
import { assertRole, type Actor, assertSignedIn } from '../authz';
import { ValidationError, isUniqueViolation } from '../errors';
import type { CreateTeamInput } from './schemas';
import { seedTeamDefaults } from '../team-settings/kpis';

/** Every signed-in user may see which teams exist (they are the subject of every review). */
export async function listTeams(actor: Actor) {
  assertSignedIn(actor);
  return db.team.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, slug: true, _count: { select: { users: { where: { active: true } } } } },
  });
}

export async function createTeam(actor: Actor, input: CreateTeamInput) {
  assertRole(actor, 'ADMIN');
  try {
    return await db.$transaction(async (tx) => {
      const team = await tx.team.create({ data: input, select: { id: true, name: true, slug: true } });
      await seedTeamDefaults(tx, team.id);
      await recordAudit(tx, { actor, action: 'team.create', entityType: 'Team', entityId: team.id, after: team });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const taken = await db.team.findFirst({
        where: { OR: [{ name: input.name }, { slug: input.slug }] },
        select: { name: true, slug: true },
      });
      throw new ValidationError(
        taken?.name === input.name
          ? { name: ['A team with this name already exists.'] }
          : { slug: ['Another team already uses this address.'] },
      );
    }
    throw error;
  }
}

export async function getTeamName(actor: Actor, teamId: string): Promise<string | null> {
  assertSignedIn(actor);
  const team = await db.team.findUnique({ where: { id: teamId }, select: { name: true } });
  return team?.name ?? null;
}
