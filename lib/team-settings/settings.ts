import 'server-only';
import { db } from '../db';
import type { Actor } from '../authz';
import { LIST_KINDS } from './list-kinds';
import { assertCanManageTeam } from '../team-access';
import { listKpis } from './kpis';
import { listItems } from './lists';
import { listApiTokens } from './tokens';
import { appTimeZone } from '../time-zone';

/** Everything the team settings page shows, for a leader of the team or an admin. */
export async function readTeamSettings(actor: Actor, teamId: string) {
  assertCanManageTeam(actor, teamId);
  const [team, lists, kpis, tokens, usedIds] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { timeZone: true } }),
    Promise.all(LIST_KINDS.map((kind) => listItems(actor, teamId, kind))),
    listKpis(actor, teamId),
    listApiTokens(actor, teamId),
    listUsedItemIds(teamId),
  ]);
  return {
    lists,
    kpis,
    tokens,
    usedIds,
    timeZone: team.timeZone,
    organisationZone: appTimeZone(),
    zones: timeZoneNames(),
  };
}

/** Every IANA zone this runtime knows, for the team's time zone picker. */
function timeZoneNames(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** Ids of the channels, reasons and segments that hold figures in any month (they can only be archived). */
async function listUsedItemIds(teamId: string): Promise<Set<string>> {
  const [channels, reasons, segments] = await Promise.all([
    db.channelVolume.findMany({ where: { teamId }, distinct: ['channelId'], select: { channelId: true } }),
    db.reasonCount.findMany({ where: { teamId }, distinct: ['reasonId'], select: { reasonId: true } }),
    db.segmentCount.findMany({ where: { teamId }, distinct: ['segmentId'], select: { segmentId: true } }),
  ]);
  return new Set([
    ...channels.map((u) => u.channelId),
    ...reasons.map((u) => u.reasonId),
    ...segments.map((u) => u.segmentId),
  ]);
}
