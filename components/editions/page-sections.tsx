// Each section kind on the page (print follows from the page's print styles). Typed against
// lib/editions/sections.ts: a kind without a page renderer here does not compile.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ChartCard } from '@/components/charts/chart-card';
import { DepartmentSectionBody } from '@/components/departments/department-section';
import { Markdown } from '@/components/stories/markdown';
import { PersonLinks } from '@/components/stories/person-links';
import { PlainText } from '@/components/stories/plain-text';
import { TBody, Td, Th, THead, Table } from '@/components/ui/table';
import { TONE_CLASS, TONE_WORDS, describeChange, type Change as ChangeValue } from '@/lib/change';
import { monthLabel } from '@/lib/dates/month';
import { CHANNEL_LABELS } from '@/lib/quotes/schemas';
import { formatMetric, metricChange, rowChange, type KpiMetric, type Metric } from '@/lib/editions/content';
import { outcomeSource } from '@/lib/outcomes/shape';
import { formatShare } from '@/lib/format';
import { teamSinceText } from '@/lib/profiles/edition';
import { OUTCOME_LABELS } from '@/lib/editions/year-content';
import {
  editionDay as day,
  metricValue,
  targetText,
  YEAR_METHOD_TEXT,
  yearKpiValue,
  type EditionSection,
  type SectionKind,
  type SectionOf,
} from '@/lib/editions/sections';
import type { QuoteChannel } from '@/lib/generated/prisma/enums';

const card = 'rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line print:break-inside-avoid print:shadow-none';

