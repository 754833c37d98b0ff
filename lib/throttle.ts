import 'server-only';
import { Prisma } from './generated/prisma/client';
import { db } from './db';
import { env } from './env';
import { clientAddressFrom } from './client-address';

/**
 * Sign-in budgets. Every attempt spends one point from each before the password is checked, in
 * one atomic upsert, so concurrent attempts cannot all slip under the limit. A success gives the
 * account's and the address's point back and clears the email+address pair.
 * - pair: consecutive failures of one email from one address (the usual guessing attack). Over it,
 *   that address is refused for that account; every other address is not.
 * - email: attempts at one account from any address (a spray). Over it the account is not shut:
 *   attempts are slowed down, so strangers cannot lock its owner out (below).
 * - address: failures from one address, whatever the email, high enough for an office behind one
 *   NAT address where people mistype their passwords.
 * - fresh: past the account's budget, addresses that have not failed for the account (the owner at
 *   home, on their phone) still have their password checked, up to this many an hour.
 */
export const SIGN_IN_LIMITS = {
  pair: { points: 10, seconds: 60 * 60 },
  email: { points: 30, seconds: 60 * 60 },
  address: { points: 100, seconds: 24 * 60 * 60 },
  fresh: { points: 30, seconds: 60 * 60 },
} as const;
/** Past both account budgets, one attempt per this many seconds is still checked for the account. */
export const SLOW_LANE_SECONDS = 60;

type Budget = 'pair' | 'email' | 'address';
/** What refused an attempt: this address for this account, the account's slow lane, or this address. */
export type ThrottledBy = 'pair' | 'account' | 'address';

export type SignInVerdict = { allowed: true } | { allowed: false; budget: ThrottledBy; retryAfterSeconds: number };

export function clientIp(headers: Headers): string {
  return clientAddressFrom(headers.get('x-forwarded-for'), env().TRUST_PROXY_HOPS);
}

// The account's own budgets beyond its pairs are kept under its pair prefix ("lane:…" is never an
// address), so whatever finds an account's budgets by `accountBudgetsWhere` finds them all.
function keys(email: string, ip: string) {
  return {
    pair: `pair:${email}|${ip}`,
    email: `email:${email}`,
    address: `address:${ip}`,
    fresh: `pair:${email}|lane:fresh`,
    slow: `pair:${email}|lane:slow`,
  };
}

/** Every budget of one account (its pairs, its total, its lanes): what an admin's reset clears. */
export function accountBudgetsWhere(email: string) {
  return { OR: [{ key: `email:${email}` }, { key: { startsWith: `pair:${email}|` } }] };
}

const secondsUntil = (at: Date) => Math.max(1, Math.ceil((at.getTime() - Date.now()) / 1000));

/** Spends one point from a budget; its count after this attempt and when the budget ends. */
async function spend(key: string, seconds: number) {
  const [row] = await db.$queryRaw<{ points: number; expiresAt: Date }[]>`
    INSERT INTO "SignInLimit" ("key", "points", "expiresAt", "createdAt", "updatedAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${seconds}), now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "SignInLimit"."expiresAt" <= now() THEN 1 ELSE "SignInLimit"."points" + 1 END,
      "expiresAt" = CASE WHEN "SignInLimit"."expiresAt" <= now() THEN EXCLUDED."expiresAt" ELSE "SignInLimit"."expiresAt" END,
      "updatedAt" = now()
    RETURNING "points", "expiresAt"`;
  return row!;
}

/**
 * The account's slow lane: the one attempt allowed now, or when the next one is. The row's expiry
 * is the time the next check may run; claiming it moves it on, in one statement, so of concurrent
 * attempts exactly one claims it.
 */
async function claimSlowLane(key: string): Promise<SignInVerdict> {
  const claimed = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "SignInLimit" ("key", "points", "expiresAt", "createdAt", "updatedAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${SLOW_LANE_SECONDS}), now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "points" = "SignInLimit"."points" + 1, "expiresAt" = EXCLUDED."expiresAt", "updatedAt" = now()
    WHERE "SignInLimit"."expiresAt" <= now()
    RETURNING "key"`;
  if (claimed.length) return { allowed: true };
  const row = await db.signInLimit.findUnique({ where: { key }, select: { expiresAt: true } });
  return { allowed: false, budget: 'account', retryAfterSeconds: row ? secondsUntil(row.expiresAt) : 1 };
}

/**
 * Spends one attempt; refused when this address is over its budget, or this address over its
 * budget for this account. An account over its own budget is never shut: an address that has not
 * failed for it still has its password checked (up to the `fresh` budget), and past that one
 * attempt a minute is (the slow lane), so strangers slow the owner down at worst. Every branch
 * spends atomically, so N concurrent attempts get exactly the checks the budgets allow.
 */
export async function consumeSignInAttempt(email: string, ip: string): Promise<SignInVerdict> {
  const k = keys(email, ip);
  const budgets: Budget[] = ['pair', 'email', 'address'];
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
  const row = (b: Budget) => result.find((r) => r.key === k[b]);
  const over = (b: Budget) => (row(b)?.points ?? 0) > SIGN_IN_LIMITS[b].points;
  for (const b of ['address', 'pair'] as const) {
    if (over(b)) return { allowed: false, budget: b, retryAfterSeconds: secondsUntil(row(b)!.expiresAt) };
  }
  if (!over('email')) return { allowed: true };
  // This attempt is the first from this address for this account since its last success.
  if (row('pair')?.points === 1) {
    const fresh = await spend(k.fresh, SIGN_IN_LIMITS.fresh.seconds);
    if (fresh.points <= SIGN_IN_LIMITS.fresh.points) return { allowed: true };
  }
  return claimSlowLane(k.slow);
}

/** After a correct password: the pair starts again, the account and address get their point back. */
export async function creditSuccessfulSignIn(email: string, ip: string): Promise<void> {
  const k = keys(email, ip);
  await db.$transaction([
    db.signInLimit.deleteMany({ where: { key: k.pair } }),
    db.$executeRaw`UPDATE "SignInLimit" SET "points" = GREATEST("points" - 1, 0), "updatedAt" = now() WHERE "key" IN (${k.email}, ${k.address})`,
  ]);
}

/** An admin issued a new one-time password: the account starts with whole budgets everywhere. */
export async function clearAccountBudgets(tx: Pick<typeof db, 'signInLimit'>, email: string): Promise<number> {
  return tx.signInLimit.deleteMany({ where: accountBudgetsWhere(email) }).then((r) => r.count);
}

/** Expired budgets are only clutter: lib/sign-in.ts removes them now and then. */
export async function pruneSignInLimits(): Promise<number> {
  return db.signInLimit.deleteMany({ where: { expiresAt: { lt: new Date() } } }).then((r) => r.count);
}
