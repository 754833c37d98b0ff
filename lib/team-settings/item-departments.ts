import 'server-only';
import type { Tx } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { NotFoundError, ValidationError } from '../errors';
import type { ListKind } from './list-kinds';

/** One item of a team's lists linked to a department, or to none (`departmentId: null`). */
export type ItemLink = { kind: ListKind; itemId: string; departmentId: string | null };

const ENTITY: Record<ListKind, string> = { channel: 'Channel', reason: 'ContactReason', segment: 'Segment' };

/** The form field a link's error belongs to, unless the caller names its own. */
export const linkField = (l: Pick<ItemLink, 'kind' | 'itemId'>) => `${l.kind}:${l.itemId}`;

async function itemsOf(tx: Tx, kind: ListKind, teamId: string, ids: string[]) {
  const args = {
    where: { teamId, id: { in: ids } },
    select: { id: true, name: true, departmentId: true, department: { select: { name: true } } },
  };
  if (kind === 'channel') return tx.channel.findMany(args);
  if (kind === 'reason') return tx.contactReason.findMany(args);
  return tx.segment.findMany(args);
}

async function updateItem(tx: Tx, kind: ListKind, id: string, departmentId: string | null) {
  const args = { where: { id }, data: { departmentId } };
  if (kind === 'channel') await tx.channel.update(args);
  else if (kind === 'reason') await tx.contactReason.update(args);
  else await tx.segment.update(args);
}

/**
 * Links items of the team's lists to departments inside the caller's transaction (Team settings and
 * the ticket import), one audit event (`<kind>.department`) per item whose department changed. The
 * caller has checked the actor. A department that does not exist is a field error, under
 * `field(link)` (by default `<kind>:<id>`), and nothing is written.
 */
export async function linkItemsToDepartmentsTx(
  tx: Tx,
  actor: Actor,
  teamId: string,
  links: ItemLink[],
  field: (l: ItemLink) => string = linkField,
): Promise<number> {
  if (!links.length) return 0;
  const wanted = [...new Set(links.map((l) => l.departmentId).filter((d): d is string => d !== null))];
  const departments = await tx.department.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const fieldErrors: Record<string, string[]> = {};
  for (const l of links)
    if (l.departmentId !== null && !names.has(l.departmentId))
      fieldErrors[field(l)] = ['Choose a department from the list.'];
  if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);
  let changed = 0;
  for (const kind of ['reason', 'segment', 'channel'] as const) {
    const own = links.filter((l) => l.kind === kind);
    if (!own.length) continue;
    const items = await itemsOf(
      tx,
      kind,
      teamId,
      own.map((l) => l.itemId),
    );
    if (items.length !== new Set(own.map((l) => l.itemId)).size)
      throw new NotFoundError(`No such ${kind === 'reason' ? 'contact reason' : kind} in this team.`);
    for (const l of own) {
      const item = items.find((i) => i.id === l.itemId)!;
      if (item.departmentId === l.departmentId) continue;
      await updateItem(tx, kind, item.id, l.departmentId);
      await recordAudit(tx, {
        actor,
        action: `${kind}.department`,
        entityType: ENTITY[kind],
        entityId: item.id,
        before: { teamId, [kind]: item.name, department: item.department?.name ?? null },
        after: { teamId, [kind]: item.name, department: l.departmentId ? names.get(l.departmentId)! : null },
      });
      changed += 1;
    }
  }
  return changed;
}
