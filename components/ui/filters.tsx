// The filter bars above the quote wall, the wins and the projects: GET forms whose choices live in
// the URL, so a filtered view is a link.

/** The look of a filter control (a plain GET form: no field errors to show). */
export const filterControl =
  'mt-1 block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm shadow-sm';

/** "Team": all teams, or one, by its slug. */
export function TeamFilter({
  teams,
  value,
}: {
  teams: { id: string; name: string; slug: string }[];
  value: string | undefined;
}) {
  return (
    <div>
      <label htmlFor="team" className="block text-sm font-medium">
        Team
      </label>
      <select id="team" name="team" defaultValue={value ?? ''} className={filterControl}>
        <option value="">All teams</option>
        {teams.map((t) => (
          <option key={t.id} value={t.slug}>
            {t.name}
          </option>
        ))}
      </select>
    </div>
  );
}
