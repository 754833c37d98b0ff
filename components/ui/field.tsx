import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { Input, Select, Textarea } from './input';

// A labelled control with its hint and errors tied to it (aria-describedby, aria-invalid). The
// hint and error ids derive from the control's id, so a page holding several forms with the same
// field names (one per KPI, one per quote) still has unique ids.

type Common = {
  label: ReactNode;
  name: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
};

function describedBy(id: string, errors?: string[], hint?: ReactNode) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** The label, the control and its messages: the markup every form field repeats. */
export function FieldFrame({
  id,
  label,
  errors,
  hint,
  className = '',
  children,
}: {
  id: string;
  label: ReactNode;
  errors?: string[] | undefined;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-ink-subtle">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-danger">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input. */
export function Field({
  label,
  name,
  errors,
  hint,
  className = '',
  id = name,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'size' | 'width'>) {
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint} className={className}>
      <Input
        id={id}
        name={name}
        invalid={Boolean(errors?.length)}
        aria-describedby={describedBy(id, errors, hint)}
        {...input}
      />
    </FieldFrame>
  );
}

/** A labelled select; pass the options as children. */
export function SelectField({
  label,
  name,
  errors,
  hint,
  className = '',
  id = name,
  ...select
}: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'size'>) {
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint} className={className}>
      <Select
        id={id}
        name={name}
        invalid={Boolean(errors?.length)}
        aria-describedby={describedBy(id, errors, hint)}
        {...select}
      />
    </FieldFrame>
  );
}

/** A labelled textarea (five rows unless told). */
export function TextareaField({
  label,
  name,
  errors,
  hint,
  className = '',
  id = name,
  ...textarea
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint} className={className}>
      <Textarea
        id={id}
        name={name}
        rows={5}
        invalid={Boolean(errors?.length)}
        aria-describedby={describedBy(id, errors, hint)}
        {...textarea}
      />
    </FieldFrame>
  );
}
