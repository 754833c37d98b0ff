import { formatDay, parseDay } from '@/lib/dates/day';
import { outcomeSource, type EditionOutcome } from '@/lib/outcomes/shape';

const day = (value: string) => {
  const d = parseDay(value);
  return d ? formatDay(d) : value;
};

/**
 * "What changed": what the organisation did since the last edition because of the team's
 * advocacy. Editions frozen before outcomes existed have none and show nothing.
 */
export function EditionOutcomes({ outcomes }: { outcomes: EditionOutcome[] | undefined }) {
  if (!outcomes?.length) return null;
  return (
    <section aria-labelledby="outcomes" className="mt-10 print:mt-6">
      <h2 id="outcomes" className="mb-3 text-xl font-bold text-ink print:break-after-avoid">
        What changed
      </h2>
      <p className="mb-3 text-sm text-ink-muted">What the organisation did since the last edition, thanks to you.</p>
      <ul className="space-y-3">
        {outcomes.map((o) => {
          const source = outcomeSource(o);
          return (
            <li
              key={o.id}
              className="rounded-lg border-l-4 border-accent-line bg-surface p-4 shadow-sm ring-1 ring-line print:break-inside-avoid print:shadow-none"
            >
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
    </section>
  );
}
