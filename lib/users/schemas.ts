import { z } from 'zod';
import { ROLES, TEAM_ROLES } from '../authz';
import { nameField, normaliseName } from '../names';
import type { Role } from '../generated/prisma/enums';

const role = z.enum(ROLES as [Role, ...Role[]], { error: 'Choose a role.' });
const teamId = z
  .string()
  .trim()
  .max(64)
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);

const departmentName = nameField({
  max: 80,
  empty: 'Enter the department or leave it empty.',
  tooLong: 'Keep the department under 80 characters.',
});
/** Optional: empty (or only spaces) means no department; otherwise the rules of every name. */
export const departmentField = z
  .string()
  .max(1000, 'Keep the department under 80 characters.')
  .default('')
  .transform((v, ctx) => {
    if (normaliseName(v) === '') return null;
    const parsed = departmentName.safeParse(v);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });

function requireTeamForTeamRoles<T extends { role: Role; teamId: string | null }>(value: T, ctx: z.RefinementCtx) {
  if (TEAM_ROLES.includes(value.role) && !value.teamId) {
    ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'Leaders and agents belong to a team: choose one.' });
  }
}

export const createUserSchema = z
  .object({
    name: nameField({ max: 120, empty: 'Enter the person’s name.', tooLong: 'Keep the name under 120 characters.' }),
    email: z.email('Enter an email address, like name@example.com.').trim().toLowerCase().max(254),
    role,
    teamId,
    department: departmentField,
  })
  .superRefine(requireTeamForTeamRoles);
// The department may be left out by callers other than the form: then it is not set or not changed.
export type CreateUserInput = Omit<z.infer<typeof createUserSchema>, 'department'> & { department?: string | null };

export const updateUserSchema = z
  .object({
    userId: z.string().min(1).max(64),
    role,
    teamId,
    department: departmentField,
  })
  .superRefine(requireTeamForTeamRoles);
export type UpdateUserInput = Omit<z.infer<typeof updateUserSchema>, 'department'> & { department?: string | null };

export const setActiveSchema = z.object({
  userId: z.string().min(1).max(64),
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
    newPassword: z.string().min(12, 'Use at least 12 characters.').max(1024, 'Keep it under 1024 characters.'),
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords differ.',
  });
