import 'server-only';
import { db, type Tx } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { NotFoundError, ValidationError, isUniqueViolation } from '../errors';
import { nameKeyOf as nameKey } from '../names';
import { assertCanManageTeam } from '../team-access';
import { DEFAULT_CHANNELS, DEFAULT_KPIS, type KpiInput } from './kpi-schemas';

/** The team's KPIs, for a leader of the team or an admin. */
export async function listKpis(actor: Actor, teamId: string, { includeArchived = true } = {}) {
  assertCanManageTeam(actor, teamId);
  return db.kpi.findMany({
    where: { teamId, ...(includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  });
}

function kpiData(input: KpiInput) {
  return {
    name: input.name,
    nameKey: nameKey(input.name),
    unit: input.unit,
    direction: input.direction,
    target: input.target,
    decimals: input.decimals,
  };
}

export async function createKpi(actor: Actor, teamId: string, input: KpiInput) {
  assertCanManageTeam(actor, teamId);
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.kpi.findFirst({ where: { teamId }, orderBy: { position: 'desc' } });
      const kpi = await tx.kpi.create({ data: { teamId, position: (last?.position ?? -1) + 1, ...kpiData(input) } });
      await recordAudit(tx, {
        actor,
        action: 'kpi.create',
        entityType: 'Kpi',
        entityId: kpi.id,
        after: kpiData(input),
      });
      return kpi;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: ['This team already has a KPI with that name.'] });
    throw error;
  }
}

export async function updateKpi(actor: Actor, teamId: string, kpiId: string, input: KpiInput) {
  assertCanManageTeam(actor, teamId);
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.kpi.findFirst({ where: { id: kpiId, teamId } });
      if (!before) throw new NotFoundError('No such KPI in this team.');
      await tx.kpi.update({ where: { id: kpiId }, data: kpiData(input) });
      await recordAudit(tx, {
        actor,
        action: 'kpi.update',
        entityType: 'Kpi',
        entityId: kpiId,
        before: {
          name: before.name,
          unit: before.unit,
          direction: before.direction,
          target: before.target?.toNumber() ?? null,
          decimals: before.decimals,
        },
        after: kpiData(input),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: ['This team already has a KPI with that name.'] });
    throw error;
  }
}

export async function setKpiArchived(actor: Actor, teamId: string, kpiId: string, archived: boolean) {
  assertCanManageTeam(actor, teamId);
  await db.$transaction(async (tx) => {
    const before = await tx.kpi.findFirst({ where: { id: kpiId, teamId } });
    if (!before) throw new NotFoundError('No such KPI in this team.');
    await tx.kpi.update({ where: { id: kpiId }, data: { archivedAt: archived ? new Date() : null } });
    await recordAudit(tx, {
      actor,
      action: archived ? 'kpi.archive' : 'kpi.restore',
      entityType: 'Kpi',
      entityId: kpiId,
      before: { archived: before.archivedAt !== null },
      after: { archived },
    });
  });
}

/** Gives a new team the default KPIs and channels, inside the transaction that creates it. */
export async function seedTeamDefaults(tx: Tx, teamId: string) {
  await tx.kpi.createMany({ data: DEFAULT_KPIS.map((k, position) => ({ teamId, position, ...kpiData(k) })) });
  await tx.channel.createMany({
    data: DEFAULT_CHANNELS.map((name, position) => ({ teamId, name, nameKey: nameKey(name), position })),
  });
}
