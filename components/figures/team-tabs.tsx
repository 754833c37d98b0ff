import Link from 'next/link';

const TABS: { href: string; label: string; path?: (slug: string) => string }[] = [
  { href: '', label: 'Months' },
  { href: '/import', label: 'Import CSV' },
  { href: '/import/tickets', label: 'Import ticket export' },
  { href: '/reviews', label: 'Editions' },
  // Outside /manage: agents and executives see a team's reach too.
  { href: '/reach', label: 'Reach', path: (slug: string) => `/reviews/${slug}/reach` },
  { href: '/outcomes', label: 'Outcomes' },
  { href: '/settings', label: 'Team settings' },
];

export function TeamTabs({ slug, current }: { slug: string; current: string }) {
  return (
    <nav aria-label="Team management" className="mb-6 flex flex-wrap gap-1 border-b border-line">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.path ? t.path(slug) : `/manage/${slug}${t.href}`}
          aria-current={current === t.href ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${current === t.href ? 'border-accent-line text-accent' : 'border-transparent text-ink-muted hover:text-ink'}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
