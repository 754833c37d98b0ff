'use client';
import { useActionState } from 'react';
import { createUserAction, type CreateUserState } from '@/lib/users/actions';
import { Field } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { OneTimePassword } from './one-time-password';
import { PlacementFields, type Option } from './placement-fields';

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
      <PlacementFields
        roles={roles}
        teams={teams}
        departments={departments}
        values={{ role: v.role ?? 'AGENT', teamId: v.teamId ?? '', department: v.department ?? '' }}
        errors={state.fieldErrors}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create user'}
      </Button>
    </form>
  );
}
