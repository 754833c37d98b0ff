import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeProject, makeTeam, makeUser } from '../../prisma/factories';
import { ForbiddenError, ValidationError } from '../errors';
import { addProjectUpdateSchema, createProjectSchema, updateProjectSchema } from './schemas';
import { addProjectUpdate, createProject, getProject, listProjects, updateProject } from './projects';
import { z } from 'zod';

async function team() {
  const t = await makeTeam(db);
  return {
    team: t,
    leader: await makeUser(db, { role: 'LEADER', teamId: t.id }),
    agent: await makeUser(db, { role: 'AGENT', teamId: t.id }),
  };
}

describe('projects', () => {
  it('leaders create them for their team, with an owner from the team and a unique name; audited', async () => {
    const { team: t, leader, agent } = await team();
    const input = createProjectSchema.parse({
      name: 'New chat tool',
      summary: 'Move chat.',
      ownerId: agent.id,
      status: 'PLANNED',
      startOn: '2026-01-05',
      targetOn: '2026-06-30',
    });
    const project = await createProject(leader, input);
    expect(await db.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
      teamId: t.id,
      ownerId: agent.id,
      createdById: leader.id,
    });
    expect(await db.auditEvent.count({ where: { action: 'project.create', entityId: project.id } })).toBe(1);

    const dup = await createProject(leader, input).catch((e: unknown) => e);
    expect((dup as ValidationError).fieldErrors.name?.[0]).toMatch(/already has/);
    await expect(createProject(agent, { ...input, name: 'Agent project' })).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = await makeUser(db, { role: 'AGENT', teamId: (await makeTeam(db)).id });
    await expect(
      createProject(leader, { ...input, name: 'Outsider owned', ownerId: outsider.id }),
    ).rejects.toBeInstanceOf(ValidationError);

    const backwards = createProjectSchema.safeParse({
      name: 'Backwards',
      summary: 'x',
      ownerId: agent.id,
      status: 'PLANNED',
      startOn: '2026-06-01',
      targetOn: '2026-01-01',
    });
    expect(z.flattenError(backwards.error!).fieldErrors.targetOn?.[0]).toMatch(/before the start/);
    expect(
      z.flattenError(
        createProjectSchema.safeParse({
          name: 'x'.repeat(121),
          summary: 'y'.repeat(4001),
          ownerId: agent.id,
          status: 'DONE',
        }).error!,
      ).fieldErrors,
    ).toMatchObject({ name: expect.any(Array), summary: expect.any(Array) });
  });

  it('only the team’s leaders edit and post dated updates; everyone reads the history', async () => {
    const { team: t, leader, agent } = await team();
    const other = await team();
    const project = await makeProject(db, {
      teamId: t.id,
      ownerId: leader.id,
      name: 'Returns portal',
      status: 'PLANNED',
    });
    const edit = updateProjectSchema.parse({
      projectId: project.id,
      name: 'Returns portal',
      summary: 'Self-service returns.',
      ownerId: agent.id,
      status: 'IN_PROGRESS',
      startOn: '',
      targetOn: '',
    });
    const update = addProjectUpdateSchema.parse({
      projectId: project.id,
      postedOn: '2026-02-01',
      body: 'Migrated 40% of returns.',
    });
    await expect(updateProject(other.leader, edit)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateProject(agent, edit)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addProjectUpdate(other.leader, update)).rejects.toBeInstanceOf(ForbiddenError);

    await updateProject(leader, edit);
    await addProjectUpdate(leader, update);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'project.update', entityId: project.id } });
    expect(audit).toMatchObject({
      before: { status: 'PLANNED', ownerId: leader.id },
      after: { status: 'IN_PROGRESS', ownerId: agent.id },
    });
    expect(await db.auditEvent.count({ where: { action: 'project.add_update', entityId: project.id } })).toBe(1);

    const colleague = await makeUser(db, { role: 'COLLEAGUE' });
    const { project: read, canManage } = await getProject(colleague, project.id);
    expect(canManage).toBe(false);
    expect(read.updates.map((u) => u.body)).toEqual(['Migrated 40% of returns.']);
    expect((await getProject(leader, project.id)).canManage).toBe(true);
    const listed = await listProjects(colleague, { team: t.slug });
    expect(listed.projects.map((p) => [p.name, p.status, p.updateCount])).toEqual([
      ['Returns portal', 'IN_PROGRESS', 1],
    ]);
    expect(listed.canCreate).toBe(false);
  });
});
