// A reason an import creates asks which department's work causes it, in the preview of both imports
// (the monthly CSV and the help-desk export): the field each choice is sent and refused under, read
// by the page (a client component) and by the server alike.
import { z } from 'zod';
import { nameKey } from './schemas';

const PREFIX = 'department:';

/** The field a new reason's department (and its error) belongs to in the preview. */
export const departmentField = (reason: string) => `${PREFIX}${nameKey(reason)}`;

/** Per new reason (by departmentField), the department chosen for it in the preview: absent or '' means none. */
export type NewReasonDepartments = Record<string, string>;

export const newReasonDepartmentsSchema = z.record(
  z.string().startsWith(PREFIX).max(200),
  z.string().trim().max(64, 'Choose a department from the list.'),
);

/** The department choices a submitted form holds (its `department:…` fields), the empty ones left out. */
export function departmentChoicesFrom(formData: FormData): NewReasonDepartments {
  const choices: NewReasonDepartments = {};
  for (const [key, value] of formData.entries())
    if (key.startsWith(PREFIX) && typeof value === 'string' && value.trim()) choices[key] = value.trim();
  return choices;
}
