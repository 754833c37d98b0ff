import 'server-only';
import { Prisma } from './generated/prisma/client';
import { db } from './db';
import { env } from './env';
import { clientAddressFrom } from './client-address';

/**
 * Sign-in budgets. Every attempt spends one point from each before the password is checked, in
 * one atomic upsert, so concurrent attempts cannot all slip under the limit. A success gives the
 * account's and the address's point back and clears the email+address pair.
 * - pair: consecutive failures of one email from one address (the usual guessing attack);
 * - email: failures for one email from any address (a spray against one account);
 * - address: failures from one address, whatever the email, high enough for an office behind one
 *   NAT address where people mistype their passwords.
 */
export const SIGN_IN_LIMITS = {
  pair: { points: 10, seconds: 60 * 60 },
  email: { points: 30, seconds: 60 * 60 },
  address: { points: 100, seconds: 24 * 60 * 60 },
} as const;
type Budget = keyof typeof SIGN_IN_LIMITS;

export type SignInVerdict = { allowed: true } | { allowed: false; budget: Budget; retryAfterSeconds: number };

export function clientIp(headers: Headers): string {
  return clientAddressFrom(headers.get('x-forwarded-for'), env().TRUST_PROXY_HOPS);
}

function keys(email: string, ip: string): Record<Budget, string> {
  return { pair: `pair:${email}|${ip}`, email: `email:${email}`, address: `address:${ip}` };
}

/** Spends one attempt from each budget; refused when any is over its limit. */
export async function consumeSignInAttempt(email: string, ip: string): Promise<SignInVerdict> {
  const k = keys(email, ip);
  const budgets = Object.keys(SIGN_IN_LIMITS) as Budget[];
  // One statement, rows always in the same order (pair, email, address), so concurrent attempts
  // queue on the row locks instead of deadlocking, and each sees the count the previous one left.
  const rows = Prisma.join(
    budgets.map(
      (b) => Prisma.sql`(${k[b]}, 1, now() + make_interval(secs => ${SIGN_IN_LIMITS[b].seconds}), now(), now())`,
    ),
  );
  const result = await db.$queryRaw<{ key: string; points: number; expiresAt: Date }[]>`
    INSERT INTO "SignInLimit" ("key", "points", "expiresAt", "createdAt", "updatedAt") VALUES ${rows}
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "SignInLimit"."expiresAt" <= now() THEN 1 ELSE "SignInLimit"."points" + 1 END,
      "expiresAt" = CASE WHEN "SignInLimit"."expiresAt" <= now() THEN EXCLUDED."expiresAt" ELSE "SignInLimit"."expiresAt" END,
      "updatedAt" = now()
    RETURNING "key", "points", "expiresAt"`;
  for (const budget of budgets) {
    const row = result.find((r) => r.key === k[budget]);
    if (row && row.points > SIGN_IN_LIMITS[budget].points) {
      return {
        allowed: false,
        budget,
        retryAfterSeconds: Math.max(1, Math.ceil((row.expiresAt.getTime() - Date.now()) / 1000)),
      };
    }
  }
  return { allowed: true };
}

/** After a correct password: the pair starts again, the account and address get their point back. */
export async function creditSuccessfulSignIn(email: string, ip: string): Promise<void> {
  const k = keys(email, ip);
  await db.$transaction([
    db.signInLimit.deleteMany({ where: { key: k.pair } }),
    db.$executeRaw`UPDATE "SignInLimit" SET "points" = GREATEST("points" - 1, 0), "updatedAt" = now() WHERE "key" IN (${k.email}, ${k.address})`,
  ]);
}

/** Expired budgets are only clutter: lib/sign-in.ts removes them now and then. */
export async function pruneSignInLimits(): Promise<number> {
  return db.signInLimit.deleteMany({ where: { expiresAt: { lt: new Date() } } }).then((r) => r.count);
}
