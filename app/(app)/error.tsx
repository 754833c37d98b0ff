'use client';
import { Button } from '@/components/ui/button';

export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-ink-subtle">
        Nothing you entered was saved half-way. Try again; if it keeps happening, tell your admin.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-ink-subtle">Reference: {error.digest}</p> : null}
      <Button onClick={reset} className="mt-6">
        Try again
      </Button>
    </div>
  );
}
