import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

type Common = {
  label: string;
  name: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
};

const control =
  'mt-1 block w-full rounded-md border bg-surface px-3 py-2 text-sm shadow-sm focus:border-accent-line focus:ring-1 focus:ring-accent-line focus:outline-none';

function describedBy(name: string, errors?: string[], hint?: ReactNode) {
  return [errors?.length ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(' ') || undefined;
}

function Messages({ name, errors, hint }: { name: string; errors?: string[] | undefined; hint?: ReactNode }) {
  return (
    <>
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-xs text-ink-subtle">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-danger">
          {errors.join(' ')}
        </p>
      ) : null}
    </>
  );
}

/** A labelled input whose errors are tied to it with aria-describedby and aria-invalid. */
export function Field({
  label,
  name,
  errors,
  hint,
  className = '',
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const invalid = Boolean(errors?.length);
  return (
    <div className={className}>
      <label htmlFor={input.id ?? name} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <input
        id={input.id ?? name}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, errors, hint)}
        className={`${control} ${invalid ? 'border-danger' : 'border-line-strong'}`}
        {...input}
      />
      <Messages name={name} errors={errors} hint={hint} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  className = '',
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const invalid = Boolean(errors?.length);
  return (
    <div className={className}>
      <label htmlFor={select.id ?? name} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <select
        id={select.id ?? name}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, errors, hint)}
        className={`${control} ${invalid ? 'border-danger' : 'border-line-strong'}`}
        {...select}
      >
        {children}
      </select>
      <Messages name={name} errors={errors} hint={hint} />
    </div>
  );
}
