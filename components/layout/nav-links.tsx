'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

type Item = { href: string; label: string; badge?: number; badgeLabel?: string };

export function NavLinks({ items }: { items: Item[] }) {
  const pathname = usePathname();
  // The most specific match wins, so /quotes/moderation does not also light up /quotes.
  const current = items
    .filter((item) =>
      item.href === '/' ? pathname === '/' : pathname === item.href || pathname.startsWith(`${item.href}/`),
    )
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => {
        const active = item.href === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`block rounded-md px-3 py-2 text-sm font-medium ${active ? 'bg-accent-surface text-accent' : 'text-ink-muted hover:bg-surface-strong'}`}
            >
              {item.label}
              {item.badge ? (
                <span className="ml-1.5 inline-flex min-w-5 justify-center rounded-full bg-amber-500 px-1.5 text-xs font-bold text-slate-950">
                  {item.badge}
                  <span className="sr-only"> {item.badgeLabel}</span>
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
