import { encode, getToken } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionToken } from './session-user';

const SALT = 'authjs.session-token';

async function cookie(claims: Record<string, unknown>, maxAge?: number) {
  const token = await encode({ token: claims, secret: process.env.AUTH_SECRET!, salt: SALT, maxAge });
  return `theme=dark; ${SALT}=${token}`;
}

afterEach(() => vi.useRealTimers());

describe('sessionToken: the user id in a session cookie', () => {
  it('answers a cookie the same way each time, and never answers a forged one', async () => {
    const good = await cookie({ sub: 'user-1', sv: 4 });
    expect(await sessionToken(good)).toEqual({ id: 'user-1', version: 4 });
    // Other cookies beside it change nothing.
    expect(await sessionToken(good.replace('theme=dark', 'theme=light; lang=fr'))).toEqual({
      id: 'user-1',
      version: 4,
    });
    expect(await sessionToken(await cookie({ sub: 'user-2' }))).toEqual({ id: 'user-2', version: 0 });
    // One character changed in a cookie that decrypted before: refused, not answered from memory.
    const forged = good.slice(0, -3) + (good.at(-3) === 'A' ? 'B' : 'A') + good.slice(-2);
    expect(forged).not.toBe(good);
    expect(await sessionToken(forged)).toBeNull();
    expect(await sessionToken(`${SALT}=forged`)).toBeNull();
    expect(await sessionToken(null)).toBeNull();
    expect(await sessionToken('theme=dark')).toBeNull();
  });

  it('answers exactly what Auth.js reads from the cookies, even after the same token was kept', async () => {
    const a = await cookie({ sub: 'user-a' });
    const b = await cookie({ sub: 'user-b' });
    const tokenOf = (c: string) => c.slice(c.indexOf(`${SALT}=`) + SALT.length + 1);
    expect(await sessionToken(a)).toEqual({ id: 'user-a', version: 0 });
    const auth = async (header: string) => {
      const token = await getToken({
        req: { headers: { cookie: header } },
        secret: process.env.AUTH_SECRET!,
        secureCookie: false,
      });
      return typeof token?.sub === 'string' ? { id: token.sub, version: 0 } : null;
    };
    for (const header of [
      // Auth.js reads every cookie whose name starts with the session cookie's.
      `${SALT}=${tokenOf(a)}; ${SALT}X=junk`,
      `${SALT} =${tokenOf(b)}; ${SALT}=${tokenOf(a)}`,
      `${SALT}.0=${tokenOf(a)}`,
      `${SALT}=${tokenOf(a)}; ${SALT}=${tokenOf(b)}`,
    ])
      expect(await sessionToken(header), header.slice(0, 60)).toEqual(await auth(header));
  });

  it('stops answering a cookie once it expires, although it decrypted before', async () => {
    const shortLived = await cookie({ sub: 'user-3' }, 30);
    expect(await sessionToken(shortLived)).toEqual({ id: 'user-3', version: 0 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 120_000);
    expect(await sessionToken(shortLived)).toBeNull();
  });
});
