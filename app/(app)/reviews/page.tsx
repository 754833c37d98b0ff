import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/card';
import { monthLabel } from '@/lib/dates/month';
import { listReachTeams } from '@/lib/readership/reach';
import { listImpactTeams } from '@/lib/impact/impact';
import { ImpactLinks } from '@/components/impact/impact-links';
import { listArchive } from '@/lib/readership/readers';
import { requirePageActor } from '@/lib/session';
import { YearReviewList } from '@/components/reviews/year-review-list';

export const metadata: Metadata = { title: 'Reviews' };

export default async function ReviewsArchivePage() {
  const actor = await requirePageActor();
  const [editions, reachTeams] = await Promise.all([listArchive(actor), listReachTeams(actor)]);
  const monthly = editions.filter((e) => e.kind === 'MONTHLY');
  // Years in review first and apart: they are not months and should not sit among them.
  const years = editions.filter((e) => e.kind === 'YEAR').sort((a, b) => b.month.localeCompare(a.month));
  const months = [...new Set(monthly.map((e) => e.month))];
  const impactTeams = await listImpactTeams(actor);
  return (
    <>
      <PageHeader title="Monthly reviews" description="Every team’s published edition, newest month first." />
      {reachTeams.length ? (
        <nav aria-label="Reach" className="-mt-3 mb-6 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {reachTeams.map((t) => (
            <Link key={t.id} href={`/reviews/${t.slug}/reach`} className="font-medium text-accent underline">
              Reach: {t.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <ImpactLinks teams={impactTeams} />
      {years.length ? <YearReviewList editions={years} /> : null}
      {months.length || years.length ? (
        <div className="space-y-6">
          {months.map((month) => (
            <section key={month} aria-labelledby={`m-${month}`}>
              <h2 id={`m-${month}`} className="mb-2 text-lg font-semibold text-ink">
                {monthLabel(month)}
              </h2>
              <ul className="grid gap-3 sm:grid-cols-2">
                {monthly
                  .filter((e) => e.month === month)
                  .map((e) => (
                    <li key={e.id}>
                      <Link
                        href={`/reviews/${e.team.slug}/${e.month}`}
                        className="block h-full rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line hover:ring-accent-line"
                      >
                        <span className="block text-xs font-semibold tracking-wide text-accent uppercase">
                          {e.team.name}
                        </span>
                        <span className="mt-1 block font-semibold text-ink">{e.title}</span>
                        <span className="mt-1 block text-xs text-ink-subtle">
                          {e.thanks} thank-you{e.thanks === 1 ? '' : 's'}
                          {e.updated ? ' · updated after publishing' : ''}
                        </span>
                      </Link>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
      ) : (
        <p className="rounded-lg bg-surface p-6 text-center text-ink-subtle shadow-sm ring-1 ring-line">
          No edition has been published yet.
        </p>
      )}
    </>
  );
}
