import Link from 'next/link';
import type { ReactNode } from 'react';
import { NavLinks } from '@/components/layout/nav-links';
import { Button } from '@/components/ui/button';
import { signOutAction } from '@/lib/auth-flow/actions';
import { ROLE_LABELS } from '@/lib/authz';
import { navFor } from '@/lib/navigation';
import { countPendingQuotes } from '@/lib/quotes/quotes';
import { requirePageSessionUser } from '@/lib/session';

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Lets a one-time-password session through to the password page; every other page sends it there.
  const actor = await requirePageSessionUser();
  const pendingQuotes = await countPendingQuotes(actor);
  const items = navFor(actor.role).map(({ href, label }) => ({
    href,
    label,
    ...(href === '/quotes/moderation' ? { badge: pendingQuotes, badgeLabel: 'pending' } : {}),
  }));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-surface focus:p-2"
      >
        Skip to content
      </a>
      <header className="no-print border-b border-line bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="text-base font-bold text-accent-strong">
            Service Review
          </Link>
          {/* Its own row: an admin has a dozen links, which pushed the account controls onto a row of their own. */}
          <nav aria-label="Main" className="order-3 -mx-3 w-[calc(100%+1.5rem)]">
            <NavLinks items={items} />
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span className="hidden text-right sm:block">
              <span className="block font-medium text-ink">{actor.name}</span>
              <span className="block text-xs text-ink-subtle">{ROLE_LABELS[actor.role]}</span>
            </span>
            <Link href="/account/password" className="rounded-md px-2 py-1 text-ink-muted hover:bg-surface-strong">
              Account
            </Link>
            <form action={signOutAction}>
              <Button type="submit" variant="secondary" className="px-3 py-1.5">
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </header>
      {actor.passwordChangeRequired ? (
        <div className="no-print bg-warning-surface px-4 py-2 text-center text-sm text-warning ring-1 ring-warning-line">
          You signed in with a one-time password: choose your own below before anything else opens.
        </div>
      ) : null}
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}
