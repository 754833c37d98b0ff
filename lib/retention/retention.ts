import 'server-only';
import { db } from '../db';
import { env } from '../env.js';

/** Sign-in attempts only feed the 15-minute throttle; a month is ample for looking into an incident. */
export const SIGN_IN_ATTEMPT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type RetentionResult = { signInAttemptsDeleted: number; auditIpsCleared: number };

/**
 * Deletes sign-in attempts older than 30 days and clears the IP address of audit events older
 * than AUDIT_IP_RETENTION_DAYS (the event itself is kept: who did what, when). Idempotent, so
 * every instance may run it.
 */
export async function applyRetention(
  now = new Date(),
  auditIpDays = env().AUDIT_IP_RETENTION_DAYS,
): Promise<RetentionResult> {
  const attempts = await db.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_ATTEMPT_DAYS * DAY_MS) } },
  });
  const ips = await db.auditEvent.updateMany({
    where: { ip: { not: null }, createdAt: { lt: new Date(now.getTime() - auditIpDays * DAY_MS) } },
    data: { ip: null },
  });
  return { signInAttemptsDeleted: attempts.count, auditIpsCleared: ips.count };
}
