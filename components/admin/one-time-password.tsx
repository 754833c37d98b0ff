import Link from 'next/link';
import { CopyButton } from '@/components/ui/copy-button';

/** Shown once: the password is not stored in clear and cannot be displayed again. */
export function OneTimePassword({
  email,
  password,
  message,
  again,
}: {
  email: string;
  password: string;
  message?: string | undefined;
  again?: boolean;
}) {
  return (
    <div className="max-w-lg space-y-3 rounded-md bg-success-surface p-4 ring-1 ring-success-line" role="status">
      {message ? <p className="font-medium text-success">{message}</p> : null}
      <p className="text-sm text-success">
        One-time password{email ? ` for ${email}` : ''} — copy it now and hand it over safely; it will not be shown
        again. They choose their own password after signing in.
      </p>
      <p
        className="rounded bg-surface px-3 py-2 font-mono text-lg tracking-wider text-ink ring-1 ring-success-line"
        data-testid="one-time-password"
      >
        {password}
      </p>
      <CopyButton value={password} what="the one-time password" />
      {again ? (
        <p className="text-sm">
          <Link href="/admin/users" className="font-medium text-accent underline">
            Back to users
          </Link>{' '}
          · {/* A full load on purpose: it clears the form state that still holds this password. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/admin/users/new" className="font-medium text-accent underline">
            Create another
          </a>
        </p>
      ) : null}
    </div>
  );
}
