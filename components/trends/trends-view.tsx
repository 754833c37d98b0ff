import { ChartCard } from '@/components/charts/chart-card';
import { SourceNote } from '@/components/figures/source-note';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { Checkbox, Input, Select } from '@/components/ui/input';
import { monthLabel } from '@/lib/dates/month';
import { queryString, type TrendsQuery } from '@/lib/trends/query';
import type { TeamTrends, TrendsTooLarge } from '@/lib/trends/trends';
import { formatNumber } from '@/lib/format';

const RANGE_LABELS = {
  '12': 'Last 12 months',
  '24': 'Last 24 months',
  '36': 'Last 36 months',
  all: 'All months',
  custom: 'From – to',
} as const;

/** The trends page: its form and every chosen team's charts (the dynamic page and the kept one). */
export function TrendsView({
  query,
  teams,
  sections,
  tooLarge = null,
}: {
  query: TrendsQuery;
  teams: { id: string; name: string; slug: string }[];
  sections: TeamTrends[];
  /** The view asked for more than one page shows (lib/trends/trends.ts): said instead of the charts. */
  tooLarge?: TrendsTooLarge | null;
}) {
  const selectedTeams = sections.length ? sections.map((s) => s.team.slug) : query.team;
  const kpiOptions = sections[0]?.kpiOptions ?? [];
  const selectedKpis = query.kpi.length ? query.kpi : kpiOptions.map((k) => k.key);
  return (
    <>
      <PageHeader
        title="Trends"
        description="How contacts, reasons, customers and KPIs move across months and years. Every view is a link you can share."
      />
      <form
        method="get"
        className="mb-8 grid gap-4 rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line md:grid-cols-[1fr_2fr_1fr] print:hidden"
      >
        <fieldset>
          <legend className="text-sm font-semibold">Teams</legend>
          {teams.map((t) => (
            <Checkbox
              key={t.id}
              name="team"
              value={t.slug}
              defaultChecked={selectedTeams.includes(t.slug)}
              className="mt-1"
            >
              {t.name}
            </Checkbox>
          ))}
        </fieldset>
        <fieldset>
          <legend className="text-sm font-semibold">KPIs</legend>
          <div className="grid gap-x-4 sm:grid-cols-2">
            {kpiOptions.map((k) => (
              <Checkbox
                key={k.key}
                name="kpi"
                value={k.key}
                defaultChecked={selectedKpis.includes(k.key)}
                className="mt-1"
              >
                {k.name}
              </Checkbox>
            ))}
          </div>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Period</legend>
          <label htmlFor="range" className="sr-only">
            Period
          </label>
          <Select id="range" name="range" defaultValue={query.range} size="sm">
            {Object.entries(RANGE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <div className="flex gap-2">
            <div>
              <label htmlFor="from" className="block text-xs">
                From (with “From – to”)
              </label>
              <Input id="from" name="from" type="month" defaultValue={query.from ?? sections[0]?.from} size="sm" />
            </div>
            <div>
              <label htmlFor="to" className="block text-xs">
                To
              </label>
              <Input id="to" name="to" type="month" defaultValue={query.to ?? sections[0]?.to} size="sm" />
            </div>
          </div>
          <button type="submit" className={buttonClass()}>
            Show
          </button>
        </fieldset>
      </form>
      {tooLarge ? (
        <p
          role="alert"
          className="rounded-md bg-warning-surface px-3 py-2 text-sm text-warning ring-1 ring-warning-line"
        >
          That is {formatNumber(tooLarge.teamMonths)} months of figures across the teams chosen; trends shows at most{' '}
          {formatNumber(tooLarge.limit)} at once. Choose fewer teams or a shorter period.
        </p>
      ) : sections.length === 0 ? (
        <p className="text-ink-muted">Choose a team to see its trends.</p>
      ) : null}
      {sections.map((section) => (
        <section key={section.team.id} aria-labelledby={`team-${section.team.slug}`} className="mb-10">
          <h2 id={`team-${section.team.slug}`} className="mb-1 text-xl font-bold">
            {section.team.name}
          </h2>
          <p className="mb-4 text-sm text-ink-subtle">
            {monthLabel(section.from)} – {monthLabel(section.to)}
            {section.empty ? ' · no figures in this period yet' : ''}
            {section.empty ? null : (
              <>
                {' · '}
                <a
                  className="font-medium text-accent underline"
                  href={`/api/teams/${section.team.slug}/figures?from=${section.from}&to=${section.to}`}
                  download
                >
                  All figures for this period (CSV)
                </a>
              </>
            )}
          </p>
          <div className="grid gap-6 lg:grid-cols-2">
            {section.charts.map((chart) => (
              <ChartCard
                key={chart.id}
                spec={chart}
                csvHref={`/api/trends/csv?${queryString({ ...query, team: [section.team.slug] }, { chart: chart.id })}`}
                extra={<SourceNote note={section.sourceNotes[chart.id]} className="mt-2" />}
              />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
