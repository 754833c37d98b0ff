import 'server-only';
import { db } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { NotFoundError, ValidationError } from '../errors';
import { assertCanManageTeam } from '../team-access';

export type ReasonLink = { id: string; name: string; archived: boolean; departmentId: string | null };
export type DepartmentOption = { id: string; name: string };

/** The team's contact reasons with the department each belongs to, and the departments to choose from. */
export async function listReasonLinks(
  actor: Actor,
  teamId: string,
): Promise<{ reasons: ReasonLink[]; departments: DepartmentOption[] }> {
  assertCanManageTeam(actor, teamId);
  const [reasons, departments] = await Promise.all([
    db.contactReason.findMany({
      where: { teamId },
      orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { position: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, archivedAt: true, departmentId: true },
    }),
    db.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  return {
    reasons: reasons.map((r) => ({
      id: r.id,
      name: r.name,
      archived: r.archivedAt !== null,
      departmentId: r.departmentId,
    })),
    departments,
  };
}

/**
 * Links each given reason to a department (or to none), in one transaction with one audit event
 * per reason whose department changed. Published editions keep the departments they were
 * published with: their sections are frozen in the snapshot.
 */
export async function setReasonDepartments(
  actor: Actor,
  teamId: string,
  links: { reasonId: string; departmentId: string | null }[],
): Promise<{ changed: number }> {
  assertCanManageTeam(actor, teamId);
  return db.$transaction(async (tx) => {
    const reasons = await tx.contactReason.findMany({
      where: { teamId, id: { in: links.map((l) => l.reasonId) } },
      select: { id: true, name: true, departmentId: true, department: { select: { name: true } } },
    });
    if (reasons.length !== new Set(links.map((l) => l.reasonId)).size)
      throw new NotFoundError('No such contact reason in this team.');
    const wanted = [...new Set(links.map((l) => l.departmentId).filter((d): d is string => d !== null))];
    const departments = await tx.department.findMany({
      where: { id: { in: wanted } },
      select: { id: true, name: true },
    });
    const names = new Map(departments.map((d) => [d.id, d.name]));
    const fieldErrors: Record<string, string[]> = {};
    for (const l of links)
      if (l.departmentId !== null && !names.has(l.departmentId))
        fieldErrors[`reason:${l.reasonId}`] = ['Choose a department from the list.'];
    if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);
    let changed = 0;
    for (const l of links) {
      const reason = reasons.find((r) => r.id === l.reasonId)!;
      if (reason.departmentId === l.departmentId) continue;
      await tx.contactReason.update({ where: { id: reason.id }, data: { departmentId: l.departmentId } });
      await recordAudit(tx, {
        actor,
        action: 'reason.department',
        entityType: 'ContactReason',
        entityId: reason.id,
        before: { teamId, reason: reason.name, department: reason.department?.name ?? null },
        after: { teamId, reason: reason.name, department: l.departmentId ? names.get(l.departmentId)! : null },
      });
      changed += 1;
    }
    return { changed };
  });
}
