// The signed one-click unsubscribe link of an edition email (RFC 8058). The token names the team
// and the address and is signed with an HMAC of AUTH_SECRET, so it works without signing in, for
// any address (a distribution list too), and cannot be made for an address by anyone else.
// Pure (the secret is a parameter), so tests can make tokens the running app accepts.
import { createHmac, timingSafeEqual } from 'node:crypto';

const PURPOSE = 'service-review:edition-unsubscribe:v1';

const mac = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`${PURPOSE}\n${payload}`).digest('base64url');

export function signUnsubscribeToken(secret: string, teamId: string, email: string): string {
  const payload = Buffer.from(JSON.stringify([teamId, email.trim().toLowerCase()])).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The team and address of a genuine token, or null for anything else (never throws). */
export function verifyUnsubscribeToken(secret: string, token: string): { teamId: string; email: string } | null {
  if (token.length > 1000) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string')
      return null;
    return { teamId: value[0], email: value[1] };
  } catch {
    return null;
  }
}
