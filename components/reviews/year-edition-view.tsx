import type { ReactNode } from 'react';
import { ChartCard } from '@/components/charts/chart-card';
import { Markdown } from '@/components/stories/markdown';
import { TONE_CLASS, TONE_WORDS, describeChange } from '@/lib/change';
import { formatInstantDay } from '@/lib/dates/zone';
import { formatMetric, type EditionSnapshot } from '@/lib/reviews/content';
import type { YearContent } from '@/lib/year-review/content';
import type { EditionHistory } from './edition-view';
import {
  MostThanked,
  YearKpiTable,
  YearOutcomes,
  YearPeople,
  YearQuotes,
  YearSection as Section,
  YearWins,
} from './year-sections';

function TotalTile({ year }: { year: YearContent }) {
  const change = describeChange(year.total, year.lastYearTotal, { percent: false });
  const words = TONE_WORDS[change.tone];
  const withFigures = year.months.filter((m) => m.contacts !== null).length;
  return (
    <div
      className="rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line print:break-inside-avoid"
      data-testid="headline"
    >
      <dt className="text-sm font-medium text-ink-muted">Contacts received in {year.year}</dt>
      <dd className="mt-1 text-2xl font-bold text-ink tabular-nums">{formatMetric(year.total)}</dd>
      <dd className="mt-1 text-xs text-ink-subtle">
        {year.lastYearTotal === null ? (
          `No figures for ${Number(year.year) - 1}`
        ) : (
          <>
            <span className="sr-only">against {Number(year.year) - 1}: </span>
            <span aria-hidden="true">vs {Number(year.year) - 1} </span>
            <span className={`font-medium ${TONE_CLASS[change.tone]}`}>
              {change.text}
              {words ? <span className="sr-only"> ({words})</span> : null}
            </span>{' '}
            ({formatMetric(year.lastYearTotal)})
          </>
        )}
        {withFigures < 12 ? <span className="block">Figures for {withFigures} of 12 months</span> : null}
      </dd>
    </div>
  );
}

/** A year in review as readers see it: the page, the preview and print all render this. */
export function YearEditionView({
  snapshot,
  year,
  publishedAt,
  history,
  banner,
  zone,
}: {
  snapshot: EditionSnapshot;
  year: YearContent;
  publishedAt?: Date | null;
  history: EditionHistory;
  banner?: ReactNode;
  zone: string;
}) {
  const { content } = snapshot;
  const latest = history[0];
  const corrected = latest && latest.revision > 1 ? latest : null;
  const kpisMet = year.kpis.filter((k) => k.meetsTarget !== null);
  return (
    <article className="edition mx-auto max-w-4xl" aria-labelledby="edition-title" data-testid="year-review">
      {banner}
      <header className="border-b border-line pb-4">
        <p className="text-sm font-semibold tracking-wide text-accent uppercase">
          {content.team.name} · {year.year} year in review
        </p>
        <h1 id="edition-title" className="mt-1 text-3xl font-bold tracking-tight text-ink">
          {snapshot.title}
        </h1>
        {publishedAt ? (
          <p className="mt-1 text-sm text-ink-subtle">Published {formatInstantDay(publishedAt, zone)}</p>
        ) : null}
        {corrected ? (
          <p
            className="mt-3 rounded-md bg-warning-surface px-3 py-2 text-sm text-warning ring-1 ring-warning-line"
            role="note"
          >
            <strong>Updated {formatInstantDay(corrected.at, zone)}:</strong> {corrected.note}{' '}
            <a href="#revisions" className="underline">
              See the revision history
            </a>
          </p>
        ) : null}
      </header>

      <Section title="The year in numbers" id="numbers">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 print:grid-cols-3">
          <TotalTile year={year} />
          {kpisMet.map((k) => (
            <div
              key={k.key}
              className="rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line print:break-inside-avoid"
              data-testid="headline"
            >
              <dt className="text-sm font-medium text-ink-muted">{k.label}</dt>
              <dd className="mt-1 text-2xl font-bold text-ink tabular-nums">
                {formatMetric(k.value, k.unit, k.method === 'average' ? k.decimals + 1 : k.decimals)}
              </dd>
              <dd className="mt-1 text-xs text-ink-subtle">
                {k.method === 'average' ? 'Year’s average' : 'At the year’s end'}; target{' '}
                {formatMetric(k.target, k.unit, k.decimals)} met in {k.monthsMet} of {k.monthsWithValue} months
              </dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section title="The story of the year" id="story">
        <Markdown text={snapshot.highlights} className="text-base" />
      </Section>

      <Section title="Contacts by month" id="charts">
        <div className="space-y-4">
          {year.charts.map((spec) => (
            <ChartCard key={spec.id} spec={spec} />
          ))}
        </div>
      </Section>

      <Section title="KPIs against their targets" id="kpis">
        <YearKpiTable kpis={year.kpis} year={year.year} />
      </Section>

      <Section title="The most-thanked editions" id="thanked">
        <MostThanked editions={year.mostThanked} slug={content.team.slug} />
      </Section>

      {content.quotes.length ? (
        <Section title="What customers said" id="quotes">
          <YearQuotes quotes={content.quotes} />
        </Section>
      ) : null}

      {content.wins.length ? (
        <Section title="Wins of the year" id="wins">
          <YearWins wins={content.wins} />
        </Section>
      ) : null}

      {year.outcomes.length ? (
        <Section title="What changed because of the team’s work" id="outcomes">
          <YearOutcomes outcomes={year.outcomes} />
        </Section>
      ) : null}

      {year.people.length ? (
        <Section title="People credited this year" id="people">
          <p className="mb-3 text-sm text-ink-muted">
            Everyone a customer quote or a win named this year, in alphabetical order.
          </p>
          <YearPeople people={year.people} />
        </Section>
      ) : null}

      {snapshot.asks.trim() ? (
        <Section title="How you can help" id="asks">
          <div className="rounded-lg bg-accent-surface p-4 ring-1 ring-accent-line/25">
            <Markdown text={snapshot.asks} />
          </div>
        </Section>
      ) : null}

      {history.length ? (
        <Section title="Revision history" id="revisions">
          <ol className="space-y-1 text-sm text-ink-muted">
            {history.map((h) => (
              <li key={h.revision}>
                <span className="font-medium">Revision {h.revision}</span>, {formatInstantDay(h.at, zone)}:{' '}
                {h.note ?? 'first published'}
              </li>
            ))}
          </ol>
        </Section>
      ) : null}
    </article>
  );
}
