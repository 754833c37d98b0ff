import Link from 'next/link';
import { FigureChanges } from '@/components/reviews/figure-changes';
import { monthLabel } from '@/lib/dates/month';
import type { DashboardNeeds } from '@/lib/dashboard/needs';
import { NeedsRecognition } from './needs-recognition';

/** "Needs you": a leader's or admin's to-do for the teams they manage, or nothing when all is done. */
export function NeedsYou({ needs }: { needs: DashboardNeeds | null }) {
  return (
    <>
      {needs &&
      (needs.pendingQuotes > 0 ||
        needs.missingFigures.length > 0 ||
        needs.drifts.length > 0 ||
        needs.uncredited.length > 0 ||
        needs.editions.some((e) => e.status !== 'PUBLISHED')) ? (
        <section
          aria-labelledby="needs-title"
          className="mb-6 rounded-lg bg-warning-surface p-4 ring-1 ring-warning-line"
        >
          <h2 id="needs-title" className="font-semibold text-warning">
            Needs you
          </h2>
          <ul className="mt-1 list-disc pl-5 text-sm text-warning">
            {needs.pendingQuotes > 0 ? (
              <li>
                <Link href="/quotes/moderation" className="font-medium underline">
                  {needs.pendingQuotes} quote{needs.pendingQuotes === 1 ? '' : 's'} waiting for moderation
                </Link>
              </li>
            ) : null}
            {needs.editions
              .filter((e) => e.status !== 'PUBLISHED')
              .map((e) => (
                <li key={`edition-${e.slug}`}>
                  <Link href={`/manage/${e.slug}/reviews/${e.month}`} className="font-medium underline">
                    {e.team}: the {monthLabel(e.month)} edition is{' '}
                    {e.status === 'DRAFT' ? 'a draft, not yet published' : 'not started'}
                  </Link>
                </li>
              ))}
            {needs.drifts.map((d) => (
              <li key={`drift-${d.reviewId}`} data-testid="needs-drift">
                <Link href={`/manage/${d.slug}/reviews/${d.month}#correction`} className="font-medium underline">
                  {d.team}: figures changed since publishing the {monthLabel(d.month)} edition — publish a correction
                </Link>
                <FigureChanges changes={d.changes} />
              </li>
            ))}
            {needs.missingFigures.map((m) => (
              <li key={m.slug}>
                <Link href={`/manage/${m.slug}/figures/${m.month}`} className="font-medium underline">
                  {m.team}: figures for {monthLabel(m.month)} are missing
                </Link>
              </li>
            ))}
            <NeedsRecognition people={needs.uncredited} />
          </ul>
        </section>
      ) : null}
    </>
  );
}
