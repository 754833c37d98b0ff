import type { ReactNode, TextareaHTMLAttributes } from 'react';

/** A labelled textarea wired to its hint and errors like Field. */
export function TextareaField({
  label,
  name,
  errors,
  hint,
  className = '',
  ...textarea
}: {
  label: string;
  name: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const invalid = Boolean(errors?.length);
  const id = textarea.id ?? name;
  const describedBy =
    [invalid ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={5}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border bg-surface px-3 py-2 text-sm shadow-sm focus:border-accent-line focus:ring-1 focus:ring-accent-line focus:outline-none ${invalid ? 'border-danger' : 'border-line-strong'}`}
        {...textarea}
      />
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-xs text-ink-subtle">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-danger">
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
