'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { TextareaField } from '@/components/ui/textarea-field';
import type { FormState } from '@/lib/errors';
import { createProjectAction, updateProjectAction } from '@/lib/projects/actions';
import { PROJECT_LIMITS, PROJECT_STATUS_LABELS, PROJECT_STATUSES } from '@/lib/projects/schemas';
import { formatCount } from '@/lib/format';

type Props = {
  teamMembers: { id: string; name: string }[];
  initial: { name: string; summary: string; ownerId: string; status: string; startOn: string; targetOn: string };
  projectId?: string;
};

export function ProjectForm({ teamMembers, initial, projectId }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(
    projectId ? updateProjectAction : createProjectAction,
    { ok: false },
  );
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-2xl space-y-5" noValidate key={JSON.stringify(v)}>
      {projectId ? <input type="hidden" name="projectId" value={projectId} /> : null}
      <FormMessage state={state} />
      <Field
        label="Name"
        name="name"
        required
        maxLength={PROJECT_LIMITS.name}
        defaultValue={v.name ?? initial.name}
        errors={errors.name}
        hint={`Up to ${PROJECT_LIMITS.name} characters.`}
      />
      <TextareaField
        label="Summary"
        name="summary"
        required
        maxLength={PROJECT_LIMITS.summary}
        rows={5}
        defaultValue={v.summary ?? initial.summary}
        errors={errors.summary}
        hint={`What it is and why. Up to ${formatCount(PROJECT_LIMITS.summary)} characters; Markdown is allowed.`}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Owner" name="ownerId" defaultValue={v.ownerId ?? initial.ownerId} errors={errors.ownerId}>
          <option value="">Choose…</option>
          {teamMembers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Status" name="status" defaultValue={v.status ?? initial.status} errors={errors.status}>
          {PROJECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PROJECT_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <Field
          label="Start date (optional)"
          name="startOn"
          type="date"
          defaultValue={v.startOn ?? initial.startOn}
          errors={errors.startOn}
        />
        <Field
          label="Target date (optional)"
          name="targetOn"
          type="date"
          defaultValue={v.targetOn ?? initial.targetOn}
          errors={errors.targetOn}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : projectId ? 'Save changes' : 'Create project'}
      </Button>
    </form>
  );
}
