// The filter bars above the quote wall, the wins and the projects: GET forms whose choices live in
// the URL, so a filtered view is a link.
import { SelectField } from './field';

/** "Team": all teams, or one, by its slug. */
export function TeamFilter({
  teams,
  value,
}: {
  teams: { id: string; name: string; slug: string }[];
  value: string | undefined;
}) {
  return (
    <SelectField label="Team" name="team" defaultValue={value ?? ''}>
      <option value="">All teams</option>
      {teams.map((t) => (
        <option key={t.id} value={t.slug}>
          {t.name}
        </option>
      ))}
    </SelectField>
  );
}
