import type { Metadata } from 'next';
import Link from 'next/link';
import { QuoteStatusBadge } from '@/components/quotes/status-badge';
import { PersonLinks } from '@/components/stories/person-links';
import { PlainText } from '@/components/stories/plain-text';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { pageParam } from '@/lib/paging';
import { listMySubmissions } from '@/lib/quotes/quotes';
import { CHANNEL_LABELS } from '@/lib/quotes/schemas';
import { requirePageActor } from '@/lib/session';
import { formatDay } from '@/lib/dates/day';

export const metadata: Metadata = { title: 'My submissions' };

export default async function MySubmissionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor('AGENT', 'LEADER');
  const params = await searchParams;
  const { items: quotes, page, pageCount } = await listMySubmissions(actor, pageParam.parse(params.page));
  const notice = params.submitted
    ? 'Thank you: your quote is waiting for a leader’s approval.'
    : params.updated
      ? 'Your changes are saved.'
      : null;
  return (
    <>
      <PageHeader
        title="My submissions"
        description="The quotes you submitted and where each one stands."
        actions={
          <Link href="/quotes/new" className={buttonClass()}>
            Submit a quote
          </Link>
        }
      />
      {notice ? (
        <p
          role="status"
          className="mb-4 rounded-md bg-success-surface px-3 py-2 text-sm font-medium text-success ring-1 ring-success-line"
        >
          {notice}
        </p>
      ) : null}
      {quotes.length === 0 ? (
        <p className="rounded-lg bg-surface p-6 text-center text-ink-muted ring-1 ring-line">
          You have not submitted a quote yet.
        </p>
      ) : null}
      <ul className="space-y-4" aria-label="Your quotes">
        {quotes.map((q) => (
          <li key={q.id} className="rounded-lg bg-surface p-5 shadow-sm ring-1 ring-line" data-testid="my-quote">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <QuoteStatusBadge status={q.status} />
              {q.status === 'PENDING' ? (
                <Link href={`/quotes/${q.id}/edit`} className="text-sm font-medium text-accent underline">
                  Edit
                </Link>
              ) : null}
            </div>
            <figure>
              <blockquote className="border-l-4 border-line-strong pl-4">
                <PlainText text={q.text} />
              </blockquote>
              <figcaption className="mt-2 text-sm text-ink-muted">
                <span aria-hidden="true">— </span>
                <cite className="font-semibold not-italic">{q.cite}</cite>
                <span className="block text-xs text-ink-subtle">
                  {CHANNEL_LABELS[q.channel]} · {formatDay(q.receivedOn)}
                  {q.sourceReference ? ` · Source: ${q.sourceReference}` : ''}
                </span>
                <span className="block text-xs">
                  Credited: <PersonLinks people={q.credited} />
                </span>
              </figcaption>
            </figure>
            {q.status === 'APPROVED' && q.pullQuote ? (
              <p className="mt-3 text-sm text-ink-muted">
                Shown on the wall as: <q className="font-medium">{q.pullQuote}</q>
              </p>
            ) : null}
            {q.status === 'REJECTED' ? (
              <div className="mt-3 rounded-md bg-danger-surface p-3 text-sm text-danger ring-1 ring-danger-line">
                <p className="font-semibold">Why it was not approved{q.moderator ? ` (${q.moderator.name})` : ''}:</p>
                <PlainText text={q.moderationNote ?? ''} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} label="Pages of your quotes" />
    </>
  );
}
