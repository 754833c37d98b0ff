'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';
import { reasonDepartmentsAction } from '@/lib/departments/actions';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

type Reason = { id: string; name: string; archived: boolean; departmentId: string | null };

/** Which department's work causes each contact reason: many reasons to one department, or none. */
export function ReasonDepartmentsEditor({
  team,
  reasons,
  departments,
}: {
  team: string;
  reasons: Reason[];
  departments: { id: string; name: string }[];
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(reasonDepartmentsAction, { ok: false });
  return (
    <section
      aria-labelledby="reason-departments-title"
      className="space-y-3 rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line"
      data-testid="reason-departments"
    >
      <h2 id="reason-departments-title" className="text-base font-semibold">
        Reasons and the departments that cause them
      </h2>
      <p className="text-sm text-ink-muted">
        Link each contact reason to the department whose work causes it (Delivery → Logistics). Readers in that
        department see “For your department” first in every edition, and the department page counts these contacts.
      </p>
      <FormMessage state={state} />
      {reasons.length === 0 ? (
        <p className="text-sm text-ink-subtle">Add contact reasons above first.</p>
      ) : departments.length === 0 ? (
        <p className="text-sm text-ink-subtle">No departments yet: an admin sets people’s departments.</p>
      ) : (
        <form action={action} className="space-y-3">
          <input type="hidden" name="team" value={team} />
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {reasons.map((r) => {
              const name = `reason:${r.id}`;
              const value = state.values?.[name] ?? r.departmentId ?? '';
              return (
                <SelectField
                  key={`${r.id}-${value}`}
                  id={`reason-department-${r.id}`}
                  label={r.archived ? `${r.name} (archived)` : r.name}
                  name={name}
                  defaultValue={value}
                  errors={state.fieldErrors?.[name]}
                >
                  <option value="">No department</option>
                  {departments.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </SelectField>
              );
            })}
          </div>
          <Button type="submit" disabled={pending}>
            Save departments
          </Button>
        </form>
      )}
    </section>
  );
}
