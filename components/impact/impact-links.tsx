import Link from 'next/link';

/** Each team's impact view, for everyone: the team's case to the organisation. */
export function ImpactLinks({ teams }: { teams: { id: string; name: string; slug: string }[] }) {
  if (!teams.length) return null;
  return (
    <nav aria-label="Impact" className="-mt-3 mb-6 flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {teams.map((t) => (
        <Link key={t.id} href={`/reviews/${t.slug}/impact`} className="font-medium text-accent underline">
          Impact: {t.name}
        </Link>
      ))}
    </nav>
  );
}
