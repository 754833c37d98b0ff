import Link from 'next/link';
import { HeadlineTile, Sparkline } from '@/components/dashboard/headline-tile';
import { QuoteFigure } from '@/components/quotes/quote-figure';
import { PageHeader } from '@/components/ui/card';
import { getDashboard } from '@/lib/dashboard/dashboard';
import { monthLabel } from '@/lib/figures/month';
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
      <PageHeader title={`${greeting(new Date().getHours())}, ${firstName}`} description="What our customer-service teams handled, how well, and what customers said." />
      {needs && (needs.pendingQuotes > 0 || needs.missingFigures.length > 0 || needs.editions.some((e) => e.status !== 'PUBLISHED')) ? (
        <section aria-labelledby="needs-title" className="mb-6 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200">
          <h2 id="needs-title" className="font-semibold text-amber-900">Needs you</h2>
          <ul className="mt-1 list-disc pl-5 text-sm text-amber-900">
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
                    {e.team}: the {monthLabel(e.month)} edition is {e.status === 'DRAFT' ? 'a draft, not yet published' : 'not started'}
                  </Link>
                </li>
              ))}
            {needs.missingFigures.map((m) => (
              <li key={m.slug}>
                <Link href={`/manage/${m.slug}/figures/${m.month}`} className="font-medium underline">
                  {m.team}: figures for {monthLabel(m.month)} are missing
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="space-y-10">
        {cards.map(({ team, edition, thanks, headlines, quotes, projects }) => (
          <section key={team.id} aria-labelledby={`dash-${team.slug}`} className="space-y-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`dash-${team.slug}`} className="text-xl font-bold text-slate-900">
                {team.name}
                {headlines ? <span className="ml-2 text-base font-medium text-slate-600">{monthLabel(headlines.month)}</span> : null}
              </h2>
              <p className="flex flex-wrap gap-4 text-sm">
                {edition ? (
                  <Link href={`/reviews/${team.slug}/${edition.month}`} className="font-semibold text-brand-700 underline">
                    Read “{edition.title}”
                  </Link>
                ) : null}
                <Link href={`/trends?team=${team.slug}`} className="font-medium text-brand-700 underline">
                  Trends
                </Link>
                <span className="text-slate-700">
                  <span aria-hidden="true">♥</span> {formatNumber(thanks)} thank-you{thanks === 1 ? '' : 's'} from colleagues
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
                  <div className="rounded-lg bg-white p-3 ring-1 ring-slate-200">
                    <p className="text-xs font-medium text-slate-700">Contacts, last 12 months</p>
                    <Sparkline points={headlines.spark} label={`Contacts per month for ${team.name} over the last 12 months, from ${formatMaybe(headlines.spark.find((p) => p.total !== null)?.total)} to ${formatMaybe(headlines.spark.at(-1)?.total)}`} />
                    {headlines.note ? <p className="mt-2 text-xs text-slate-700">Note: {headlines.note}</p> : null}
                  </div>
                  <div className="rounded-lg bg-white p-3 ring-1 ring-slate-200">
                    <h3 className="text-xs font-medium text-slate-700">Active projects</h3>
                    {projects.length ? (
                      <ul className="mt-1 space-y-1 text-sm">
                        {projects.map((p) => (
                          <li key={p.id}>
                            <Link href={`/projects/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.name}</Link>
                            {p.latestUpdate ? <span className="text-slate-600"> · latest update {p.latestUpdate.toISOString().slice(0, 10)}</span> : null}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="text-sm text-slate-600">No project in progress.</p>
                    )}
                  </div>
                </div>
              </>
            ) : (
              <p className="rounded-lg bg-white p-4 text-sm text-slate-600 ring-1 ring-slate-200">No figures yet for {team.name}.</p>
            )}
            {quotes.length ? (
              <div>
                <h3 className="mb-2 text-sm font-semibold text-slate-800">What customers said</h3>
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
