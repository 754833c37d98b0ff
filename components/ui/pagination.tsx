import Link from 'next/link';

// Server-side paging for lists that can grow without bound. The page lives in the URL (?page=), so
// a page is a link, the back button works and nothing runs in the browser.

/** The query string for `page`, keeping the list's other parameters (its filters). */
export function pageHref(params: Record<string, string | undefined>, page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `?${text}` : '?';
}

/**
 * "Page 2 of 7" with previous and next links. Nothing is shown for a list that fits on one page.
 * `label` names the navigation landmark (several lists on a page need distinct names).
 */
export function Pagination({
  page,
  pageCount,
  params = {},
  label = 'Pages',
  previousLabel = 'Previous',
  nextLabel = 'Next',
}: {
  page: number;
  pageCount: number;
  params?: Record<string, string | undefined>;
  label?: string;
  previousLabel?: string;
  nextLabel?: string;
}) {
  if (pageCount <= 1) return null;
  const link = 'rounded-md px-3 py-1.5 font-medium text-accent ring-1 ring-line-strong hover:bg-surface-strong';
  const off = 'rounded-md px-3 py-1.5 text-ink-subtle ring-1 ring-line';
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-3 text-sm print:hidden">
      {page > 1 ? (
        <Link href={pageHref(params, page - 1)} rel="prev" className={link}>
          {previousLabel}
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          {previousLabel}
        </span>
      )}
      <span aria-current="page" className="text-ink-muted tabular-nums">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={pageHref(params, page + 1)} rel="next" className={link}>
          {nextLabel}
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          {nextLabel}
        </span>
      )}
    </nav>
  );
}
