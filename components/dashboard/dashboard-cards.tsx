import Link from 'next/link';
import { QuoteFigure } from '@/components/quotes/quote-figure';
import type { DashboardCard } from '@/lib/dashboard/dashboard';
import { monthLabel } from '@/lib/dates/month';
import { formatNumber } from '@/lib/format';
import { HeadlineTile, Sparkline } from './headline-tile';

const formatMaybe = (n: number | null | undefined) => (typeof n === 'number' ? formatNumber(n) : '–');

/** Every team's card: the same for every reader (the dynamic dashboard and the kept one). */
export function DashboardCards({ cards }: { cards: DashboardCard[] }) {
  return (
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
  );
}
