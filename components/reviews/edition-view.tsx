import type { ReactNode } from 'react';
import { ChartCard } from '@/components/charts/chart-card';
import { EditionAsks } from './edition-asks';
import { Markdown } from '@/components/stories/markdown';
import { PersonLinks } from '@/components/stories/person-links';
import { MeetTheTeamSection } from '@/components/reviews/meet-the-team';
import { PlainText } from '@/components/stories/plain-text';
import { TBody, Td, Th, THead, Table } from '@/components/ui/table';
import { addMonths, monthLabel } from '@/lib/dates/month';
import { CHANNEL_LABELS } from '@/lib/quotes/schemas';
import { TONE_CLASS, TONE_WORDS, type Change as ChangeValue } from '@/lib/change';
import {
  countChange,
  formatMetric,
  metricChange,
  type EditionSnapshot,
  type KpiMetric,
  type Metric,
  type ShareRow,
} from '@/lib/reviews/content';
import { formatInstantDay } from '@/lib/dates/zone';
import { formatDay, parseDay } from '@/lib/dates/day';
import type { QuoteChannel } from '@/lib/generated/prisma/enums';
import { EditionOutcomes } from './edition-outcomes';
import { YearEditionView } from './year-edition-view';

export type EditionHistory = { revision: number; note: string | null; at: Date }[];

const day = (value: string) => {
  const d = parseDay(value);
  return d ? formatDay(d) : value;
};

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="mt-10 print:mt-6">
      <h2 id={id} className="mb-3 text-xl font-bold text-ink print:break-after-avoid">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A change as the one rule writes it, coloured by the KPI's direction (words for screen readers). */
function ChangeText({ change }: { change: ChangeValue }) {
  const words = TONE_WORDS[change.tone];
  return (
    <span
      className={`font-medium whitespace-nowrap ${change.amount === null ? 'text-ink-subtle' : TONE_CLASS[change.tone]}`}
    >
      {change.text}
      {words ? <span className="sr-only"> ({words})</span> : null}
    </span>
  );
}

function Change({ metric, against, label }: { metric: Metric; against: 'lastMonth' | 'lastYear'; label: string }) {
  return (
    <span className="block">
      <span className="sr-only">{label}: </span>
      <span aria-hidden="true">{label.replace('against ', 'vs ')} </span>
      <ChangeText change={metricChange(metric, against)} />
    </span>
  );
}

function Tile({
  metric,
  unit,
  decimals = 0,
  kpi,
}: {
  metric: Metric;
  unit?: string;
  decimals?: number;
  kpi?: KpiMetric;
}) {
  return (
    <div
      className="rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line print:break-inside-avoid print:shadow-none"
      data-testid="headline"
    >
      <dt className="text-sm font-medium text-ink-muted">{metric.label}</dt>
      <dd className="mt-1 text-2xl font-bold text-ink tabular-nums">{formatMetric(metric.value, unit, decimals)}</dd>
      <dd className="mt-1 text-xs text-ink-subtle">
        <Change metric={kpi ?? metric} against="lastMonth" label="against last month" />
        <Change metric={kpi ?? metric} against="lastYear" label="against last year" />
        {kpi && kpi.target !== null ? (
          <span
            className={`mt-1 inline-block rounded px-1.5 py-0.5 font-semibold ${kpi.meetsTarget ? 'bg-success-surface text-success ring-1 ring-success-line' : 'bg-warning-surface text-warning ring-1 ring-warning-line'}`}
          >
            {kpi.meetsTarget ? 'Meets' : 'Misses'} target {formatMetric(kpi.target, kpi.unit, kpi.decimals)}
          </span>
        ) : null}
      </dd>
    </div>
  );
}

