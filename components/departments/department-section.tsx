// "For your department" on the page (and so in print): the reader's department's frozen part.
import Link from 'next/link';
import { PlainText } from '@/components/stories/plain-text';
import { TBody, Td, Th, THead, Table } from '@/components/ui/table';
import { TONE_CLASS } from '@/lib/change';
import { ASK_STATUS_TEXT, DIMENSION_WORDS, lensChange, lensHeadline } from '@/lib/editions/department-lens';
import type { SectionOf } from '@/lib/editions/sections';
import { formatMetric } from '@/lib/editions/content';
import { monthLabel } from '@/lib/dates/month';

const card = 'rounded-lg bg-surface p-4 shadow-sm ring-1 ring-line print:break-inside-avoid print:shadow-none';

export function DepartmentSectionBody({
  section: { lens, quote, outcomes, month },
}: {
  section: SectionOf<'department'>;
}) {
  const changes = [
    { label: 'vs last month', change: lensChange(lens, 'lastMonth') },
    { label: 'vs last year', change: lensChange(lens, 'lastYear') },
  ];
  return (
    <div className={`${card} border-l-4 border-accent-line`} data-testid="department-section">
      <p className="text-lg font-semibold text-ink">{lensHeadline(lens)}</p>
      <p className="mt-1 text-sm text-ink-muted">
        {changes.map(({ label, change }, i) => (
          <span key={label}>
            {i ? ' · ' : ''}
            {label}{' '}
            <span
              className={`font-medium whitespace-nowrap ${change.amount === null ? 'text-ink-subtle' : TONE_CLASS[change.tone]}`}
            >
              {change.text}
            </span>
          </span>
        ))}
      </p>
      {lens.reasons.length ? (
        <div className="mt-3">
          <Table
            caption={`Contacts by ${lens.department}’s ${DIMENSION_WORDS[lens.dimension ?? 'reason'].plural}, ${monthLabel(month)}`}
          >
            <THead>
              <Th compact>{DIMENSION_WORDS[lens.dimension ?? 'reason'].heading}</Th>
              <Th compact numeric>
                Contacts
              </Th>
            </THead>
            <TBody>
              {lens.reasons.map((r) => (
                <tr key={r.name}>
                  <Th compact scope="row" className="text-left font-medium">
                    {r.name}
                  </Th>
                  <Td compact numeric>
                    {formatMetric(r.count)}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </div>
      ) : null}
      {quote ? (
        <figure className="mt-4 border-l-4 border-accent-line pl-4">
          <blockquote className="text-ink">
            <PlainText text={quote.pullQuote ?? quote.text} />
          </blockquote>
          <figcaption className="mt-1 text-sm text-ink-muted">
            <span aria-hidden="true">— </span>
            <cite className="font-semibold not-italic">{quote.cite}</cite>
          </figcaption>
        </figure>
      ) : null}
      {lens.asks.length ? (
        <>
          <h3 className="mt-4 text-sm font-semibold text-ink">Asks to {lens.department}</h3>
          <ul className="mt-1 space-y-1 text-sm" aria-label={`Asks to ${lens.department}`}>
            {lens.asks.map((a) => (
              <li key={a.id}>
                <span className="font-medium text-ink">{a.title}</span>{' '}
                <span className="rounded bg-accent-surface px-1.5 py-0.5 text-xs font-semibold text-accent">
                  {ASK_STATUS_TEXT[a.status]}
                </span>
                {a.answer ? <span className="block text-ink-muted">{a.answer}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {outcomes.length ? (
        <>
          <h3 className="mt-4 text-sm font-semibold text-ink">What {lens.department} changed</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {outcomes.map((o) => (
              <li key={o.id}>
                <span className="font-semibold text-accent">{o.kindLabel}:</span> {o.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="mt-4 text-sm print:hidden">
        <Link
          href={`/departments/${encodeURIComponent(lens.departmentId)}`}
          className="font-medium text-accent underline"
        >
          {lens.department}’s last twelve months
        </Link>
      </p>
    </div>
  );
}
