'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/errors';
import { reasonDepartmentsAction } from '@/lib/departments/actions';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { DepartmentOptions } from '@/components/departments/department-options';

type Item = { id: string; name: string; archived: boolean; departmentId: string | null };
type Kind = 'reason' | 'segment' | 'channel';

// Said where the links are made, and on the department page: the rule of lib/departments/counts.ts.
const RULE =
  'Figures are monthly totals per list, and one contact has a reason, a segment and a channel at once, so a department’s contacts in this team come from one list only: its reasons when it owns any, else its segments, else its channels (contacts received), never two lists added together. An archived item counts only in the months it holds counts, so archiving a department’s last reason lets its segments count from then on.';

/** Which department's work causes each contact reason (and, where useful, segment or channel). */
export function ReasonDepartmentsEditor({
  team,
  reasons,
  segments = [],
  channels = [],
  departments,
}: {
  team: string;
  reasons: Item[];
  segments?: Item[];
  channels?: Item[];
  departments: { id: string; name: string }[];
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(reasonDepartmentsAction, { ok: false });
  const group = (kind: Kind, legend: string, items: Item[]) =>
    items.length ? (
      <fieldset className="space-y-2" data-testid={`${kind}-department-links`}>
        <legend className="text-sm font-semibold">{legend}</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((r) => {
            const name = `${kind}:${r.id}`;
            const value = state.values?.[name] ?? r.departmentId ?? '';
            return (
              <SelectField
                key={`${r.id}-${value}`}
                id={`${kind}-department-${r.id}`}
                label={r.archived ? `${r.name} (archived)` : r.name}
                name={name}
                defaultValue={value}
                errors={state.fieldErrors?.[name]}
              >
                <DepartmentOptions departments={departments} />
              </SelectField>
            );
          })}
        </div>
      </fieldset>
    ) : null;
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
        Where no reason says it, link a segment (Business customers → Sales) or a channel instead.
      </p>
      <p className="text-xs text-ink-subtle" data-testid="department-rule">
        {RULE}
      </p>
      <FormMessage state={state} />
      {reasons.length === 0 && segments.length === 0 && channels.length === 0 ? (
        <p className="text-sm text-ink-subtle">Add contact reasons above first.</p>
      ) : departments.length === 0 ? (
        <p className="text-sm text-ink-subtle">No departments yet: an admin sets people’s departments.</p>
      ) : (
        <form action={action} className="space-y-4">
          <input type="hidden" name="team" value={team} />
          {group('reason', 'Contact reasons', reasons)}
          {group('segment', 'Segments (counted for a department that owns none of the reasons)', segments)}
          {group('channel', 'Channels (counted for a department that owns no reason or segment)', channels)}
          <Button type="submit" disabled={pending}>
            Save departments
          </Button>
        </form>
      )}
    </section>
  );
}
