import Link from 'next/link';

type YearEdition = {
  id: string;
  month: string;
  title: string;
  team: { name: string; slug: string };
  thanks: number;
  updated: boolean;
};

/** The archive's years in review, apart from the months: each team's year, newest year first. */
export function YearReviewList({ editions }: { editions: YearEdition[] }) {
  return (
    <section aria-labelledby="years-in-review" className="mb-8">
      <h2 id="years-in-review" className="mb-2 text-lg font-semibold text-ink">
        Years in review
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {editions.map((e) => (
          <li key={e.id}>
            <Link
              href={`/reviews/${e.team.slug}/${e.month}`}
              className="block h-full rounded-lg bg-accent-surface p-4 shadow-sm ring-1 ring-accent-line/25 hover:ring-accent-line"
            >
              <span className="block text-xs font-semibold tracking-wide text-accent uppercase">
                {e.team.name} · {e.month} year in review
              </span>
              <span className="mt-1 block font-semibold text-ink">{e.title}</span>
              <span className="mt-1 block text-xs text-ink-subtle">
                {e.thanks} thank-you{e.thanks === 1 ? '' : 's'}
                {e.updated ? ' · updated after publishing' : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
