import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

/**
 * "Publish on … at …" inside the composer's form, so scheduling saves what is on screen. The
 * edition is frozen when it publishes, not now; a scheduled edition stays editable until then.
 */
export function ScheduleControl({
  scheduled,
  error,
  zone,
  values,
  errors,
  pending,
}: {
  /** "5 Dec 2026, 09:00" when scheduled. */
  scheduled: string | null;
  /** Why the last scheduled publish did not happen. */
  error: string | null;
  zone: string;
  values: Partial<Record<string, string>>;
  errors: Record<string, string[] | undefined>;
  pending: boolean;
}) {
  return (
    <fieldset className="space-y-3 rounded-lg p-4 ring-1 ring-line" data-testid="schedule-control">
      <legend className="px-1 text-sm font-semibold">Publish later</legend>
      {scheduled ? (
        <p className="text-sm" role="status" data-testid="scheduled-at">
          Scheduled to publish on <strong>{scheduled}</strong> ({zone}). What you save until then is published; the
          figures are read at that moment.
        </p>
      ) : null}
      {error ? (
        <p className="rounded-md bg-warning-surface px-3 py-2 text-sm text-warning ring-1 ring-warning-line">
          The scheduled publish did not happen: {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field
          label="Publish on"
          name="publishOn"
          type="date"
          defaultValue={values.publishOn ?? ''}
          errors={errors.publishOn}
        />
        <Field
          label={`At (${zone})`}
          name="publishAt"
          type="time"
          defaultValue={values.publishAt ?? '09:00'}
          errors={errors.publishAt}
        />
        <Button type="submit" name="intent" value="schedule" variant="secondary" disabled={pending}>
          {scheduled ? 'Save and reschedule' : 'Save and schedule'}
        </Button>
        {scheduled ? (
          <Button type="submit" name="intent" value="unschedule" variant="secondary" disabled={pending}>
            Unschedule
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}
