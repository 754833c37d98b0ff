import type { Metadata } from 'next';
import { ModerationForms } from '@/components/quotes/moderation-forms';
import { PersonLinks } from '@/components/stories/person-links';
import { PlainText } from '@/components/stories/plain-text';
import { PageHeader } from '@/components/ui/card';
import { formatInstantDay } from '@/lib/dates/zone';
import { Pagination } from '@/components/ui/pagination';
import { pageParam } from '@/lib/paging';
import { listModerationQueue } from '@/lib/quotes/quotes';
import { ATTRIBUTION_LABELS, CHANNEL_LABELS } from '@/lib/quotes/schemas';
import { requirePageActor } from '@/lib/session';
import { formatDay } from '@/lib/dates/day';
import { appTimeZone, teamTimeZone } from '@/lib/time-zone';

export const metadata: Metadata = { title: 'Moderation' };

export default async function ModerationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor('LEADER');
  const {
    items: queue,
    total,
    page,
    pageCount,
  } = await listModerationQueue(actor, pageParam.parse((await searchParams).page));
  // Recorded instants as days in the leader's team's zone; received days are calendar days.
  const zone = actor.teamId ? await teamTimeZone(actor.teamId) : appTimeZone();
  return (
    <>
      <PageHeader
        title="Quotes waiting for approval"
        description={
          total
            ? `${total} from your team, oldest first. Approve, approve with a pull-quote, or reject with a reason.`
            : undefined
        }
      />
      {queue.length === 0 ? (
        <p className="rounded-lg bg-surface p-6 text-center text-ink-muted ring-1 ring-line">
          Nothing is waiting. Thank you!
        </p>
      ) : null}
      <ul className="space-y-6" aria-label="Pending quotes">
        {queue.map((q) => (
          <li
            key={q.id}
            className="space-y-4 rounded-lg bg-surface p-5 shadow-sm ring-1 ring-line"
            data-testid="pending-quote"
          >
            <figure>
              <blockquote className="border-l-4 border-amber-400 pl-4 text-ink">
                <PlainText text={q.text} />
              </blockquote>
              <figcaption className="mt-2 text-sm text-ink-muted">
                <span aria-hidden="true">— </span>
                <cite className="font-semibold not-italic">{q.cite}</cite>
              </figcaption>
            </figure>
            <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
              <div>
                <dt className="inline font-medium">Attribution: </dt>
                <dd className="inline">
                  {ATTRIBUTION_LABELS[q.attribution]}
                  {q.consentRecordedAt ? `, consent recorded ${formatInstantDay(q.consentRecordedAt, zone)}` : ''}
                </dd>
              </div>
              <div>
                <dt className="inline font-medium">Channel: </dt>
                <dd className="inline">
                  {CHANNEL_LABELS[q.channel]}, received {formatDay(q.receivedOn)}
                </dd>
              </div>
              <div>
                <dt className="inline font-medium">Submitted by: </dt>
                <dd className="inline">
                  {q.submitter.name}, {formatInstantDay(q.createdAt, zone)}
                </dd>
              </div>
              <div>
                <dt className="inline font-medium">Source: </dt>
                <dd className="inline break-all">{q.sourceReference ?? '—'}</dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="inline font-medium">Credited: </dt>
                <dd className="inline">
                  <PersonLinks people={q.credited} />
                </dd>
              </div>
            </dl>
            <ModerationForms quoteId={q.id} />
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} label="Pages of pending quotes" />
    </>
  );
}
