import { Checkbox } from '@/components/ui/input';

/** Checkboxes for the teammates to credit; several may be ticked. */
export function CreditsField({
  legend,
  members,
  selected,
  errors,
  hint,
  name = 'creditIds',
}: {
  legend: string;
  members: { id: string; name: string }[];
  selected: string[];
  errors?: string[] | undefined;
  hint?: string;
  name?: string;
}) {
  const invalid = Boolean(errors?.length);
  const describedBy =
    [invalid ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      <legend className="block text-sm font-medium text-ink">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-xs text-ink-subtle">
          {hint}
        </p>
      ) : null}
      <div
        className={`mt-2 grid gap-2 rounded-md border p-3 sm:grid-cols-2 ${invalid ? 'border-danger' : 'border-line-strong'}`}
      >
        {members.map((m) => (
          <Checkbox key={m.id} name={name} value={m.id} defaultChecked={selected.includes(m.id)}>
            {m.name}
          </Checkbox>
        ))}
      </div>
      {invalid ? (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-danger">
          {errors!.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
