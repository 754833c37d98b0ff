import Link from 'next/link';
import { QuoteFigure } from '@/components/quotes/quote-figure';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import type { WallQuote } from '@/lib/quotes/quotes';
import { CHANNEL_LABELS, CHANNELS, QUOTE_LIMITS, type WallFilter } from '@/lib/quotes/schemas';
import { TeamFilter } from '@/components/ui/filters';
import { Field, SelectField } from '@/components/ui/field';

function wallHref(filter: WallFilter, page: { after?: string; before?: string }) {
  const params = new URLSearchParams();
  for (const key of ['q', 'team', 'channel', 'person', 'month'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (page.after) params.set('after', page.after);
  if (page.before) params.set('before', page.before);
  const query = params.toString();
  return query ? `/quotes?${query}` : '/quotes';
}

/** The quote wall: its filters, one page of quotes and the way to the next (the dynamic page and the kept one). */
export function QuoteWall({
  filter,
  quotes,
  newer,
  older,
  options,
  canSubmit,
}: {
  filter: WallFilter;
  quotes: WallQuote[];
  newer: string | null;
  older: string | null;
  options: {
    teams: { id: string; name: string; slug: string }[];
    people: { id: string; name: string; team: string }[];
  };
  canSubmit: boolean;
}) {
  const filtered = Boolean(filter.q || filter.team || filter.channel || filter.person || filter.month);
  return (
    <>
      <PageHeader
        title="What customers say"
        description="Approved quotes from our service teams, newest first."
        actions={
          canSubmit ? (
            <div className="flex flex-wrap gap-2">
              <Link href="/quotes/mine" className={buttonClass('secondary')}>
                My submissions
              </Link>
              <Link href="/quotes/new" className={buttonClass()}>
                Submit a quote
              </Link>
            </div>
          ) : null
        }
      />
      <form
        role="search"
        aria-label="Filter quotes"
        className="mb-6 grid gap-3 rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line sm:grid-cols-2 lg:grid-cols-6"
      >
        <Field
          label="Search the words"
          name="q"
          type="search"
          maxLength={QUOTE_LIMITS.search}
          defaultValue={filter.q ?? ''}
          placeholder="e.g. refund quickly"
          className="sm:col-span-2"
        />
        <TeamFilter teams={options.teams} value={filter.team} />
        <SelectField label="Channel" name="channel" defaultValue={filter.channel ?? ''}>
          <option value="">All channels</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Credited person" name="person" defaultValue={filter.person ?? ''}>
          <option value="">Anyone</option>
          {options.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.team})
            </option>
          ))}
        </SelectField>
        <Field label="Month received" name="month" type="month" defaultValue={filter.month ?? ''} />
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-6">
          <button type="submit" className={buttonClass()}>
            Show quotes
          </button>
          {filtered ? (
            <Link href="/quotes" className="text-sm text-accent underline">
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>
      {quotes.length ? (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="Quotes">
          {quotes.map((quote) => (
            <li key={quote.id}>
              <QuoteFigure quote={quote} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg bg-surface p-6 text-center text-ink-muted ring-1 ring-line">
          {filtered ? 'No approved quotes match. Try fewer words or another month.' : 'No approved quotes yet.'}
        </p>
      )}
      {newer || older ? (
        <nav aria-label="Pages" className="mt-6 flex items-center justify-between text-sm">
          {newer ? (
            <Link href={wallHref(filter, { before: newer })} className={buttonClass('secondary')} rel="prev">
              ← Newer quotes
            </Link>
          ) : (
            <span />
          )}
          {older ? (
            <Link href={wallHref(filter, { after: older })} className={buttonClass('secondary')} rel="next">
              Older quotes →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
