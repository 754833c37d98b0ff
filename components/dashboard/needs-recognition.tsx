import Link from 'next/link';

/**
 * A leader's nudge towards fair recognition: teammates nobody credited lately, by name only (the
 * list comes alphabetical from lib/profiles/recognition.ts); no counts, no order of merit.
 */
export function NeedsRecognition({ people }: { people: { id: string; name: string }[] }) {
  if (!people.length) return null;
  return (
    <li data-testid="needs-recognition">
      Not credited in a quote or win for 90 days — worth a look:{' '}
      {people.map((p, i) => (
        <span key={p.id}>
          {i > 0 ? ', ' : ''}
          <Link href={`/people/${p.id}`} className="font-medium underline">
            {p.name}
          </Link>
        </span>
      ))}
    </li>
  );
}
