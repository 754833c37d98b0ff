import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

// The bare form controls: one look for every text box, list and text area in the app. A control
// with its own label, hint and error belongs in a `Field` (components/ui/field.tsx); these are for
// the places whose label sits elsewhere (filter bars, table cells, compact editors).

type ControlOptions = {
  /** Marks the control invalid (aria-invalid) and draws its border in the danger colour. */
  invalid?: boolean;
  /** `sm` for controls inside tables and dense editors. */
  size?: 'md' | 'sm';
  /** `auto` lets the control take its natural (or a given) width instead of filling the row. */
  width?: 'full' | 'auto';
};

/** The class string of a control; exported for the few elements that must look like one. */
export function controlClass({ invalid = false, size = 'md', width = 'full' }: ControlOptions = {}, extra = '') {
  return [
    'block rounded-md border bg-surface text-sm text-ink shadow-sm focus:border-accent-line focus:ring-1 focus:ring-accent-line focus:outline-none disabled:opacity-60',
    size === 'sm' ? 'px-2 py-1.5' : 'px-3 py-2',
    width === 'full' ? 'w-full' : '',
    invalid ? 'border-danger' : 'border-line-strong',
    extra,
  ]
    .filter(Boolean)
    .join(' ');
}

/** One height for a one-line control: a select's box otherwise comes out shorter than an input's
 * beside it (its text box ignores line-height), which shows in rows such as the KPI editor. */
const lineHeight = (size: ControlOptions['size'] = 'md') => (size === 'sm' ? 'h-[2.125rem]' : 'h-[2.375rem]');

export function Input({
  invalid,
  size,
  width,
  className = '',
  ...props
}: ControlOptions & Omit<InputHTMLAttributes<HTMLInputElement>, 'size' | 'width'>) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={controlClass(
        { invalid, size, width },
        `${props.type === 'file' ? '' : lineHeight(size)} ${className}`,
      )}
      {...props}
    />
  );
}

export function Select({
  invalid,
  size,
  width,
  className = '',
  ...props
}: ControlOptions & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'size' | 'width'>) {
  return (
    <select
      aria-invalid={invalid || undefined}
      className={controlClass({ invalid, size, width }, `${lineHeight(size)} ${className}`)}
      {...props}
    />
  );
}

export function Textarea({
  invalid,
  size,
  width,
  className = '',
  ...props
}: ControlOptions & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'size' | 'width'>) {
  return (
    <textarea
      aria-invalid={invalid || undefined}
      className={controlClass({ invalid, size, width }, className)}
      {...props}
    />
  );
}

type ChoiceProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { children: ReactNode };

function Choice({ type, children, className = '', ...props }: ChoiceProps & { type: 'checkbox' | 'radio' }) {
  return (
    <label className={`flex items-start gap-2 text-sm ${className}`}>
      <input type={type} className="mt-0.5 size-4 shrink-0 accent-action" {...props} />
      <span>{children}</span>
    </label>
  );
}

/** A checkbox with its label beside it (the label wraps the box, so getByLabel finds it). */
export function Checkbox(props: ChoiceProps) {
  return <Choice type="checkbox" {...props} />;
}

/** A radio button with its label beside it; give the group a fieldset and legend. */
export function Radio(props: ChoiceProps) {
  return <Choice type="radio" {...props} />;
}
