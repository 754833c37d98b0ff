/** A department select's choices: none first, then each department by name. */
export function DepartmentOptions({ departments }: { departments: { id: string; name: string }[] }) {
  return (
    <>
      <option value="">No department</option>
      {departments.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </>
  );
}
