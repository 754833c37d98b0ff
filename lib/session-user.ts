// The signed-in user behind a Cookie header, as the database says now. Shared by lib/session.ts
// (pages, actions, route handlers) and by the proxy's edition gate (lib/readership/edition-gate.ts),
// which runs before any page and so cannot use next/headers or React's per-request cache.
import { getToken } from 'next-auth/jwt';
import { pool } from './db';
import type { Actor } from './authz';
import { env } from './env.js';

const SESSION_COOKIE = 'authjs.session-token';

type SessionClaims = { id: string; version: number; expires: number };
/** The user as the session read selects it: an Actor and the session version. */
type SessionRow = Required<Actor> & { sessionVersion: number };

/**
 * Decrypted session tokens, by their exact text. Decrypting is a pure function of the token and
 * the secret, but costs over a millisecond (a key derivation and two WebCrypto jobs on the thread
 * pool), a tenth of a kept page's whole cost; the same browser sends the same token on every
 * request. Only tokens that decrypted are kept, each until its own expiry, so a forged or expired
 * token is never answered from here, and the user behind a kept one is still read from the
 * database on every request (lib/session.ts, the gates). Bounded: the oldest entry goes first. On
 * globalThis: the proxy and the app's routes are separate bundles of one process.
 */
const g = globalThis as unknown as { serviceReviewTokens?: Map<string, SessionClaims> };
const decrypted = (g.serviceReviewTokens ??= new Map<string, SessionClaims>());
const DECRYPTED_LIMIT = 5_000;
/** Auth.js splits a cookie into 4 KB chunks; a real session token is one. Longer ones are never kept. */
const KEPT_TOKEN_LENGTH = 8_192;

/**
 * The user id in an Auth.js session cookie, decrypted and its expiry checked by Auth.js's own
 * `getToken` (the cookie lib/auth.ts's default configuration writes: `__Secure-` prefixed over
 * HTTPS, possibly split into chunks). Cheaper than `auth()`, which runs the whole session endpoint —
 * decrypting, re-encrypting and building a response — on every render; only the id is used.
 */
export async function sessionToken(cookie: string | null): Promise<{ id: string; version: number } | null> {
  const secret = env().AUTH_SECRET;
  if (!secret || !cookie) return null;
  const secureCookie = cookie.includes(`__Secure-${SESSION_COOKIE}`);
  // Only the cookie header: getToken would otherwise also accept an `Authorization: Bearer` JWT.
  const req = { headers: { cookie } };
  // The token exactly as getToken reads it from the cookies (chunks joined), not decrypted: the key.
  const raw = await getToken({ req, secret, secureCookie, raw: true });
  if (!raw) return null;
  const key = `${secureCookie ? 's' : 'p'}|${raw}`;
  const kept = decrypted.get(key);
  if (kept && kept.expires > Date.now() / 1000) return { id: kept.id, version: kept.version };
  if (kept) decrypted.delete(key);
  const token = await getToken({ req, secret, secureCookie });
  if (typeof token?.sub !== 'string') return null;
  // Cookies issued before session versions existed carry none: they count as version 0.
  const claims = { id: token.sub, version: typeof token.sv === 'number' ? token.sv : 0 };
  // Auth.js always sets exp; a token without one is still answered, just never kept.
  if (typeof token.exp === 'number' && raw.length <= KEPT_TOKEN_LENGTH) {
    if (decrypted.size >= DECRYPTED_LIMIT) decrypted.delete(decrypted.keys().next().value!);
    decrypted.set(key, { ...claims, expires: token.exp });
  }
  return claims;
}

/** Whether a cookie's session still stands for this user: they are active and did not sign it out. */
export function isCurrentSession(user: { active: boolean; sessionVersion: number }, cookieVersion: number): boolean {
  return user.active && user.sessionVersion === cookieVersion;
}

/**
 * The user a Cookie header signs in, or null. A demoted or deactivated user loses access on the
 * next request whatever their cookie says, and a cookie whose session version is behind the
 * user's (they signed out, changed or were given a new password, were deactivated, or signed out
 * everywhere) is refused.
 */
export async function sessionUserFromCookie(cookie: string | null): Promise<Actor | null> {
  const session = await sessionToken(cookie);
  if (!session) return null;
  // Straight through pg: this read comes before every page, action and route (lib/db.ts says why).
  const { rows } = await pool.query<SessionRow>(
    `SELECT id, name, email, role, "teamId", active, "passwordChangeRequired", "sessionVersion"
     FROM "User" WHERE id = $1`,
    [session.id],
  );
  const user = rows[0];
  if (!user || !isCurrentSession(user, session.version)) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamId: user.teamId,
    active: user.active,
    passwordChangeRequired: user.passwordChangeRequired,
  };
}
