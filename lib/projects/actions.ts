'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { expireDashboard } from '../expiry/cache';
import { handleForm } from '../form';
import type { FormState } from '../errors';
import { addProjectUpdateSchema, createProjectSchema, updateProjectSchema } from './schemas';
import { addProjectUpdate, createProject, updateProject } from './projects';

export async function createProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let id = '';
  const state = await handleForm(formData, { roles: ['LEADER'], schema: createProjectSchema }, async (actor, data) => {
    id = (await createProject(actor, data)).id;
    revalidatePath('/projects');
    // The dashboard's team cards list projects in progress with their latest update.
    expireDashboard();
    return { ok: true };
  });
  if (state.ok) redirect(`/projects/${id}`);
  return state;
}

export async function updateProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let id = '';
  const state = await handleForm(formData, { roles: ['LEADER'], schema: updateProjectSchema }, async (actor, data) => {
    await updateProject(actor, data);
    id = data.projectId;
    revalidatePath('/projects', 'layout');
    expireDashboard();
    return { ok: true };
  });
  if (state.ok) redirect(`/projects/${id}`);
  return state;
}

export async function addProjectUpdateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['LEADER'], schema: addProjectUpdateSchema }, async (actor, data) => {
    await addProjectUpdate(actor, data);
    revalidatePath('/projects', 'layout');
    expireDashboard();
    return { ok: true, message: 'Update posted.' };
  });
}
