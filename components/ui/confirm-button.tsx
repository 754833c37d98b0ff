'use client';
import { useId, useRef, type ReactNode } from 'react';
import { Button } from './button';

/**
 * A destructive submit (archive, delete, revoke, erase) that first asks in a modal <dialog> naming
 * what goes. The dialog sits inside the form, so its confirm button submits that form with its own
 * name and value; Cancel (focused first) and Escape change nothing, and the browser returns focus
 * to the button that opened it.
 */
export function ConfirmButton({
  children,
  title,
  description,
  confirmLabel,
  name,
  value,
  disabled,
  className,
  variant = 'danger',
}: {
  /** The button on the page. */
  children: ReactNode;
  /** The question, naming the thing: "Revoke the token “Zendesk nightly”?" */
  title: string;
  /** What happens to it, and whether it can be undone. */
  description: ReactNode;
  confirmLabel: string;
  name?: string;
  value?: string;
  disabled?: boolean;
  /** Replaces the trigger's button styling (small inline buttons). */
  className?: string;
  variant?: 'danger' | 'secondary';
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const open = () => dialog.current?.showModal();
  return (
    <>
      {className ? (
        <button type="button" onClick={open} disabled={disabled} className={className}>
          {children}
        </button>
      ) : (
        <Button type="button" variant={variant} onClick={open} disabled={disabled}>
          {children}
        </Button>
      )}
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-what`}
        data-testid="confirm-dialog"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg bg-surface p-5 text-left text-ink shadow-xl ring-1 ring-line backdrop:bg-black/50"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={`${id}-what`} className="mt-2 text-sm text-ink-muted">
          {description}
        </div>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          {/* Cancel first and focused: Enter on an opened dialog never destroys anything. */}
          <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="danger"
            name={name}
            value={value}
            disabled={disabled}
            onClick={() => dialog.current?.close()}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
