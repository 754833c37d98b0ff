import 'server-only';
import { db, type DbClient } from '../db';

/** A count over fewer people than this could say what one person did: such groups are merged. */
export const MIN_GROUP_SIZE = 3;
export const OTHER_DEPARTMENTS = 'Other departments';
export const NO_DEPARTMENT = 'No department';

export type DepartmentGroups = {
  /** The label a person's department is counted under: its name, or "Other departments" when small. */
  of: (departmentId: string | null | undefined) => string;
  /** Active people per label. */
  members: Map<string, number>;
};

/**
 * How departments are shown wherever people are counted by department (reach, impact, an
 * edition's readership, their charts and CSVs): a department with fewer than three active members
 * is counted under "Other departments", and so are people without a department when they are
 * fewer than three, so no count can be one or two identifiable people's. For reads that have
 * already checked the actor.
 */
export async function loadDepartmentGroupsUnchecked(client: DbClient = db): Promise<DepartmentGroups> {
  const [departments, sizes] = await Promise.all([
    client.department.findMany({ select: { id: true, name: true } }),
    client.user.groupBy({ by: ['departmentId'], where: { active: true }, _count: { _all: true } }),
  ]);
  const size = new Map(sizes.map((s) => [s.departmentId, s._count._all]));
  const label = new Map<string | null, string>(
    departments.map((d) => [d.id, (size.get(d.id) ?? 0) >= MIN_GROUP_SIZE ? d.name : OTHER_DEPARTMENTS]),
  );
  label.set(null, (size.get(null) ?? 0) >= MIN_GROUP_SIZE ? NO_DEPARTMENT : OTHER_DEPARTMENTS);
  const of = (departmentId: string | null | undefined) => label.get(departmentId ?? null) ?? OTHER_DEPARTMENTS;
  const members = new Map<string, number>();
  for (const s of sizes) members.set(of(s.departmentId), (members.get(of(s.departmentId)) ?? 0) + s._count._all);
  return { of, members };
}

/** Labels in the order tables show them: the given order, with the merged groups last. */
export const mergedLast = (name: string) => (name === NO_DEPARTMENT ? 2 : name === OTHER_DEPARTMENTS ? 1 : 0);
