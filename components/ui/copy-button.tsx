'use client';
import { useEffect, useState } from 'react';
import { Button } from './button';

/**
 * Copies a value shown once (a token, a signing secret, a one-time password) to the clipboard. The
 * outcome is said in a live region beside the button, so a screen reader hears "Copied" too; where
 * the clipboard is refused (an insecure origin, a denied permission) it says to select and copy.
 */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const [said, setSaid] = useState<'' | 'Copied' | 'Could not copy: select the text and copy it'>('');
  useEffect(() => {
    if (!said) return;
    const clear = window.setTimeout(() => setSaid(''), 4000);
    return () => window.clearTimeout(clear);
  }, [said]);
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setSaid('Copied'),
      () => setSaid('Could not copy: select the text and copy it'),
    );
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" onClick={copy} className="px-3 py-1">
        Copy<span className="sr-only"> {what}</span>
      </Button>
      <span aria-live="polite" aria-atomic="true" className="text-sm font-medium text-success">
        {said}
      </span>
    </span>
  );
}
