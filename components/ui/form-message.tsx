import type { FormState } from '@/lib/errors';

/** The form-level outcome, announced to screen readers as it changes. */
export function FormMessage({ state }: { state: FormState | undefined }) {
  return (
    <div aria-live="polite" role="status">
      {state?.message ? (
        <p
          className={`rounded-md px-3 py-2 text-sm font-medium ${state.ok ? 'bg-success-surface text-success ring-1 ring-success-line' : 'bg-danger-surface text-danger ring-1 ring-danger-line'}`}
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
