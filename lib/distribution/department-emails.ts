import 'server-only';
import { db } from '../db';
import type { EditionSnapshot } from '../editions/content';
import { renderEditionEmail } from '../editions/email-render';

type Rendered = Awaited<ReturnType<typeof renderEditionEmail>>;

/**
 * The edition email for each recipient: the general one, or, for a user whose department has a
 * "For your department" part in the snapshot, the one that opens with it. Rendered once per
 * department, not per person. For the outbox worker, which acts for the system (no actor).
 */
export async function renderEditionEmailsUnchecked(
  snapshot: EditionSnapshot,
  link: string,
  recipients: string[],
): Promise<(address: string) => Rendered> {
  const general = await renderEditionEmail(snapshot, link);
  const parts = snapshot.year ? [] : (snapshot.departments ?? []);
  if (!parts.length || !recipients.length) return () => general;
  const users = await db.user.findMany({
    where: { email: { in: recipients }, active: true, departmentId: { in: parts.map((d) => d.departmentId) } },
    select: { email: true, departmentId: true },
  });
  const departmentOf = new Map(users.map((u) => [u.email.toLowerCase(), u.departmentId!]));
  const byDepartment = new Map<string, Rendered>();
  for (const departmentId of new Set(departmentOf.values()))
    byDepartment.set(departmentId, await renderEditionEmail(snapshot, link, { departmentId }));
  return (address) => byDepartment.get(departmentOf.get(address.toLowerCase()) ?? '') ?? general;
}
