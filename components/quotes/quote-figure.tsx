import Link from 'next/link';
import { PersonLinks } from '@/components/stories/person-links';
import { PlainText } from '@/components/stories/plain-text';
import type { WallQuote } from '@/lib/quotes/quotes';
import { CHANNEL_LABELS } from '@/lib/quotes/schemas';
import { formatDay } from '@/lib/dates/day';

/**
 * A quotation as HTML means it: the customer's words in <blockquote>, who said it in <cite>
 * inside the <figcaption>, so screen readers announce it and print keeps it together.
 */
export function QuoteFigure({ quote, showTeam = true }: { quote: WallQuote; showTeam?: boolean }) {
  return (
    <figure
      className="flex h-full break-inside-avoid flex-col rounded-lg bg-surface p-5 shadow-sm ring-1 ring-line"
      data-testid="quote"
    >
      <blockquote className="relative border-l-4 border-accent-line pl-4 text-ink">
        <PlainText
          text={quote.pullQuote ?? quote.text}
          className={quote.pullQuote ? 'text-lg font-medium' : 'text-base'}
        />
      </blockquote>
      {quote.pullQuote ? (
        <details className="mt-2 pl-5 text-sm text-ink-muted">
          <summary className="cursor-pointer text-accent">Read the full quote</summary>
          <PlainText text={quote.text} className="mt-1" />
        </details>
      ) : null}
      <figcaption className="mt-auto pt-4 text-sm text-ink-muted">
        <span aria-hidden="true">— </span>
        <cite className="font-semibold text-ink not-italic">{quote.cite}</cite>
        <span className="block text-xs text-ink-subtle">
          {CHANNEL_LABELS[quote.channel]} ·{' '}
          <time dateTime={quote.receivedOn.toISOString().slice(0, 10)}>{formatDay(quote.receivedOn)}</time>
          {showTeam ? (
            <>
              {' · '}
              <Link href={`/quotes?team=${quote.team.slug}`} className="underline-offset-2 hover:underline">
                {quote.team.name}
              </Link>
            </>
          ) : null}
        </span>
        {quote.credited.length ? (
          <span className="mt-1 block text-xs">
            Thanks to <PersonLinks people={quote.credited} />
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
