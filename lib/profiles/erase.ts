import 'server-only';
import type { Tx } from '../db';

/** Every edition that chose to feature the person forgets them; returns how many did. */
export async function unfeatureTx(tx: Tx, userId: string): Promise<number> {
  const featuring = await tx.review.findMany({
    where: { meetTheTeamIds: { has: userId } },
    select: { id: true, meetTheTeamIds: true },
  });
  for (const review of featuring)
    await tx.review.update({
      where: { id: review.id },
      data: { meetTheTeamIds: review.meetTheTeamIds.filter((id) => id !== userId) },
    });
  return featuring.length;
}

/**
 * For erasure (lib/privacy/erase.ts), inside its transaction: the person's profile goes, no edition
 * keeps them chosen, and the audit trail of their profile keeps what happened but not their words.
 * Published editions lose their "Meet the team" entry with the other snapshot changes there.
 */
export async function eraseProfileTx(tx: Tx, userId: string): Promise<void> {
  await tx.teamProfile.deleteMany({ where: { userId } });
  await unfeatureTx(tx, userId);
  await tx.$executeRaw`
    UPDATE "AuditEvent" SET before = NULL, after = NULL
    WHERE "entityType" = 'TeamProfile' AND "entityId" = ${userId}`;
}
