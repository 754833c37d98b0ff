'use client';
import { useActionState } from 'react';
import {
  resetPasswordAction,
  setUserActiveAction,
  signOutEverywhereAction,
  updateUserAction,
  type CreateUserState,
} from '@/lib/users/actions';
import type { FormState } from '@/lib/errors';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { OneTimePassword } from './one-time-password';
import { PlacementFields, type Option } from './placement-fields';

export function RoleTeamForm({
  userId,
  role,
  teamId,
  department,
  roles,
  teams,
  departments,
}: {
  userId: string;
  role: string;
  teamId: string | null;
  department: string | null;
  roles: Option[];
  teams: Option[];
  departments: string[];
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateUserAction, { ok: false });
  const v = state.values ?? {};
  return (
    <form action={action} className="space-y-4" noValidate key={JSON.stringify(v)}>
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <PlacementFields
        roles={roles}
        teams={teams}
        departments={departments}
        values={{
          role: v.role ?? role,
          teamId: v.teamId ?? teamId ?? '',
          department: v.department ?? department ?? '',
        }}
        errors={state.fieldErrors}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save role, team and department'}
      </Button>
    </form>
  );
}

export function ActiveForm({ userId, active }: { userId: string; active: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setUserActiveAction, { ok: false });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <FormMessage state={state} />
      <Button type="submit" variant={active ? 'danger' : 'secondary'} disabled={pending}>
        {active ? 'Deactivate user' : 'Reactivate user'}
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState<CreateUserState, FormData>(resetPasswordAction, { ok: false });
  if (state.ok && state.oneTimePassword)
    return <OneTimePassword email="" password={state.oneTimePassword} message={state.message} />;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Issue a new one-time password
      </Button>
    </form>
  );
}

export function SignOutEverywhereForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signOutEverywhereAction, { ok: false });
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Sign out everywhere
      </Button>
    </form>
  );
}
