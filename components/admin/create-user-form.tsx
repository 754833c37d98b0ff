'use client';
import { useActionState } from 'react';
import { createUserAction, type CreateUserState } from '@/lib/users/actions';
import { Field, SelectField } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { OneTimePassword } from './one-time-password';

type Option = { value: string; label: string };

export function CreateUserForm({
  roles,
  teams,
  departments,
}: {
  roles: Option[];
  teams: Option[];
  departments: string[];
}) {
  const [state, action, pending] = useActionState<CreateUserState, FormData>(createUserAction, { ok: false });
  if (state.ok && state.oneTimePassword) {
    return (
      <OneTimePassword
        email={state.createdEmail ?? ''}
        password={state.oneTimePassword}
        message={state.message}
        again
      />
    );
  }
  const v = state.values ?? {};
  // key: remount with what was typed after a rejected submit (defaultValue is read once).
  return (
    <form action={action} className="max-w-lg space-y-4" noValidate key={JSON.stringify(v)}>
      <FormMessage state={state} />
      <Field
        label="Name"
        name="name"
        required
        maxLength={120}
        defaultValue={v.name ?? ''}
        errors={state.fieldErrors?.name}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        required
        defaultValue={v.email ?? ''}
        errors={state.fieldErrors?.email}
        hint="They sign in with this address (or through single sign-on with the same address)."
      />
      <SelectField label="Role" name="role" defaultValue={v.role ?? 'AGENT'} errors={state.fieldErrors?.role}>
        {roles.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Team"
        name="teamId"
        defaultValue={v.teamId ?? ''}
        errors={state.fieldErrors?.teamId}
        hint="Required for leaders and agents."
      >
        <option value="">No team</option>
        {teams.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </SelectField>
      <Field
        label="Department"
        name="department"
        list="department-options"
        maxLength={80}
        autoComplete="off"
        defaultValue={v.department ?? ''}
        errors={state.fieldErrors?.department}
        hint="Optional, e.g. Sales or Finance: readership and reach are counted by department."
      />
      <datalist id="department-options">
        {departments.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create user'}
      </Button>
    </form>
  );
}
