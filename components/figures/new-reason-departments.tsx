'use client';
import { SelectField } from '@/components/ui/field';
import { departmentField, type NewReasonDepartments } from '@/lib/figures/new-reason-departments';
import { DepartmentOptions } from '@/components/departments/department-options';

/**
 * Each reason an import will create (the help-desk export's and the monthly CSV's) asks which
 * department's work causes it (optional): linked in the import's own transaction, as in Team settings.
 * What was chosen stays in the page's state, so a refused import loses nothing; a refused choice shows
 * its error under its select. Each select is named by its field, so inside a form it is submitted too.
 * Labelled "Department for …" so it is never taken for the ticket import's value select above, which
 * starts with the value.
 */
export function NewReasonDepartmentsChoice({
  reasons,
  departments,
  chosen,
  errors,
  onChange,
}: {
  reasons: string[];
  departments: { id: string; name: string }[];
  chosen: NewReasonDepartments;
  errors?: Record<string, string[] | undefined>;
  onChange: (field: string, departmentId: string) => void;
}) {
  if (!reasons.length || !departments.length) return null;
  return (
    <fieldset className="rounded-md p-3 ring-1 ring-line" data-testid="new-reason-departments">
      <legend className="px-1 text-sm font-semibold">New reasons: which department causes them? (optional)</legend>
      <p className="text-xs text-ink-muted">
        Readers in that department see these contacts first in every edition. You can change this later in Team
        settings.
      </p>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {reasons.map((reason, i) => {
          const field = departmentField(reason);
          return (
            <SelectField
              key={field}
              id={`new-reason-department-${i}`}
              name={field}
              label={`Department for “${reason}”`}
              value={chosen[field] ?? ''}
              errors={errors?.[field]}
              onChange={(e) => onChange(field, e.target.value)}
            >
              <DepartmentOptions departments={departments} />
            </SelectField>
          );
        })}
      </div>
    </fieldset>
  );
}