function ShareTable({ rows, caption, first }: { rows: ShareRow[]; caption: string; first: string }) {
  if (!rows.length) return <p className="text-sm text-ink-subtle">No figures for this month.</p>;
  return (
    <Table caption={caption}>
      <THead>
        <Th compact>{first}</Th>
        <Th compact numeric>
          Contacts
        </Th>
        <Th compact numeric>
          Share
        </Th>
        <Th compact numeric>
          vs last month
        </Th>
        <Th compact numeric>
          vs last year
        </Th>
      </THead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.name}>
            <Th compact scope="row" className="text-left font-medium">
              {r.name}
            </Th>
            <Td compact numeric>
              {formatMetric(r.count)}
            </Td>
            <Td compact numeric>
              {formatMetric(r.share, '%', 1)}
            </Td>
            <Td compact numeric>
              <ChangeText change={countChange(r.count, r.lastMonth)} />
            </Td>
            <Td compact numeric>
              <ChangeText change={countChange(r.count, r.lastYear)} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

/**
 * The edition as readers see it. The preview renders this same component from the live data,
 * the published page from the frozen snapshot, so the preview is exactly the page.
 */
export function EditionView({
  snapshot,
  publishedAt,
  history = [],
  banner,
  zone,
}: {
  snapshot: EditionSnapshot;
  publishedAt?: Date | null;
  /** The team's time zone: publishing and corrections are instants, shown as days there. */
  zone: string;
  history?: EditionHistory;
  banner?: ReactNode;
}) {
  if (snapshot.year)
    return <YearEditionView {...{ snapshot, year: snapshot.year, publishedAt, history, banner, zone }} />;
  const { content } = snapshot;
  const latest = history[0];
  const corrected = latest && latest.revision > 1 ? latest : null;
  return (
    <article className="edition mx-auto max-w-4xl" aria-labelledby="edition-title">
      {banner}
      <header className="border-b border-line pb-4">
        <p className="text-sm font-semibold tracking-wide text-accent uppercase">
          {content.team.name} · {monthLabel(content.month)}
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

      <Section title="The month in numbers" id="numbers">
        <p className="mb-3 text-xs text-ink-subtle">
          Against {monthLabel(addMonths(content.month, -1))} and {monthLabel(addMonths(content.month, -12))}.
        </p>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 print:grid-cols-4">
          <Tile metric={content.total} />
          {content.channels.map((c) => (
            <Tile key={c.key} metric={c} />
          ))}
          {content.kpis.map((k) => (
            <Tile key={k.key} metric={k} unit={k.unit} decimals={k.decimals} kpi={k} />
          ))}
        </dl>
        {content.note ? <p className="mt-3 text-sm text-ink-muted">Note on the figures: {content.note}</p> : null}
      </Section>

      <Section title="The story of the month" id="story">
        <Markdown text={snapshot.highlights} className="text-base" />
      </Section>

      {content.quotes.length ? (
        <Section title="What customers said" id="quotes">
          <div className="grid gap-4 md:grid-cols-2">
            {content.quotes.map((q) => (
              <figure
                key={q.id}
                className="rounded-lg bg-surface p-5 shadow-sm ring-1 ring-line print:break-inside-avoid print:shadow-none"
                data-testid="edition-quote"
              >
                <blockquote className="border-l-4 border-accent-line pl-4 text-ink">
                  <PlainText text={q.pullQuote ?? q.text} className={q.pullQuote ? 'text-lg font-medium' : ''} />
                </blockquote>
                <figcaption className="mt-3 text-sm text-ink-muted">
                  <span aria-hidden="true">— </span>
                  <cite className="font-semibold text-ink not-italic">{q.cite}</cite>
                  <span className="block text-xs text-ink-subtle">
                    {CHANNEL_LABELS[q.channel as QuoteChannel] ?? q.channel} · {day(q.receivedOn)}
                  </span>
                  {q.credited.length ? (
                    <span className="mt-1 block text-xs">
                      Thanks to <PersonLinks people={q.credited} />
                    </span>
                  ) : null}
                </figcaption>
              </figure>
            ))}
          </div>
        </Section>
      ) : null}

      <Section title="What customers contacted us about" id="reasons">
        <ShareTable rows={content.reasons} caption="Contacts by reason this month" first="Reason" />
      </Section>

      <Section title="Who contacted us" id="segments">
        <ShareTable rows={content.segments} caption="Contacts by customer segment this month" first="Segment" />
      </Section>

      <Section title="The last twelve months" id="charts">
        <div className="space-y-4">
          {content.charts.map((spec) => (
            <ChartCard key={spec.id} spec={spec} />
          ))}
        </div>
      </Section>

      {content.wins.length ? (
        <Section title="Wins" id="wins">
          <ul className="space-y-3">
            {content.wins.map((w) => (
              <li
                key={w.id}
                className="rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line print:break-inside-avoid print:shadow-none"
              >
                <h3 className="font-semibold text-ink">{w.title}</h3>
                <p className="text-xs text-ink-subtle">{day(w.occurredOn)}</p>
                <Markdown text={w.story} className="mt-2" />
                {w.credited.length ? (
                  <p className="mt-2 text-xs">
                    Thanks to <PersonLinks people={w.credited} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <MeetTheTeamSection people={content.meetTheTeam} />

      {content.updates.length ? (
        <Section title="Project updates" id="updates">
          <ul className="space-y-3">
            {content.updates.map((u) => (
              <li
                key={u.id}
                className="rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line print:break-inside-avoid print:shadow-none"
              >
                <h3 className="font-semibold text-ink">{u.projectName}</h3>
                <p className="text-xs text-ink-subtle">
                  {day(u.postedOn)} · {u.author}
                </p>
                <Markdown text={u.body} className="mt-2" />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <EditionOutcomes outcomes={content.outcomes} />

      <EditionAsks snapshot={snapshot} />

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
