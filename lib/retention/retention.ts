import 'server-only';
import { db } from '../db';
import { env } from '../env.js';

/**
 * Failed and throttled sign-in attempts are audit events (lib/sign-in.ts) kept for looking into
 * an incident; a month is ample. Successful sign-ins stay: they are the account's history.
 */
export const SIGN_IN_ATTEMPT_DAYS = 30;
const ATTEMPT_ACTIONS = ['auth.sign_in_failed', 'auth.sign_in_throttled'];
const DAY_MS = 24 * 60 * 60 * 1000;

export type RetentionResult = { signInAttemptsDeleted: number; auditIpsCleared: number };

/**
 * Deletes failed sign-in attempts older than 30 days and expired sign-in budgets, and clears the IP address of audit events older
 * than AUDIT_IP_RETENTION_DAYS (the event itself is kept: who did what, when). Idempotent, so
 * every instance may run it.
 */
export async function applyRetention(
  now = new Date(),
  auditIpDays = env().AUDIT_IP_RETENTION_DAYS,
): Promise<RetentionResult> {
  const attempts = await db.auditEvent.deleteMany({
    where: {
      action: { in: ATTEMPT_ACTIONS },
      createdAt: { lt: new Date(now.getTime() - SIGN_IN_ATTEMPT_DAYS * DAY_MS) },
    },
  });
  await db.signInLimit.deleteMany({ where: { expiresAt: { lt: now } } });
  const ips = await db.auditEvent.updateMany({
    where: { ip: { not: null }, createdAt: { lt: new Date(now.getTime() - auditIpDays * DAY_MS) } },
    data: { ip: null },
  });
  return { signInAttemptsDeleted: attempts.count, auditIpsCleared: ips.count };
}
