import Link from 'next/link';
import { HeadlineTile, Sparkline } from '@/components/dashboard/headline-tile';
import { QuoteFigure } from '@/components/quotes/quote-figure';
import { FigureChanges } from '@/components/reviews/figure-changes';
import { NeedsRecognition } from '@/components/dashboard/needs-recognition';
import { PageHeader } from '@/components/ui/card';
import { getDashboard } from '@/lib/dashboard/dashboard';
import { monthLabel } from '@/lib/dates/month';
import { formatNumber } from '@/lib/format';
import { requirePageActor } from '@/lib/session';

const formatMaybe = (n: number | null | undefined) => (typeof n === 'number' ? formatNumber(n) : '–');

function greeting(hour: number) {
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

export default async function DashboardPage() {
  const actor = await requirePageActor();
  const { cards, needs } = await getDashboard(actor);
  const firstName = actor.name.split(' ')[0] ?? actor.name;
  return (
    <>
      <PageHeader
        title={`${greeting(new Date().getHours())}, ${firstName}`}
        description="What our customer-service teams handled, how well, and what customers said."
      />
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
      <div className="space-y-10">
        {cards.map(({ team, edition, thanks, headlines, quotes, projects }) => (
          <section key={team.id} aria-labelledby={`dash-${team.slug}`} className="space-y-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`dash-${team.slug}`} className="text-xl font-bold text-ink">
                {team.name}
                {headlines ? (
                  <span className="ml-2 text-base font-medium text-ink-subtle">{monthLabel(headlines.month)}</span>
                ) : null}
              </h2>
              <p className="flex flex-wrap gap-4 text-sm">
                {edition ? (
                  <Link href={`/reviews/${team.slug}/${edition.month}`} className="font-semibold text-accent underline">
                    Read “{edition.title}”
                  </Link>
                ) : null}
                <Link href={`/trends?team=${team.slug}`} className="font-medium text-accent underline">
                  Trends
                </Link>
                <span className="text-ink-muted">
                  <span aria-hidden="true">♥</span> {formatNumber(thanks)} thank-you{thanks === 1 ? '' : 's'} from
                  colleagues
                </span>
              </p>
            </div>
            {headlines ? (
              <>
                <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
                  {headlines.headlines.map((h) => (
                    <HeadlineTile key={h.key} headline={h} />
                  ))}
                </dl>
                <div className="grid gap-4 lg:grid-cols-[1fr_2fr]">
                  <div className="rounded-lg bg-surface p-3 ring-1 ring-line">
                    <p className="text-xs font-medium text-ink-muted">Contacts, last 12 months</p>
                    <Sparkline
                      points={headlines.spark}
                      label={`Contacts per month for ${team.name} over the last 12 months, from ${formatMaybe(headlines.spark.find((p) => p.total !== null)?.total)} to ${formatMaybe(headlines.spark.at(-1)?.total)}`}
                    />
                    {headlines.note ? <p className="mt-2 text-xs text-ink-muted">Note: {headlines.note}</p> : null}
                  </div>
                  <div className="rounded-lg bg-surface p-3 ring-1 ring-line">
                    <h3 className="text-xs font-medium text-ink-muted">Active projects</h3>
                    {projects.length ? (
                      <ul className="mt-1 space-y-1 text-sm">
                        {projects.map((p) => (
                          <li key={p.id}>
                            <Link href={`/projects/${p.id}`} className="font-medium text-accent hover:underline">
                              {p.name}
                            </Link>
                            {p.latestUpdate ? (
                              <span className="text-ink-subtle">
                                {' '}
                                · latest update {p.latestUpdate.toISOString().slice(0, 10)}
                              </span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="text-sm text-ink-subtle">No project in progress.</p>
                    )}
                  </div>
                </div>
              </>
            ) : (
              <p className="rounded-lg bg-surface p-4 text-sm text-ink-subtle ring-1 ring-line">
                No figures yet for {team.name}.
              </p>
            )}
            {quotes.length ? (
              <div>
                <h3 className="mb-2 text-sm font-semibold text-ink">What customers said</h3>
                <div className="grid gap-4 md:grid-cols-3">
                  {quotes.map((q) => (
                    <QuoteFigure key={q.id} quote={q} showTeam={false} />
                  ))}
                </div>
              </div>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}
