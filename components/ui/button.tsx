import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const styles: Record<Variant, string> = {
  primary: 'bg-action text-on-action hover:bg-action-hover disabled:bg-action-disabled',
  secondary: 'bg-surface text-ink ring-1 ring-line-strong hover:bg-surface-strong disabled:opacity-50',
  danger: 'bg-action-danger text-on-action hover:bg-action-danger-hover disabled:bg-action-disabled',
  ghost: 'text-ink-muted hover:bg-surface-strong disabled:opacity-50',
};

export function buttonClass(variant: Variant = 'primary') {
  return `inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed ${styles[variant]}`;
}

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={`${buttonClass(variant)} ${className}`} {...props} />;
}
