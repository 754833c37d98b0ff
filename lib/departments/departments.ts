import 'server-only';
import type { Prisma } from '../generated/prisma/client';
import { db } from '../db';
import { assertRole, type Actor } from '../authz';
import { nameField, nameKeyOf, normaliseName } from '../names';

type Tx = Prisma.TransactionClient | typeof db;

/** One department however it is typed: "Sales", " sales" and "SALES" share a key. */
export const departmentKey = nameKeyOf;

/**
 * The department's id for a name, made on first use; null for an empty name. The first spelling
 * stays the shown name. Called inside the caller's transaction. INSERT … ON CONFLICT DO NOTHING
 * then a read, so two sign-ins naming a new department at once make one row and neither fails.
 */
export async function resolveDepartmentId(tx: Tx, name: string | null | undefined): Promise<string | null> {
  const clean = normaliseName(name ?? '');
  if (!clean) return null;
  const key = departmentKey(clean);
  await tx.department.createMany({ data: [{ name: clean, key }], skipDuplicates: true });
  const row = await tx.department.findUniqueOrThrow({ where: { key }, select: { id: true } });
  return row.id;
}

/** Departments known so far, for the admin's suggestions. */
export async function listDepartmentNames(actor: Actor): Promise<string[]> {
  assertRole(actor, 'ADMIN');
  const rows = await db.department.findMany({ orderBy: { name: 'asc' }, select: { name: true } });
  return rows.map((r) => r.name);
}

const claimName = nameField({ max: 80, empty: 'empty', tooLong: 'too long' });

/**
 * The department an identity provider states in the claim named by OIDC_DEPARTMENT_CLAIM:
 * undefined when the claim is not configured, absent or unusable (the department is then left as
 * the admin set it), null when the provider sends it empty (the person has none), else the name.
 * Providers send a string or a list of strings; the first is taken.
 */
export function departmentFromClaims(
  claims: Record<string, unknown> | null | undefined,
  claim: string | undefined,
): string | null | undefined {
  if (!claim || !claims || !(claim in claims)) return undefined;
  const raw = claims[claim];
  const value = Array.isArray(raw) ? raw.find((v) => typeof v === 'string') : raw;
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return undefined;
  if (normaliseName(value) === '') return null;
  const parsed = claimName.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
