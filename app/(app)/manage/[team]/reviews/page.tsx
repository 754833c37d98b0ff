import type { Metadata } from 'next';
import Link from 'next/link';
import { TeamTabs } from '@/components/figures/team-tabs';
import { FigureChanges } from '@/components/reviews/figure-changes';
import { StartReviewForm } from '@/components/reviews/small-forms';
import { StartYearReview } from '@/components/reviews/start-year-review';
import { PageHeader } from '@/components/ui/card';
import { EmptyRow, TBody, Td, Th, THead, Table } from '@/components/ui/table';
import { formatInstantDay } from '@/lib/dates/zone';
import { formatDraftSaves } from '@/lib/format';
import { addMonths, monthLabel } from '@/lib/dates/month';
import { managedTeamOrInterrupt } from '@/lib/pages';
import { listPublishedDrift } from '@/lib/editions/drift';
import { listTeamReviews } from '@/lib/publishing/reviews';
import { requirePageActor } from '@/lib/session';
import { teamMonthNow, teamTimeZone } from '@/lib/time-zone';
import { listYearReviewChoices } from '@/lib/year-review/year-review';

export const metadata: Metadata = { title: 'Monthly editions' };

export default async function TeamReviewsPage({ params }: { params: Promise<{ team: string }> }) {
  const actor = await requirePageActor('ADMIN', 'LEADER');
  const team = await managedTeamOrInterrupt(actor, (await params).team);
  const [all, drifts, years] = await Promise.all([
    listTeamReviews(actor, team),
    listPublishedDrift(actor, [team.id]),
    listYearReviewChoices(actor, team),
  ]);
  // Years in review are listed apart: they are not months.
  const reviews = all.filter((r) => r.kind === 'MONTHLY');
  const yearReviews = all.filter((r) => r.kind === 'YEAR').sort((a, b) => b.month.localeCompare(a.month));
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
      <section aria-labelledby="year-review" className="mb-8 rounded-lg bg-surface p-5 shadow-sm ring-1 ring-line">
        <h2 id="year-review" className="mb-1 text-lg font-semibold">
          Year in review
        </h2>
        <p className="mb-3 text-sm text-ink-subtle">
          The year’s contacts, KPIs against targets, most-thanked editions, quotes, wins, outcomes and the people
          credited, composed and published like a monthly edition: for Customer Service Week or the year’s end.
        </p>
        <StartYearReview
          team={team.slug}
          choices={years.slice(0, 3).map((y) => ({ year: y.year, started: Boolean(y.review) }))}
        />
        {yearReviews.length ? (
          <ul className="mt-4 space-y-1 text-sm" aria-label="Years in review">
            {yearReviews.map((r) => (
              <li key={r.id}>
                <Link href={`/manage/${team.slug}/reviews/${r.month}`} className="font-medium text-accent underline">
                  {r.title}
                </Link>{' '}
                <span className="text-ink-subtle">
                  ·{' '}
                  {r.status === 'PUBLISHED'
                    ? `published ${r.publishedAt ? formatInstantDay(r.publishedAt, zone) : ''}, ${r._count.views} reader${r._count.views === 1 ? '' : 's'}, ${r._count.thanks} thank-you${r._count.thanks === 1 ? '' : 's'}`
                    : `draft, ${formatDraftSaves(r.version)}`}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <Table caption="Monthly editions, newest month first">
        <THead>
          <Th>Month</Th>
          <Th>Title</Th>
          <Th>Status</Th>
          <Th numeric>Readers</Th>
          <Th numeric>Thanks</Th>
        </THead>
        <TBody>
          {reviews.map((r) => (
            <tr key={r.id}>
              <Th scope="row" className="text-left font-medium">
                <Link href={`/manage/${team.slug}/reviews/${r.month}`} className="text-accent underline">
                  {monthLabel(r.month)}
                </Link>
              </Th>
              <Td>{r.title}</Td>
              <Td>
                {r.status === 'PUBLISHED'
                  ? `Published ${r.publishedAt ? formatInstantDay(r.publishedAt, zone) : ''}${r._count.revisions > 1 ? `, ${r._count.revisions - 1} correction${r._count.revisions > 2 ? 's' : ''}` : ''}`
                  : `Draft, ${formatDraftSaves(r.version)}`}
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
              </Td>
              <Td numeric>{r._count.views}</Td>
              <Td numeric>{r._count.thanks}</Td>
            </tr>
          ))}
          {reviews.length === 0 ? <EmptyRow colSpan={5}>No editions yet.</EmptyRow> : null}
        </TBody>
      </Table>
    </>
  );
}
