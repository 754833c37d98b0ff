import 'server-only';
import { db } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { expireDashboard } from '../expiry/cache';
import { assertCanManageTeam } from '../team-access';

/** Sets the zone a team's months begin and end in; null returns it to the organisation's zone. */
export async function setTeamTimeZone(actor: Actor, teamId: string, timeZone: string | null) {
  assertCanManageTeam(actor, teamId);
  await db.$transaction(async (tx) => {
    const before = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { timeZone: true } });
    if (before.timeZone === timeZone) return;
    await tx.team.update({ where: { id: teamId }, data: { timeZone } });
    await recordAudit(tx, {
      actor,
      action: 'team.time-zone',
      entityType: 'Team',
      entityId: teamId,
      before,
      after: { timeZone },
    });
  });
  expireDashboard();
}
