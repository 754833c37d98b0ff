import Link from 'next/link';

const TABS = [
  { href: '', label: 'Months' },
  { href: '/import', label: 'Import CSV' },
  { href: '/import/tickets', label: 'Import ticket export' },
  { href: '/reviews', label: 'Editions' },
  { href: '/settings', label: 'Team settings' },
];

export function TeamTabs({ slug, current }: { slug: string; current: string }) {
  return (
    <nav aria-label="Team management" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={`/manage/${slug}${t.href}`}
          aria-current={current === t.href ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${current === t.href ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-700 hover:text-slate-900'}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
