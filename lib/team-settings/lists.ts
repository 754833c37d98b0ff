import 'server-only';
import { db, type DbClient, type Tx } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from '../errors';
import { assertCanManageTeam } from '../team-access';
import { nameKeyOf as nameKey } from '../names';
import type { ListKind } from './list-kinds';

export type ListItem = {
  id: string;
  teamId: string;
  name: string;
  nameKey: string;
  position: number;
  archivedAt: Date | null;
};

// Channel, ContactReason and Segment are the same shape: one narrow interface serves all three.
type ListDelegate = {
  findMany(args: { where: Record<string, unknown>; orderBy?: unknown }): Promise<ListItem[]>;
  findFirst(args: { where: Record<string, unknown>; orderBy?: unknown }): Promise<ListItem | null>;
  create(args: { data: Record<string, unknown> }): Promise<ListItem>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<ListItem>;
  delete(args: { where: { id: string } }): Promise<ListItem>;
};

const ENTITY: Record<ListKind, string> = { channel: 'Channel', reason: 'ContactReason', segment: 'Segment' };

function listDelegate(tx: DbClient, kind: ListKind): ListDelegate {
  const delegates = { channel: tx.channel, reason: tx.contactReason, segment: tx.segment };
  return delegates[kind] as unknown as ListDelegate;
}

async function usageCount(tx: Tx, kind: ListKind, id: string): Promise<number> {
  if (kind === 'channel') return tx.channelVolume.count({ where: { channelId: id } });
  if (kind === 'reason') return tx.reasonCount.count({ where: { reasonId: id } });
  return tx.segmentCount.count({ where: { segmentId: id } });
}

/** One of the team's lists (channels, reasons, segments), for a leader of the team or an admin. */
export async function listItems(actor: Actor, teamId: string, kind: ListKind, { includeArchived = true } = {}) {
  assertCanManageTeam(actor, teamId);
  return listDelegate(db, kind).findMany({
    where: { teamId, ...(includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  });
}

async function itemOfTeam(tx: Tx, kind: ListKind, teamId: string, id: string) {
  const item = await listDelegate(tx, kind).findFirst({ where: { id, teamId } });
  if (!item) throw new NotFoundError('No such item in this team.');
  return item;
}

/** Adds an item at the end of the list; used by settings and by imports that create unknown names. */
export async function addListItemTx(
  tx: Tx,
  actor: Pick<Actor, 'id' | 'email'> | null,
  teamId: string,
  kind: ListKind,
  name: string,
) {
  const delegate = listDelegate(tx, kind);
  const last = await delegate.findFirst({ where: { teamId }, orderBy: { position: 'desc' } });
  const item = await delegate.create({
    data: { teamId, name: name.trim(), nameKey: nameKey(name), position: (last?.position ?? -1) + 1 },
  });
  await recordAudit(tx, {
    actor,
    action: `${kind}.create`,
    entityType: ENTITY[kind],
    entityId: item.id,
    after: { teamId, name: item.name },
  });
  return item;
}

export async function addListItem(actor: Actor, teamId: string, kind: ListKind, name: string) {
  assertCanManageTeam(actor, teamId);
  try {
    return await db.$transaction((tx) => addListItemTx(tx, actor, teamId, kind, name));
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ValidationError({ name: ['This team already has an item with that name.'] });
    throw error;
  }
}

export async function renameListItem(actor: Actor, teamId: string, kind: ListKind, id: string, name: string) {
  assertCanManageTeam(actor, teamId);
  try {
    await db.$transaction(async (tx) => {
      const before = await itemOfTeam(tx, kind, teamId, id);
      const after = await listDelegate(tx, kind).update({
        where: { id },
        data: { name: name.trim(), nameKey: nameKey(name) },
      });
      await recordAudit(tx, {
        actor,
        action: `${kind}.rename`,
        entityType: ENTITY[kind],
        entityId: id,
        before: { name: before.name },
        after: { name: after.name },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ValidationError({ name: ['This team already has an item with that name.'] });
    throw error;
  }
}

/** Swaps the item with its neighbour above (-1) or below (+1). */
export async function moveListItem(actor: Actor, teamId: string, kind: ListKind, id: string, direction: -1 | 1) {
  assertCanManageTeam(actor, teamId);
  await db.$transaction(async (tx) => {
    const items = await listDelegate(tx, kind).findMany({
      where: { teamId },
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
    });
    const index = items.findIndex((i) => i.id === id);
    if (index < 0) throw new NotFoundError('No such item in this team.');
    const other = items[index + direction];
    if (!other) return;
    // Renumber densely so equal positions left by older data cannot make the swap a no-op.
    const order = items.map((i) => i.id);
    [order[index], order[index + direction]] = [order[index + direction]!, order[index]!];
    for (const [position, itemId] of order.entries())
      await listDelegate(tx, kind).update({ where: { id: itemId }, data: { position } });
    await recordAudit(tx, {
      actor,
      action: `${kind}.reorder`,
      entityType: ENTITY[kind],
      entityId: id,
      before: { position: index },
      after: { position: index + direction },
    });
  });
}

export async function setListItemArchived(actor: Actor, teamId: string, kind: ListKind, id: string, archived: boolean) {
  assertCanManageTeam(actor, teamId);
  await db.$transaction(async (tx) => {
    const before = await itemOfTeam(tx, kind, teamId, id);
    await listDelegate(tx, kind).update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
    await recordAudit(tx, {
      actor,
      action: `${kind}.${archived ? 'archive' : 'restore'}`,
      entityType: ENTITY[kind],
      entityId: id,
      before: { archived: before.archivedAt !== null },
      after: { archived },
    });
  });
}

/** Only an item that never held figures can be deleted; others are archived so history stays whole. */
export async function deleteListItem(actor: Actor, teamId: string, kind: ListKind, id: string) {
  assertCanManageTeam(actor, teamId);
  await db.$transaction(async (tx) => {
    const before = await itemOfTeam(tx, kind, teamId, id);
    if ((await usageCount(tx, kind, id)) > 0)
      throw new ConflictError(`“${before.name}” holds figures, so it can only be archived.`);
    await listDelegate(tx, kind).delete({ where: { id } });
    await recordAudit(tx, {
      actor,
      action: `${kind}.delete`,
      entityType: ENTITY[kind],
      entityId: id,
      before: { name: before.name },
    });
  });
}
