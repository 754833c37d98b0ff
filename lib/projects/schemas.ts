import { z } from 'zod';
import type { ProjectStatus } from '../generated/prisma/enums';
import { optionalDay, pastDay } from '../dates/day';
import { idField } from '../fields';
import { formatCount } from '../format';

export const PROJECT_LIMITS = { name: 120, summary: 4000, update: 2000 } as const;

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  PAUSED: 'Paused',
};
export const PROJECT_STATUSES = Object.keys(PROJECT_STATUS_LABELS) as ProjectStatus[];
const status = z.enum(PROJECT_STATUSES as [ProjectStatus, ...ProjectStatus[]], { error: 'Choose a status.' });

const projectFields = z.object({
  name: z
    .string({ error: 'Name the project.' })
    .trim()
    .min(2, 'Name the project (at least 2 characters).')
    .max(PROJECT_LIMITS.name, `Keep the name under ${PROJECT_LIMITS.name} characters.`),
  summary: z
    .string({ error: 'Summarise the project.' })
    .trim()
    .min(1, 'Summarise the project in a sentence or two.')
    .max(PROJECT_LIMITS.summary, `Keep the summary under ${formatCount(PROJECT_LIMITS.summary)} characters.`),
  ownerId: idField.or(z.literal('')).refine((v) => v !== '', 'Choose who owns the project.'),
  status,
  startOn: optionalDay('start date'),
  targetOn: optionalDay('target date'),
});

function targetAfterStart<T extends { startOn: Date | null; targetOn: Date | null }>(value: T, ctx: z.RefinementCtx) {
  // Runs even when other fields failed (see below), so the dates may still be raw strings.
  if (value.startOn instanceof Date && value.targetOn instanceof Date && value.targetOn < value.startOn) {
    ctx.addIssue({ code: 'custom', path: ['targetOn'], message: 'The target date cannot be before the start date.' });
  }
}

export const createProjectSchema = projectFields.superRefine(targetAfterStart, { when: () => true });
export type CreateProjectInput = z.output<typeof createProjectSchema>;

export const updateProjectSchema = projectFields
  .extend({ projectId: idField })
  .superRefine(targetAfterStart, { when: () => true });
export type UpdateProjectInput = z.output<typeof updateProjectSchema>;

export const addProjectUpdateSchema = z.object({
  projectId: idField,
  postedOn: pastDay('date of the update'),
  body: z
    .string({ error: 'Write the update.' })
    .trim()
    .min(1, 'Write the update.')
    .max(PROJECT_LIMITS.update, `Keep the update under ${formatCount(PROJECT_LIMITS.update)} characters.`),
});
export type AddProjectUpdateInput = z.output<typeof addProjectUpdateSchema>;

export const projectListFilterSchema = z.object({
  team: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional()
    .catch(undefined),
  status: status.optional().catch(undefined),
});
export type ProjectListFilter = z.output<typeof projectListFilterSchema>;
