'use client';
import { useActionState } from 'react';
import { teamTimeZoneAction } from '@/lib/team-settings/actions';
import type { FormState } from '@/lib/errors';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

/** Where the team's months begin and end: the organisation's zone unless the team works in another. */
export function TimeZoneEditor({
  team,
  current,
  organisationZone,
  zones,
}: {
  team: string;
  current: string | null;
  organisationZone: string;
  zones: string[];
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(teamTimeZoneAction, { ok: false });
  const value = state.values?.timeZone ?? current ?? '';
  return (
    <section
      aria-labelledby="time-zone-title"
      className="space-y-3 rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line"
    >
      <h2 id="time-zone-title" className="text-base font-semibold">
        Time zone
      </h2>
      <p className="text-sm text-ink-muted">
        A month begins and ends at midnight in this zone: it decides the latest month the team can enter and the month
        of each ticket in an import. Times on the team’s pages are shown in it.
      </p>
      <FormMessage state={state} />
      <form action={action} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="team" value={team} />
        <SelectField
          label="Months begin and end in"
          name="timeZone"
          defaultValue={value}
          key={value}
          errors={state.fieldErrors?.timeZone}
          className="min-w-64"
        >
          <option value="">The organisation’s zone ({organisationZone})</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </SelectField>
        <Button type="submit" disabled={pending}>
          Save time zone
        </Button>
      </form>
    </section>
  );
}
