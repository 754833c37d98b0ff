import Link from 'next/link';
import { NavLinks } from '@/components/layout/nav-links';
import { Button } from '@/components/ui/button';
import { signOutAction } from '@/lib/auth-flow/actions';
import type { HeaderReader } from '@/lib/navigation';

/**
 * The signed-in header: the product's name, the reader's navigation and their account controls.
 * Rendered on the server by the app's layout, and in the browser by the cached edition page once
 * it knows who reads it (`reader` is null until then: the same header, its rows kept empty).
 */
export function AppHeader({ reader }: { reader: HeaderReader | null }) {
  return (
    <header className="no-print border-b border-line bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-base font-bold text-accent-strong">
          Service Review
        </Link>
        {/* Its own row: an admin has a dozen links, which pushed the account controls onto a row of their own. */}
        <nav aria-label="Main" className="order-3 -mx-3 min-h-9 w-[calc(100%+1.5rem)]">
          {reader ? <NavLinks items={reader.items} /> : null}
        </nav>
        <div className="flex min-h-9 items-center gap-3 text-sm">
          {reader ? (
            <>
              <span className="hidden text-right sm:block">
                <span className="block font-medium text-ink">{reader.name}</span>
                <span className="block text-xs text-ink-subtle">{reader.roleLabel}</span>
              </span>
              <Link href="/account/password" className="rounded-md px-2 py-1 text-ink-muted hover:bg-surface-strong">
                Account
              </Link>
              <form action={signOutAction}>
                <Button type="submit" variant="secondary" className="px-3 py-1.5">
                  Sign out
                </Button>
              </form>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}
