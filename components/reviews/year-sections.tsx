import Link from 'next/link';
import type { ReactNode } from 'react';
import { Markdown } from '@/components/stories/markdown';
import { PersonLinks } from '@/components/stories/person-links';
import { PlainText } from '@/components/stories/plain-text';
import { TBody, Td, Th, THead, Table } from '@/components/ui/table';
import { monthLabel } from '@/lib/dates/month';
import { formatDay, parseDay } from '@/lib/dates/day';
import { CHANNEL_LABELS } from '@/lib/quotes/schemas';
import { formatMetric, type EditionQuote, type EditionWin } from '@/lib/reviews/content';
import { OUTCOME_LABELS, type YearContent, type YearKpi } from '@/lib/year-review/content';
import type { QuoteChannel } from '@/lib/generated/prisma/enums';

const card = 'rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line print:break-inside-avoid print:shadow-none';

export const day = (value: string) => {
  const d = parseDay(value);
  return d ? formatDay(d) : value;
};

export function YearSection({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="mt-10 print:mt-6">
      <h2 id={id} className="mb-3 text-xl font-bold text-ink print:break-after-avoid">
        {title}
      </h2>
      {children}
    </section>
  );
}

const METHOD_TEXT = {
  average: 'Average of the months',
  last: 'Last month’s value',
} as const;

/** The year's KPIs against their targets, with how each year figure was made and why. */
export function YearKpiTable({ kpis, year }: { kpis: YearKpi[]; year: string }) {
  if (!kpis.length) return <p className="text-sm text-ink-subtle">No KPIs were measured in {year}.</p>;
  return (
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
                {formatMetric(k.value, k.unit, k.method === 'average' ? k.decimals + 1 : k.decimals)}
              </Td>
              <Td compact>{METHOD_TEXT[k.method]}</Td>
              <Td compact numeric>
                {k.target === null ? '–' : formatMetric(k.target, k.unit, k.decimals)}
              </Td>
              <Td compact numeric>
                {k.monthsMet === null ? '–' : `${k.monthsMet} of ${k.monthsWithValue}`}
              </Td>
              <Td compact numeric>
                {formatMetric(k.lastYear, k.unit, k.method === 'average' ? k.decimals + 1 : k.decimals)}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <p className="mt-2 text-xs text-ink-subtle">
        A rate or a time (satisfaction, handle time) is the average of the months that have a value, each month counting
        once. A count such as a backlog is a level at a moment, so the year shows its last month’s value.
      </p>
    </>
  );
}

export function MostThanked({ editions, slug }: { editions: YearContent['mostThanked']; slug: string }) {
  if (!editions.length) return <p className="text-sm text-ink-subtle">No monthly edition was thanked this year.</p>;
  return (
    <ol className="space-y-2">
      {editions.map((e) => (
        <li key={e.month} className={card}>
          <Link href={`/reviews/${slug}/${e.month}`} className="font-semibold text-accent underline">
            {monthLabel(e.month)}: {e.title}
          </Link>
          <span className="block text-xs text-ink-subtle">
            {e.thanks} thank-you{e.thanks === 1 ? '' : 's'}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function YearQuotes({ quotes }: { quotes: EditionQuote[] }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {quotes.map((q) => (
        <figure key={q.id} className={card} data-testid="edition-quote">
          <blockquote className="border-l-4 border-accent-line pl-4 text-ink">
            <PlainText text={q.pullQuote ?? q.text} className={q.pullQuote ? 'text-lg font-medium' : ''} />
          </blockquote>
          <figcaption className="mt-3 text-sm text-ink-muted">
            <span aria-hidden="true">— </span>
            <cite className="font-semibold text-ink not-italic">{q.cite}</cite>
            <span className="block text-xs text-ink-subtle">
              {CHANNEL_LABELS[q.channel as QuoteChannel] ?? q.channel} · {day(q.receivedOn)}
            </span>
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

export function YearWins({ wins }: { wins: EditionWin[] }) {
  return (
    <ul className="space-y-3">
      {wins.map((w) => (
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
  );
}

export function YearOutcomes({ outcomes }: { outcomes: YearContent['outcomes'] }) {
  return (
    <ol className="space-y-2 border-l-2 border-accent-line pl-4" data-testid="year-outcomes">
      {outcomes.map((o) => (
        <li key={o.id} className="print:break-inside-avoid">
          <span className="block text-xs font-semibold tracking-wide text-accent uppercase">
            {OUTCOME_LABELS[o.kind] ?? 'Outcome'} · {day(o.occurredOn)}
          </span>
          <span className="text-ink">{o.text}</span>
        </li>
      ))}
    </ol>
  );
}

/** Names only, alphabetical: who customers and colleagues credited, never how often. */
export function YearPeople({ people }: { people: YearContent['people'] }) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label="People credited this year" data-testid="year-people">
      {people.map((p) => (
        <li key={p.id} className="rounded-full bg-surface px-3 py-1 text-sm text-ink ring-1 ring-line">
          {p.name}
        </li>
      ))}
    </ul>
  );
}
