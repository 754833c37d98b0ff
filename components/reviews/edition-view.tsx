import type { ReactNode } from 'react';
import { PageSection } from '@/components/editions/page-sections';
import { monthLabel } from '@/lib/dates/month';
import type { EditionSnapshot } from '@/lib/editions/content';
import { editionSections, type EditionLens } from '@/lib/editions/sections';
import { formatInstantDay } from '@/lib/dates/zone';
import { SAY_THANKS_ID } from './say-thanks';

export type EditionHistory = { revision: number; note: string | null; at: Date }[];

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
  thanksLink = false,
  lens = {},
}: {
  snapshot: EditionSnapshot;
  publishedAt?: Date | null;
  /** The team's time zone: publishing and corrections are instants, shown as days there. */
  zone: string;
  history?: EditionHistory;
  banner?: ReactNode;
  /** The page has the reader's "Say thanks" card (ReaderCards) under the edition: link to it from the top. */
  thanksLink?: boolean;
  /** The reader's department: its "For your department" section comes first. */
  lens?: EditionLens;
}) {
  const { content, year } = snapshot;
  const latest = history[0];
  const corrected = latest && latest.revision > 1 ? latest : null;
  return (
    <article
      className="edition mx-auto max-w-4xl"
      aria-labelledby="edition-title"
      {...(year ? { 'data-testid': 'year-review' } : {})}
    >
      {banner}
      <header className="border-b border-line pb-4">
        <p className="text-sm font-semibold tracking-wide text-accent uppercase">
          {content.team.name} · {year ? `${year.year} year in review` : monthLabel(content.month)}
        </p>
        <h1 id="edition-title" className="mt-1 text-3xl font-bold tracking-tight text-ink">
          {snapshot.title}
        </h1>
        {publishedAt ? (
          <p className="mt-1 text-sm text-ink-subtle">Published {formatInstantDay(publishedAt, zone)}</p>
        ) : null}
        {thanksLink ? (
          // The card is at the very end, thousands of pixels down on a phone.
          <p className="no-print mt-2 text-sm">
            <a href={`#${SAY_THANKS_ID}`} className="font-medium text-accent underline">
              Say thanks to the team
            </a>
          </p>
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

      {editionSections(snapshot, lens).map((section) => (
        <PageSection key={section.id} section={section} />
      ))}

      {history.length ? (
        <section aria-labelledby="revisions" className="mt-10 print:mt-6">
          <h2 id="revisions" className="mb-3 text-xl font-bold text-ink print:break-after-avoid">
            Revision history
          </h2>
          <ol className="space-y-1 text-sm text-ink-muted">
            {history.map((h) => (
              <li key={h.revision}>
                <span className="font-medium">Revision {h.revision}</span>, {formatInstantDay(h.at, zone)}:{' '}
                {h.note ?? 'first published'}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
