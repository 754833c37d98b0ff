import 'server-only';
import { db } from '../db';
import type { Actor } from '../authz';
import { assertCanManageTeam } from '../team-access';
import { linkItemsToDepartmentsTx, type ItemLink } from '../team-settings/item-departments';

export type ItemDepartment = { id: string; name: string; archived: boolean; departmentId: string | null };
/** Kept for the reasons' editor and tests. */
export type ReasonLink = ItemDepartment;
export type DepartmentOption = { id: string; name: string };

const itemQuery = {
  orderBy: [
    { archivedAt: { sort: 'asc' as const, nulls: 'first' as const } },
    { position: 'asc' as const },
    { name: 'asc' as const },
  ],
  select: { id: true, name: true, archivedAt: true, departmentId: true },
};

const shape = (rows: { id: string; name: string; archivedAt: Date | null; departmentId: string | null }[]) =>
  rows.map((r) => ({ id: r.id, name: r.name, archived: r.archivedAt !== null, departmentId: r.departmentId }));

/**
 * The team's contact reasons, segments and channels with the department each is linked to, and the
 * departments to choose from (Team settings).
 */
export async function listReasonLinks(
  actor: Actor,
  teamId: string,
): Promise<{
  reasons: ItemDepartment[];
  segments: ItemDepartment[];
  channels: ItemDepartment[];
  departments: DepartmentOption[];
}> {
  assertCanManageTeam(actor, teamId);
  const [reasons, segments, channels, departments] = await Promise.all([
    db.contactReason.findMany({ where: { teamId }, ...itemQuery }),
    db.segment.findMany({ where: { teamId }, ...itemQuery }),
    db.channel.findMany({ where: { teamId }, ...itemQuery }),
    db.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  return { reasons: shape(reasons), segments: shape(segments), channels: shape(channels), departments };
}

/**
 * Links reasons, segments and channels of the team to departments (or to none), in one transaction
 * with one audit event per item whose department changed. Published editions keep the departments
 * they were published with: their sections are frozen in the snapshot.
 */
export async function setItemDepartments(
  actor: Actor,
  teamId: string,
  links: ItemLink[],
): Promise<{ changed: number }> {
  assertCanManageTeam(actor, teamId);
  return db.$transaction(async (tx) => ({ changed: await linkItemsToDepartmentsTx(tx, actor, teamId, links) }));
}

/** The reasons alone (`reason:<id>` fields). */
export async function setReasonDepartments(
  actor: Actor,
  teamId: string,
  links: { reasonId: string; departmentId: string | null }[],
): Promise<{ changed: number }> {
  return setItemDepartments(
    actor,
    teamId,
    links.map((l) => ({ kind: 'reason', itemId: l.reasonId, departmentId: l.departmentId })),
  );
}
