import Link from 'next/link';
import type { ReactNode } from 'react';
import { Markdown } from '@/components/stories/markdown';
import type { EditionSnapshot } from '@/lib/reviews/content';

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10 print:mt-6">
      <h2 id={id} className="mb-3 text-xl font-bold text-ink print:break-after-avoid">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * "Following up" (what was done and what is still open since earlier editions) and "How you can
 * help": the leader's words, then each tracked ask with the department it is addressed to. Older
 * revisions have neither tracked field and show the words alone, as they always did.
 */
export function EditionAsks({ snapshot }: { snapshot: EditionSnapshot }) {
  const followUps = snapshot.followUps?.trim() ?? '';
  const tracked = snapshot.trackedAsks ?? [];
  const slug = snapshot.content.team.slug;
  return (
    <>
      {followUps ? (
        <Section title="Following up on our asks" id="follow-ups">
          <div className="rounded-lg bg-surface p-4 ring-1 ring-line" data-testid="edition-follow-ups">
            <Markdown text={followUps} />
          </div>
        </Section>
      ) : null}
      {snapshot.asks.trim() || tracked.length ? (
        <Section title="How you can help" id="asks">
          <div className="rounded-lg bg-accent-surface p-4 ring-1 ring-accent-line/25">
            {snapshot.asks.trim() ? <Markdown text={snapshot.asks} /> : null}
            {tracked.length ? (
              <ul className="mt-3 space-y-3 first:mt-0" aria-label="Tracked asks">
                {tracked.map((ask) => (
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
            ) : null}
            {tracked.length ? (
              <p className="mt-3 text-sm print:hidden">
                <Link href={`/asks?team=${encodeURIComponent(slug)}`} className="font-medium text-accent underline">
                  Answer or follow these asks on the asks page
                </Link>
              </p>
            ) : null}
          </div>
        </Section>
      ) : null}
    </>
  );
}