/** A change as the one rule writes it, coloured by the KPI's direction (words for screen readers). */
function ChangeText({ change }: { change: ChangeValue }) {
  const words = TONE_WORDS[change.tone];
  return (
    <span
      // A figure never breaks from its unit; the words "not comparable — source changed" may wrap
      // in a phone's narrow tile.
      className={`font-medium ${change.amount === null ? 'text-ink-subtle' : `whitespace-nowrap ${TONE_CLASS[change.tone]}`}`}
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

function Tile({ metric }: { metric: Metric | KpiMetric }) {
  const kpi = 'unit' in metric ? metric : null;
  const target = kpi ? targetText(kpi) : null;
  return (
    <div className={`${card} print:break-inside-avoid`} data-testid="headline">
      <dt className="text-sm font-medium text-ink-muted">{metric.label}</dt>
      <dd className="mt-1 text-2xl font-bold whitespace-nowrap text-ink tabular-nums">{metricValue(metric)}</dd>
      <dd className="mt-1 text-xs text-ink-subtle">
        <Change metric={metric} against="lastMonth" label="against last month" />
        <Change metric={metric} against="lastYear" label="against last year" />
        {kpi && target ? (
          <span
            className={`mt-1 inline-block rounded px-1.5 py-0.5 font-semibold ${kpi.meetsTarget ? 'bg-success-surface text-success ring-1 ring-success-line' : 'bg-warning-surface text-warning ring-1 ring-warning-line'}`}
          >
            {target}
          </span>
        ) : null}
        {kpi?.source ? (
          // A KPI kept from another source than the month's counts says where it came from.
          <span className="mt-1 block" data-kpi-source>
            Source: {kpi.source}
          </span>
        ) : null}
      </dd>
    </div>
  );
}

/** "Source: …" under the figures and tables it speaks for. */
function SourceLine({ note }: { note: string | undefined }) {
  return note ? (
    <p className="mt-2 text-xs text-ink-muted" data-source-note>
      {note}
    </p>
  ) : null;
}

type Body<K extends SectionKind> = (props: { section: SectionOf<K> }) => ReactNode;

const PAGE: { [K in SectionKind]: Body<K> } = {
  numbers: ({ section: s }) => (
    <>
      <p className="mb-3 text-xs text-ink-subtle">
        Against {s.against[0]} and {s.against[1]}.
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 print:grid-cols-4">
        <Tile metric={s.total} />
        {s.channels.map((c) => (
          <Tile key={c.key} metric={c} />
        ))}
        {s.kpis.map((k) => (
          <Tile key={k.key} metric={k} />
        ))}
      </dl>
      {s.note ? <p className="mt-3 text-sm text-ink-muted">Note on the figures: {s.note}</p> : null}
      {s.breaks?.map((b) => (
        <p key={b} className="mt-3 text-sm text-ink-muted" data-source-break-sentence>
          {b}
        </p>
      ))}
      <SourceLine note={s.sourceNote} />
    </>
  ),
  yearNumbers: ({ section: s }) => {
    const change = describeChange(s.total, s.lastYearTotal, { percent: false });
    const words = TONE_WORDS[change.tone];
    return (
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 print:grid-cols-3">
        <div className={card} data-testid="headline">
          <dt className="text-sm font-medium text-ink-muted">Contacts received in {s.year}</dt>
          <dd className="mt-1 text-2xl font-bold text-ink tabular-nums">{formatMetric(s.total)}</dd>
          <dd className="mt-1 text-xs text-ink-subtle">
            {s.lastYearTotal === null ? (
              `No figures for ${Number(s.year) - 1}`
            ) : (
              <>
                <span className="sr-only">against {Number(s.year) - 1}: </span>
                <span aria-hidden="true">vs {Number(s.year) - 1} </span>
                <span className={`font-medium whitespace-nowrap ${TONE_CLASS[change.tone]}`}>
                  {change.text}
                  {words ? <span className="sr-only"> ({words})</span> : null}
                </span>{' '}
                ({formatMetric(s.lastYearTotal)})
              </>
            )}
            {s.monthsWithFigures < 12 ? (
              <span className="block">Figures for {s.monthsWithFigures} of 12 months</span>
            ) : null}
          </dd>
        </div>
        {s.kpis.map((k) => (
          <div key={k.key} className={card} data-testid="headline">
            <dt className="text-sm font-medium text-ink-muted">{k.label}</dt>
            <dd className="mt-1 text-2xl font-bold whitespace-nowrap text-ink tabular-nums">{yearKpiValue(k)}</dd>
            <dd className="mt-1 text-xs text-ink-subtle">
              {k.method === 'average' ? 'Year’s average' : 'At the year’s end'}; target{' '}
              {formatMetric(k.target, k.unit, k.decimals)} met in {k.monthsMet} of {k.monthsWithValue} months
            </dd>
          </div>
        ))}
      </dl>
    );
  },
  story: ({ section: s }) => <Markdown text={s.markdown} className="text-base" />,
  quotes: ({ section: s }) => (
    <div className="grid gap-4 md:grid-cols-2">
      {s.quotes.map((q) => (
        <figure key={q.id} className={`${card} p-5 print:p-3`} data-testid="edition-quote">
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
  ),
  shares: ({ section: s }) =>
    s.rows.length ? (
      <>
        <Table caption={s.caption}>
          <THead>
            <Th compact>{s.first}</Th>
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
            {s.rows.map((r) => (
              <tr key={r.name}>
                <Th compact scope="row" className="text-left font-medium">
                  {r.name}
                </Th>
                <Td compact numeric>
                  {formatMetric(r.count)}
                </Td>
                <Td compact numeric>
                  {formatShare(r.share)}
                </Td>
                <Td compact numeric>
                  <ChangeText change={rowChange(r, 'lastMonth')} />
                </Td>
                <Td compact numeric>
                  <ChangeText change={rowChange(r, 'lastYear')} />
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
        <SourceLine note={s.note} />
      </>
    ) : (
      <p className="text-sm text-ink-subtle">No figures for this month.</p>
    ),
  charts: ({ section: s }) => (
    <div className="space-y-4">
      {s.charts.map((spec) => (
        <ChartCard key={spec.id} spec={spec} />
      ))}
      <SourceLine note={s.note} />
    </div>
  ),
  yearKpis: ({ section: { kpis, year } }) =>
    kpis.length ? (
      <>
        <Table caption={`KPIs in ${year} against their targets`}>
          <THead>
            <Th compact>KPI</Th>
            <Th compact numeric>
              {year}
            </Th>
            <Th compact>How</Th>
            <Th compact numeric>
              Target
            </Th>
            <Th compact numeric>
              Months meeting it
            </Th>
            <Th compact numeric>
              {Number(year) - 1}
            </Th>
          </THead>
          <TBody>
            {kpis.map((k) => (
              <tr key={k.key}>
                <Th compact scope="row" className="text-left font-medium">
                  {k.label}
                </Th>
                <Td compact numeric>
                  {yearKpiValue(k)}
                </Td>
                <Td compact>{YEAR_METHOD_TEXT[k.method]}</Td>
                <Td compact numeric>
                  {k.target === null ? '–' : formatMetric(k.target, k.unit, k.decimals)}
                </Td>
                <Td compact numeric>
                  {k.monthsMet === null ? '–' : `${k.monthsMet} of ${k.monthsWithValue}`}
                </Td>
                <Td compact numeric>
                  {yearKpiValue(k, k.lastYear)}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
        <p className="mt-2 text-xs text-ink-subtle">
          A rate or a time (satisfaction, handle time) is the average of the months that have a value, each month
          counting once. A count such as a backlog is a level at a moment, so the year shows its last month’s value.
        </p>
      </>
    ) : (
      <p className="text-sm text-ink-subtle">No KPIs were measured in {year}.</p>
    ),
  mostThanked: ({ section: s }) =>
    s.editions.length ? (
      <ol className="space-y-2">
        {s.editions.map((e) => (
          <li key={e.month} className={card}>
            <Link href={`/reviews/${s.slug}/${e.month}`} className="font-semibold text-accent underline">
              {monthLabel(e.month)}: {e.title}
            </Link>
            <span className="block text-xs text-ink-subtle">
              {e.thanks} thank-you{e.thanks === 1 ? '' : 's'}
            </span>
          </li>
        ))}
      </ol>
    ) : (
      <p className="text-sm text-ink-subtle">No monthly edition was thanked this year.</p>
    ),
  wins: ({ section: s }) => (
    <ul className="space-y-3">
      {s.wins.map((w) => (
        <li key={w.id} className={card}>
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
  ),
  meetTheTeam: ({ section: s }) => (
    <ul className="grid gap-4 md:grid-cols-2">
      {s.people.map((p) => (
        <li key={p.id} className={`${card} p-5`}>
          <h3 className="text-lg font-semibold text-ink">
            <Link href={`/people/${p.id}`} className="underline-offset-2 hover:underline">
              {p.name}
            </Link>
          </h3>
          <p className="text-sm text-ink-muted">
            {p.title} · {teamSinceText(p.teamSince)}
          </p>
          <PlainText text={p.bio} className="mt-3 text-ink" />
          {p.quotes.length ? (
            <div className="mt-4 space-y-3">
              {p.quotes.map((q) => (
                <figure key={q.id} className="border-l-4 border-accent-line pl-3">
                  <blockquote>
                    <PlainText text={q.text} className="text-sm text-ink" />
                  </blockquote>
                  <figcaption className="mt-1 text-xs text-ink-muted">
                    <span aria-hidden="true">— </span>
                    <cite className="font-semibold not-italic">{q.cite}</cite>, {day(q.receivedOn)}
                  </figcaption>
                </figure>
              ))}
            </div>
          ) : null}
          {p.wins.length ? (
            <div className="mt-4">
              <h4 className="text-xs font-semibold tracking-wide text-ink-muted uppercase">Wins</h4>
              <ul className="mt-1 space-y-1 text-sm">
                {p.wins.map((w) => (
                  <li key={w.id}>
                    {w.title} <span className="text-xs text-ink-subtle">({day(w.occurredOn)})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  ),
  updates: ({ section: s }) => (
    <ul className="space-y-3">
      {s.updates.map((u) => (
        <li key={u.id} className={card}>
          <h3 className="font-semibold text-ink">{u.projectName}</h3>
          <p className="text-xs text-ink-subtle">
            {day(u.postedOn)} · {u.author}
          </p>
          <Markdown text={u.body} className="mt-2" />
        </li>
      ))}
    </ul>
  ),
  outcomes: ({ section: s }) => (
    <>
      <p className="mb-3 text-sm text-ink-muted">What the organisation did since the last edition, thanks to you.</p>
      <ul className="space-y-3">
        {s.outcomes.map((o) => {
          const source = outcomeSource(o);
          return (
            <li key={o.id} className={`${card} border-l-4 border-accent-line`}>
              <p className="text-xs font-semibold tracking-wide text-accent uppercase">{o.kindLabel}</p>
              <p className="mt-1 text-ink">{o.text}</p>
              <p className="mt-1 text-xs text-ink-subtle">
                {day(o.occurredOn)}
                {source ? ` · ${source}` : ''}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  ),
  yearOutcomes: ({ section: s }) => (
    <ol className="space-y-2 border-l-2 border-accent-line pl-4" data-testid="year-outcomes">
      {s.outcomes.map((o) => (
        <li key={o.id} className="print:break-inside-avoid">
          <span className="block text-xs font-semibold tracking-wide text-accent uppercase">
            {OUTCOME_LABELS[o.kind] ?? 'Outcome'} · {day(o.occurredOn)}
          </span>
          <span className="text-ink">{o.text}</span>
        </li>
      ))}
    </ol>
  ),
  people: ({ section: s }) => (
    <>
      <p className="mb-3 text-sm text-ink-muted">
        Everyone a customer quote or a win named this year, in alphabetical order.
      </p>
      <ul className="flex flex-wrap gap-2" aria-label="People credited this year" data-testid="year-people">
        {s.people.map((p) => (
          <li key={p.id} className="rounded-full bg-surface px-3 py-1 text-sm text-ink ring-1 ring-line">
            {p.name}
          </li>
        ))}
      </ul>
    </>
  ),
  followUps: ({ section: s }) => (
    <div className="rounded-lg bg-surface p-4 ring-1 ring-line" data-testid="edition-follow-ups">
      <Markdown text={s.markdown} />
    </div>
  ),
  asks: ({ section: s }) => (
    <div className="rounded-lg bg-accent-surface p-4 ring-1 ring-accent-line/25">
      {s.markdown ? <Markdown text={s.markdown} /> : null}
      {s.tracked.length ? (
        <>
          <ul className="mt-3 space-y-3 first:mt-0" aria-label="Tracked asks">
            {s.tracked.map((ask) => (
              <li
                key={ask.id}
                className="rounded-md bg-surface p-3 ring-1 ring-line print:break-inside-avoid"
                data-testid="edition-tracked-ask"
              >
                <p className="text-xs font-semibold tracking-wide text-accent uppercase">To {ask.department}</p>
                <h3 className="font-semibold text-ink">{ask.title}</h3>
                {ask.details.trim() ? <Markdown text={ask.details} className="mt-1 text-sm" /> : null}
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm print:hidden">
            <Link href={`/asks?team=${encodeURIComponent(s.slug)}`} className="font-medium text-accent underline">
              Answer or follow these asks on the asks page
            </Link>
          </p>
        </>
      ) : null}
    </div>
  ),
  department: DepartmentSectionBody,
};

/** Test ids the browser tests find whole sections by (heading included). */
const TEST_ID: Partial<Record<SectionKind, string>> = { meetTheTeam: 'meet-the-team' };

/** One section of the edition under its heading, the same heading the email and chat use. */
export function PageSection({ section }: { section: EditionSection }) {
  const Render = PAGE[section.kind] as Body<typeof section.kind>;
  return (
    <section
      aria-labelledby={section.id}
      className="mt-10 print:mt-6"
      data-section={section.kind}
      data-testid={TEST_ID[section.kind]}
    >
      <h2 id={section.id} className="mb-3 text-xl font-bold text-ink print:break-after-avoid">
        {section.title}
      </h2>
      <Render section={section as never} />
    </section>
  );
}
