import { Field, SelectField } from '@/components/ui/field';

export type Option = { value: string; label: string };

/**
 * Where a person sits — role, team and department — as the create and edit forms ask it, with the
 * known departments offered as suggestions (a new name creates one).
 */
export function PlacementFields({
  roles,
  teams,
  departments,
  values,
  errors = {},
}: {
  roles: Option[];
  teams: Option[];
  departments: string[];
  values: { role: string; teamId: string; department: string };
  errors?: Partial<Record<'role' | 'teamId' | 'department', string[]>>;
}) {
  return (
    <>
      <SelectField label="Role" name="role" defaultValue={values.role} errors={errors.role}>
        {roles.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Team"
        name="teamId"
        defaultValue={values.teamId}
        errors={errors.teamId}
        hint="Required for leaders and agents."
      >
        <option value="">No team</option>
        {teams.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </SelectField>
      <Field
        label="Department"
        name="department"
        list="department-options"
        maxLength={80}
        autoComplete="off"
        defaultValue={values.department}
        errors={errors.department}
        hint="Optional, e.g. Sales or Finance: readership and reach are counted by department."
      />
      <datalist id="department-options">
        {departments.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
    </>
  );
}
