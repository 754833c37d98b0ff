import 'server-only';
import { db, type DbClient } from '../db';
import { recordAudit } from '../audit';
import { assertRole, assertTeamMember, hasRole, type Actor, assertSignedIn } from '../authz';
import { ForbiddenError, NotFoundError, ValidationError, isUniqueViolation } from '../errors';
import { dayString } from '../dates/day';
import { assertTeamMembers, listTeamMembers } from '../team-members';
import type { AddProjectUpdateInput, CreateProjectInput, ProjectListFilter, UpdateProjectInput } from './schemas';

const STATUS_ORDER = { IN_PROGRESS: 0, PLANNED: 1, PAUSED: 2, DONE: 3 } as const;

/** What the project list and a project's page both show of it. */
const projectSelect = {
  id: true,
  name: true,
  summary: true,
  status: true,
  startOn: true,
  targetOn: true,
  teamId: true,
  team: { select: { name: true, slug: true } },
  owner: { select: { id: true, name: true } },
} as const;

function auditView(p: {
  name: string;
  summary: string;
  ownerId: string;
  status: string;
  startOn: Date | null;
  targetOn: Date | null;
}) {
  return {
    name: p.name,
    summary: p.summary,
    ownerId: p.ownerId,
    status: p.status,
    startOn: p.startOn && dayString(p.startOn),
    targetOn: p.targetOn && dayString(p.targetOn),
  };
}

function leaderTeamId(actor: Actor): string {
  assertRole(actor, 'LEADER');
  if (!actor.teamId) throw new ForbiddenError();
  return actor.teamId;
}

export async function getProjectFormOptions(actor: Actor) {
  return { teamMembers: await listTeamMembers(db, leaderTeamId(actor)) };
}

async function withUniqueName<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ValidationError({ name: ['Your team already has a project with this name.'] });
    throw error;
  }
}

export async function createProject(actor: Actor, input: CreateProjectInput) {
  const teamId = leaderTeamId(actor);
  await assertTeamMembers(db, teamId, [input.ownerId], 'ownerId');
  return withUniqueName(() =>
    db.$transaction(async (tx) => {
      const project = await tx.project.create({
        data: { ...input, teamId, createdById: actor.id },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: 'project.create',
        entityType: 'Project',
        entityId: project.id,
        after: auditView(input),
      });
      return project;
    }),
  );
}

async function loadForLeader(tx: DbClient, actor: Actor, projectId: string) {
  assertRole(actor, 'LEADER');
  const project = await tx.project.findUnique({ where: { id: projectId } });
  if (!project) throw new NotFoundError('No such project.');
  assertTeamMember(actor, project.teamId, 'LEADER');
  return project;
}

export async function getProjectForEdit(actor: Actor, projectId: string) {
  const project = await loadForLeader(db, actor, projectId);
  return { project, teamMembers: await listTeamMembers(db, project.teamId) };
}

export async function updateProject(actor: Actor, input: UpdateProjectInput) {
  return withUniqueName(() =>
    db.$transaction(async (tx) => {
      const before = await loadForLeader(tx, actor, input.projectId);
      if (input.ownerId !== before.ownerId) await assertTeamMembers(tx, before.teamId, [input.ownerId], 'ownerId');
      const { projectId, ...data } = input;
      await tx.project.update({ where: { id: projectId }, data });
      await recordAudit(tx, {
        actor,
        action: 'project.update',
        entityType: 'Project',
        entityId: projectId,
        before: auditView(before),
        after: auditView(data),
      });
    }),
  );
}

export async function addProjectUpdate(actor: Actor, input: AddProjectUpdateInput) {
  return db.$transaction(async (tx) => {
    const project = await loadForLeader(tx, actor, input.projectId);
    const update = await tx.projectUpdate.create({
      data: {
        projectId: project.id,
        teamId: project.teamId,
        authorId: actor.id,
        postedOn: input.postedOn,
        body: input.body,
      },
      select: { id: true },
    });
    // Posting an update is news about the project, so it moves up the list.
    await tx.project.update({ where: { id: project.id }, data: { updatedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      action: 'project.add_update',
      entityType: 'Project',
      entityId: project.id,
      after: { updateId: update.id, postedOn: dayString(input.postedOn), body: input.body },
    });
    return update;
  });
}

/** Everyone browses projects; leaders see which ones they may manage. */
export async function listProjects(actor: Actor, filter: ProjectListFilter) {
  assertSignedIn(actor);
  const [teams, rows] = await Promise.all([
    db.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true } }),
    db.project.findMany({
      where: {
        ...(filter.team ? { team: { slug: filter.team } } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      orderBy: [{ updatedAt: 'desc' }],
      take: 200,
      select: {
        ...projectSelect,
        updates: {
          orderBy: [{ postedOn: 'desc' }, { createdAt: 'desc' }],
          take: 1,
          select: { postedOn: true, body: true },
        },
        _count: { select: { updates: true } },
      },
    }),
  ]);
  const projects = rows
    .map(({ updates, _count, ...p }) => ({ ...p, latestUpdate: updates[0] ?? null, updateCount: _count.updates }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  return { teams, projects, canCreate: hasRole(actor, 'LEADER') && Boolean(actor.teamId) };
}

export async function getProject(actor: Actor, projectId: string) {
  assertSignedIn(actor);
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: {
      ...projectSelect,
      createdAt: true,
      updates: {
        orderBy: [{ postedOn: 'desc' }, { createdAt: 'desc' }],
        select: { id: true, postedOn: true, body: true, author: { select: { name: true } } },
      },
    },
  });
  if (!project) throw new NotFoundError('No such project.');
  return { project, canManage: hasRole(actor, 'LEADER') && actor.teamId === project.teamId };
}
