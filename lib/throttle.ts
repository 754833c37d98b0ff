import 'server-only';
import { db } from './db';
import { env } from './env';

export const SIGN_IN_LIMIT = { maxFailures: 5, windowMinutes: 15 } as const;

/**
 * The client address as the last trusted hop saw it. Next fills x-forwarded-for from the socket
 * when a request arrives without one; behind N proxies (TRUST_PROXY_HOPS) the client is the
 * entry N places from the right, since entries further left are whatever the client sent.
 */
export function clientIp(headers: Headers): string {
  const entries = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const hops = env().TRUST_PROXY_HOPS;
  return entries[Math.max(0, entries.length - 1 - hops)] ?? 'unknown';
}

/**
 * Refused when the email or the address has had 5 failures in the last 15 minutes (counted in
 * PostgreSQL, so the limit holds across every instance). A success clears the email's count.
 */
export async function isSignInThrottled(email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - SIGN_IN_LIMIT.windowMinutes * 60_000);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { email, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } } }),
    db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  return byEmail >= SIGN_IN_LIMIT.maxFailures || byIp >= SIGN_IN_LIMIT.maxFailures;
}

export async function recordSignInAttempt(email: string, ip: string, success: boolean) {
  await db.loginAttempt.create({ data: { email, ip, success } });
}
