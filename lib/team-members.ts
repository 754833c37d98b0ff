import 'server-only';
import { type DbClient } from './db';
import { ValidationError } from './errors';

/** People who can be credited on a team's quotes and wins, or own its projects. */
export async function listTeamMembers(tx: DbClient, teamId: string) {
  return tx.user.findMany({
    where: { teamId, active: true, role: { in: ['AGENT', 'LEADER'] } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}

/** Every id must be an active agent or leader of the team; the browser's list is never trusted. */
export async function assertTeamMembers(
  tx: DbClient,
  teamId: string,
  userIds: readonly string[],
  field: string,
): Promise<void> {
  const unique = [...new Set(userIds)];
  const found = await tx.user.count({
    where: { id: { in: unique }, teamId, active: true, role: { in: ['AGENT', 'LEADER'] } },
  });
  if (found !== unique.length) throw new ValidationError({ [field]: ['Choose people from your team’s list.'] });
}
