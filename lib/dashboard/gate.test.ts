import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeTeam, makeUser } from '../../prisma/factories';
import { keptDashboardPath, keptDashboardVersion } from './gate';
import { bumpDashboardGeneration } from './generation';

const SALT = 'authjs.session-token';

async function cookieFor(user: { id: string }, sessionVersion = 0) {
  const token = await encode({
    token: { sub: user.id, sv: sessionVersion },
    secret: process.env.AUTH_SECRET!,
    salt: SALT,
  });
  return `${SALT}=${token}`;
}

describe('the gate in front of the kept dashboard', () => {
  it('opens the dashboard to active readers only, each with their own team first', async () => {
    const team = await makeTeam(db);
    const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
    const exec = await makeUser(db, { role: 'EXEC' });
    const inactive = await makeUser(db, { role: 'ADMIN', active: false });
    const oneTime = await makeUser(db, { role: 'COLLEAGUE' });
    await db.user.update({ where: { id: oneTime.id }, data: { passwordChangeRequired: true } });
    const signedOut = await makeUser(db, { role: 'LEADER', teamId: team.id });
    await db.user.update({ where: { id: signedOut.id }, data: { sessionVersion: 2 } });

    const version = keptDashboardVersion();
    expect(await keptDashboardPath(await cookieFor(agent), '/')).toBe(`/kept-dashboard/${version}/${team.id}`);
    expect(await keptDashboardPath(await cookieFor(exec), '/')).toBe(`/kept-dashboard/${version}/all`);
    // Everyone else gets the dynamic page, whose guards answer (sign-in, the password page).
    expect(await keptDashboardPath(await cookieFor(inactive), '/')).toBeNull();
    expect(await keptDashboardPath(await cookieFor(oneTime), '/')).toBeNull();
    expect(await keptDashboardPath(await cookieFor(signedOut), '/')).toBeNull();
    expect(await keptDashboardPath(await cookieFor(signedOut, 2), '/')).not.toBeNull();
    expect(await keptDashboardPath(null, '/')).toBeNull();
    expect(await keptDashboardPath(`${SALT}=forged`, '/')).toBeNull();
    expect(await keptDashboardPath(await cookieFor({ id: 'no-such-user' }), '/')).toBeNull();
    // Only the dashboard itself.
    expect(await keptDashboardPath(await cookieFor(agent), '/quotes')).toBeNull();
    expect(await keptDashboardPath(await cookieFor(agent), '//')).toBeNull();
  });

  it('names a new version on every change to the cards and every minute, never otherwise', () => {
    const now = Date.UTC(2026, 11, 2, 9, 30, 10);
    const version = keptDashboardVersion(now);
    expect(keptDashboardVersion(now + 40_000)).toBe(version);
    expect(keptDashboardVersion(now + 60_000)).not.toBe(version);
    bumpDashboardGeneration();
    expect(keptDashboardVersion(now)).not.toBe(version);
  });
});
