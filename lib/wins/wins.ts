import 'server-only';
import { db } from '../db';
import { recordAudit } from '../audit';
import { assertRole, assertTeamMember, hasRole, type Actor, assertSignedIn } from '../authz';
import { ForbiddenError, NotFoundError, isUniqueViolation } from '../errors';
import { monthOf, monthRange } from '../dates/month';
import { dayString } from '../dates/day';
import { assertTeamMembers, listTeamMembers } from '../team-members';
import type { CreateWinInput, UpdateWinInput, WinListFilter } from './schemas';

const winSelect = {
  id: true,
  teamId: true,
  title: true,
  story: true,
  occurredOn: true,
  createdAt: true,
  team: { select: { name: true, slug: true } },
  recordedBy: { select: { id: true, name: true } },
  credits: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: 'asc' } } },
} as const;

function toWin<T extends { credits: { user: { id: string; name: string } }[] }>(row: T) {
  const { credits, ...rest } = row;
  return { ...rest, credited: credits.map((c) => c.user) };
}

function auditView(win: { title: string; story: string; occurredOn: Date }, creditIds: string[]) {
  return { title: win.title, story: win.story, occurredOn: dayString(win.occurredOn), creditIds };
}

/** Anyone on the team (agent or leader) records a win for their own team. */
export async function getWinFormOptions(actor: Actor) {
  assertRole(actor, 'AGENT', 'LEADER');
  if (!actor.teamId) throw new ForbiddenError();
  return { teamMembers: await listTeamMembers(db, actor.teamId) };
}

export async function createWin(actor: Actor, input: CreateWinInput) {
  assertRole(actor, 'AGENT', 'LEADER');
  if (!actor.teamId) throw new ForbiddenError();
  const teamId = actor.teamId;
  const existing = () =>
    db.win.findUnique({
      where: { recordedById_submissionKey: { recordedById: actor.id, submissionKey: input.submissionKey } },
      select: { id: true },
    });
  const earlier = await existing();
  if (earlier) return { ...earlier, replayed: true };
  await assertTeamMembers(db, teamId, input.creditIds, 'creditIds');
  const { submissionKey, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const win = await tx.win.create({
        data: {
          teamId,
          title: fields.title,
          story: fields.story,
          occurredOn: fields.occurredOn,
          recordedById: actor.id,
          submissionKey,
          credits: { createMany: { data: fields.creditIds.map((userId) => ({ userId })) } },
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: 'win.create',
        entityType: 'Win',
        entityId: win.id,
        after: auditView(fields, fields.creditIds),
      });
      return { ...win, replayed: false };
    });
  } catch (error) {
    // Two copies of one submission raced: the other one's win is the answer.
    if (isUniqueViolation(error)) {
      const winner = await existing();
      if (winner) return { ...winner, replayed: true };
    }
    throw error;
  }
}

/** Leaders of the win's team edit and remove; removed wins are gone from every list. */
async function loadForLeader(tx: Pick<typeof db, 'win'>, actor: Actor, winId: string) {
  assertRole(actor, 'LEADER');
  const win = await tx.win.findFirst({
    where: { id: winId, deletedAt: null },
    select: { ...winSelect, credits: { select: { userId: true } } },
  });
  if (!win) throw new NotFoundError('No such win.');
  assertTeamMember(actor, win.teamId, 'LEADER');
  return win;
}

export async function getWinForEdit(actor: Actor, winId: string) {
  const win = await loadForLeader(db, actor, winId);
  return { win, teamMembers: await listTeamMembers(db, win.teamId) };
}

export async function updateWin(actor: Actor, input: UpdateWinInput) {
  return db.$transaction(async (tx) => {
    const before = await loadForLeader(tx, actor, input.winId);
    await assertTeamMembers(tx, before.teamId, input.creditIds, 'creditIds');
    await tx.win.update({
      where: { id: before.id },
      data: { title: input.title, story: input.story, occurredOn: input.occurredOn },
    });
    await tx.winCredit.deleteMany({ where: { winId: before.id } });
    await tx.winCredit.createMany({ data: input.creditIds.map((userId) => ({ winId: before.id, userId })) });
    await recordAudit(tx, {
      actor,
      action: 'win.update',
      entityType: 'Win',
      entityId: before.id,
      before: auditView(
        before,
        before.credits.map((c) => c.userId),
      ),
      after: auditView(input, input.creditIds),
    });
  });
}

export async function deleteWin(actor: Actor, winId: string) {
  return db.$transaction(async (tx) => {
    const before = await loadForLeader(tx, actor, winId);
    const deletedAt = new Date();
    await tx.win.update({ where: { id: before.id }, data: { deletedAt, deletedById: actor.id } });
    await recordAudit(tx, {
      actor,
      action: 'win.delete',
      entityType: 'Win',
      entityId: before.id,
      before: auditView(
        before,
        before.credits.map((c) => c.userId),
      ),
      after: { deletedAt },
    });
  });
}

/** Every signed-in reader: one month of wins, optionally one team's. */
export async function listWins(actor: Actor, filter: WinListFilter) {
  assertSignedIn(actor);
  const month = filter.month ?? monthOf(new Date());
  const { start, end } = monthRange(month);
  const [teams, rows] = await Promise.all([
    db.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true } }),
    db.win.findMany({
      where: {
        deletedAt: null,
        occurredOn: { gte: start, lt: end },
        ...(filter.team ? { team: { slug: filter.team } } : {}),
      },
      orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }],
      take: 200,
      select: winSelect,
    }),
  ]);
  const canManageTeam = (teamId: string) => hasRole(actor, 'LEADER') && actor.teamId === teamId;
  return { month, teams, wins: rows.map((row) => ({ ...toWin(row), canManage: canManageTeam(row.teamId) })) };
}

/** Wins crediting one person, for their page. */
export async function listWinsCrediting(actor: Actor, userId: string) {
  assertSignedIn(actor);
  const rows = await db.win.findMany({
    where: { deletedAt: null, credits: { some: { userId } } },
    orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }],
    take: 100,
    select: winSelect,
  });
  return rows.map(toWin);
}
