import 'server-only';
import type { Tx } from '../db';
import type { Actor } from '../authz';
import { linkItemsToDepartmentsTx } from '../team-settings/item-departments';
import type { Catalog } from './figures';
import { departmentField, type NewReasonDepartments } from './new-reason-departments';
import { nameKey } from './schemas';

/** Every department, as a new reason's department select offers them. */
export function listDepartmentChoicesUnchecked(client: Pick<Tx, 'department'>) {
  return client.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

/**
 * Links the reasons an import created to the departments chosen for them in its preview, inside the
 * import's transaction (Team settings' rule and audit: lib/team-settings/item-departments.ts), so a
 * refused import links nothing. A reason that already existed keeps its own link: only a reason new
 * to the team is asked about. A department that does not exist is a field error under the reason's
 * select. Returns each link made, by reason and department.
 */
export async function linkNewReasonsTx(
  tx: Tx,
  actor: Actor,
  teamId: string,
  chosen: NewReasonDepartments,
  createdReasons: string[],
  catalog: Catalog,
): Promise<{ reason: string; department: string }[]> {
  const links = [...new Map(createdReasons.map((name) => [nameKey(name), name])).values()].flatMap((reason) => {
    const departmentId = chosen[departmentField(reason)];
    const item = catalog.reasons.find((r) => r.nameKey === nameKey(reason));
    return departmentId && item ? [{ kind: 'reason' as const, itemId: item.id, departmentId, reason }] : [];
  });
  if (!links.length) return [];
  await linkItemsToDepartmentsTx(tx, actor, teamId, links, (l) =>
    departmentField(links.find((x) => x.itemId === l.itemId)!.reason),
  );
  const departments = await tx.department.findMany({
    where: { id: { in: links.map((l) => l.departmentId) } },
    select: { id: true, name: true },
  });
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return links.map((l) => ({ reason: l.reason, department: names.get(l.departmentId)! }));
}
