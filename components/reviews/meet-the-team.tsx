import Link from 'next/link';
import { PlainText } from '@/components/stories/plain-text';
import { formatDay, parseDay } from '@/lib/dates/day';
import { MEET_THE_TEAM_TITLE, teamSinceText, type MeetTheTeamPerson } from '@/lib/profiles/edition';

const day = (value: string) => {
  const d = parseDay(value);
  return d ? formatDay(d) : value;
};

/** The edition's "Meet the team": the featured teammates in their own words, with praise that credits them. */
export function MeetTheTeamSection({ people }: { people: MeetTheTeamPerson[] | undefined }) {
  if (!people?.length) return null;
  return (
    <section aria-labelledby="meet-the-team" className="mt-10 print:mt-6" data-testid="meet-the-team">
      <h2 id="meet-the-team" className="mb-3 text-xl font-bold text-ink print:break-after-avoid">
        {MEET_THE_TEAM_TITLE}
      </h2>
      <ul className="grid gap-4 md:grid-cols-2">
        {people.map((p) => (
          <li
            key={p.id}
            className="rounded-lg bg-surface p-5 shadow-sm ring-1 ring-line print:break-inside-avoid print:shadow-none"
          >
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
    </section>
  );
}
