import type { FormState } from '@/lib/errors';

/** The form-level outcome, announced to screen readers as it changes. */
export function FormMessage({ state }: { state: FormState | undefined }) {
  return (
    <div aria-live="polite" role="status">
      {state?.message ? (
        <p className={`rounded-md px-3 py-2 text-sm font-medium ${state.ok ? 'bg-green-50 text-green-800 ring-1 ring-green-200' : 'bg-red-50 text-red-800 ring-1 ring-red-200'}`}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
