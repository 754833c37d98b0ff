import { encode } from 'next-auth/jwt';

export const SESSION_COOKIE = 'authjs.session-token';

/**
 * The Cookie header a browser signed in as this user would send (with another cookie beside the
 * session's, as browsers do), sealed with the test environment's AUTH_SECRET as Auth.js seals it.
 */
export async function sessionCookieFor(user: { id: string }, sessionVersion = 0): Promise<string> {
  const token = await encode({
    token: { sub: user.id, sv: sessionVersion },
    secret: process.env.AUTH_SECRET!,
    salt: SESSION_COOKIE,
  });
  return `other=1; ${SESSION_COOKIE}=${token}`;
}
