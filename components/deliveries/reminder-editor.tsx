'use client';
import { useActionState } from 'react';
import { reminderAction } from '@/lib/deliveries/actions';
import type { FormState } from '@/lib/errors';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

const CHOICES = [1, 2, 3, 5, 7, 14];

/** Off, or one reminder email N days after publishing to people who have not opened the edition. */
export function ReminderEditor({ team, days }: { team: string; days: number | null }) {
  const [state, action, pending] = useActionState<FormState, FormData>(reminderAction, { ok: false });
  const value = state.values?.days ?? (days ? String(days) : '');
  const choices = days && !CHOICES.includes(days) ? [...CHOICES, days].sort((a, b) => a - b) : CHOICES;
  return (
    <section
      aria-labelledby="reminder-title"
      className="space-y-3 rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line"
    >
      <h2 id="reminder-title" className="text-base font-semibold">
        Reminder
      </h2>
      <p className="text-sm text-ink-muted">
        One gentle email to people who have not opened the edition yet. Never twice, never to anyone who unsubscribed.
      </p>
      <FormMessage state={state} />
      <form action={action} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="team" value={team} />
        <SelectField
          label="Remind non-readers"
          name="days"
          defaultValue={value}
          key={value}
          errors={state.fieldErrors?.days}
          className="min-w-56"
        >
          <option value="">Off</option>
          {choices.map((n) => (
            <option key={n} value={String(n)}>
              {n} day{n === 1 ? '' : 's'} after publishing
            </option>
          ))}
        </SelectField>
        <Button type="submit" disabled={pending}>
          Save reminder
        </Button>
      </form>
    </section>
  );
}
