import Link from 'next/link';

/** Credited people, each linking to their page. */
export function PersonLinks({ people }: { people: { id: string; name: string }[] }) {
  return (
    <>
      {people.map((person, i) => (
        <span key={person.id}>
          {i > 0 ? ', ' : ''}
          <Link href={`/people/${person.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
            {person.name}
          </Link>
        </span>
      ))}
    </>
  );
}
