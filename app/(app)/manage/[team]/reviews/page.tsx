import type { Metadata } from 'next';
import Link from 'next/link';
import { TeamTabs } from '@/components/figures/team-tabs';
import { FigureChanges } from '@/components/reviews/figure-changes';
import { StartReviewForm } from '@/components/reviews/small-forms';
import { PageHeader } from '@/components/ui/card';
import { formatInstantDay } from '@/lib/dates/zone';
import { addMonths, monthLabel } from '@/lib/dates/month';
import { managedTeamOrInterrupt } from '@/lib/pages';
import { listPublishedDrift } from '@/lib/reviews/drift';
import { listTeamReviews } from '@/lib/reviews/reviews';
import { requirePageActor } from '@/lib/session';
import { teamMonthNow, teamTimeZone } from '@/lib/time-zone';

export const metadata: Metadata = { title: 'Monthly editions' };

export default async function TeamReviewsPage({ params }: { params: Promise<{ team: string }> }) {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const team = await managedTeamOrInterrupt(actor, (await params).team);
  const [reviews, drifts] = await Promise.all([listTeamReviews(actor, team), listPublishedDrift(actor, [team.id])]);
  const driftOf = new Map(drifts.map((d) => [d.reviewId, d]));
  const started = new Set(reviews.map((r) => r.month));
  // The team's own month and days: a Sydney team starts November's edition on 1 November there.
  const [zone, monthNow] = await Promise.all([teamTimeZone(team.id), teamMonthNow(team.id)]);
  // The latest complete month first: an edition tells a finished month's story.
  const months = Array.from({ length: 13 }, (_, i) => addMonths(monthNow, -1 - i)).filter((m) => !started.has(m));
  return (
    <>
      <PageHeader
        title={`${team.name}: monthly editions`}
        description="Start the month’s edition from the figures, quotes, wins and project updates; edit, preview and publish it."
      />
      <TeamTabs slug={team.slug} current="/reviews" />
      <section aria-labelledby="start" className="mb-8 rounded-lg bg-surface p-5 shadow-sm ring-1 ring-line">
        <h2 id="start" className="mb-3 text-lg font-semibold">
          Start an edition
        </h2>
        {months.length ? (
          <StartReviewForm team={team.slug} months={months.map((m) => ({ value: m, label: monthLabel(m) }))} />
        ) : (
          <p className="text-sm text-ink-subtle">Every recent month has an edition.</p>
        )}
      </section>
      <div className="overflow-x-auto rounded-lg bg-surface shadow-sm ring-1 ring-line">
        <table className="min-w-full divide-y divide-line text-sm">
          <caption className="sr-only">Editions, newest month first</caption>
          <thead className="bg-surface-muted text-left text-xs font-semibold tracking-wide text-ink-muted uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                Month
              </th>
              <th scope="col" className="px-4 py-3">
                Title
              </th>
              <th scope="col" className="px-4 py-3">
                Status
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Readers
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                Thanks
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line-subtle">
            {reviews.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  <Link href={`/manage/${team.slug}/reviews/${r.month}`} className="text-accent underline">
                    {monthLabel(r.month)}
                  </Link>
                </th>
                <td className="px-4 py-2">{r.title}</td>
                <td className="px-4 py-2">
                  {r.status === 'PUBLISHED'
                    ? `Published ${r.publishedAt ? formatInstantDay(r.publishedAt, zone) : ''}${r._count.revisions > 1 ? `, ${r._count.revisions - 1} correction${r._count.revisions > 2 ? 's' : ''}` : ''}`
                    : `Draft, version ${r.version}`}
                  {driftOf.has(r.id) ? (
                    <div
                      className="mt-1 rounded-md bg-warning-surface px-2 py-1 text-warning ring-1 ring-warning-line"
                      data-testid="edition-drift"
                    >
                      <Link
                        href={`/manage/${team.slug}/reviews/${r.month}#correction`}
                        className="text-xs font-semibold underline"
                      >
                        Figures changed since publishing: publish a correction
                      </Link>
                      <FigureChanges changes={driftOf.get(r.id)!.changes} />
                    </div>
                  ) : null}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{r._count.views}</td>
                <td className="px-4 py-2 text-right tabular-nums">{r._count.thanks}</td>
              </tr>
            ))}
            {reviews.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-4 py-6 text-center text-ink-subtle">
                  No editions yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
