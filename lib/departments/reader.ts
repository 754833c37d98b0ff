import 'server-only';
import { db } from '../db';
import { assertSignedIn, type Actor } from '../authz';

/** The signed-in reader's own department, read from the database (the session does not carry it). */
export async function readOwnDepartmentId(actor: Actor): Promise<string | null> {
  assertSignedIn(actor);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { departmentId: true } });
  return user?.departmentId ?? null;
}
