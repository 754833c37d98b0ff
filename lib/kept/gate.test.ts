import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE, sessionCookieFor } from '../../scripts/testing/session-cookie';
import { db } from '../db';
import { makeCatalog, makeQuote, makeTeam, makeUser } from '../../prisma/factories';
import { bumpDashboardGeneration } from '../expiry/generation';
import { segmentQuery } from '../search-params';
import { assertKeptAddress, isKeptVersion, KEPT_SEGMENTS, keptPagePath, keptVersion } from './gate';

const SALT = SESSION_COOKIE;
const cookieFor = sessionCookieFor;

describe('the gate in front of the kept pages', () => {
  it('opens the dashboard to active readers only, each with their own team first', async () => {
    const team = await makeTeam(db);
    const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
    const exec = await makeUser(db, { role: 'EXEC' });
    const inactive = await makeUser(db, { role: 'ADMIN', active: false });
    const oneTime = await makeUser(db, { role: 'COLLEAGUE' });
    await db.user.update({ where: { id: oneTime.id }, data: { passwordChangeRequired: true } });
    const signedOut = await makeUser(db, { role: 'AGENT', teamId: team.id });
    await db.user.update({ where: { id: signedOut.id }, data: { sessionVersion: 2 } });

    // (The version is checked on its own below: the minute may turn during the test.)
    const dashboard = (path: string | null) => path?.replace(/^\/kept\/dashboard\/[^/]+\//, '/kept/dashboard/V/');
    expect(dashboard(await keptPagePath(await cookieFor(agent), '/', ''))).toBe(`/kept/dashboard/V/${team.id}`);
    expect(dashboard(await keptPagePath(await cookieFor(exec), '/', ''))).toBe(`/kept/dashboard/V/all`);
    // An in-app navigation carries Next's _rsc: the same dashboard. Anything else is not kept.
    expect(dashboard(await keptPagePath(await cookieFor(exec), '/', '?_rsc=1x2y'))).toBe(`/kept/dashboard/V/all`);
    expect(await keptPagePath(await cookieFor(exec), '/', '?x=1')).toBeNull();
    // Everyone else gets the dynamic page, whose guards answer (sign-in, the password page).
    expect(await keptPagePath(await cookieFor(inactive), '/', '')).toBeNull();
    expect(await keptPagePath(await cookieFor(oneTime), '/', '')).toBeNull();
    expect(await keptPagePath(await cookieFor(signedOut), '/', '')).toBeNull();
    expect(await keptPagePath(await cookieFor(signedOut, 2), '/', '')).not.toBeNull();
    // Leaders and admins have their own "Needs you" on the dashboard: theirs is named after it
    // (lib/dashboard/needs.test.ts).
    const leader = await cookieFor(await makeUser(db, { role: 'LEADER', teamId: team.id }));
    const admin = await cookieFor(await makeUser(db, { role: 'ADMIN' }));
    expect(dashboard(await keptPagePath(leader, '/', ''))).toMatch(
      new RegExp(`^/kept/dashboard/V/${team.id}/[A-Za-z0-9_-]+$`),
    );
    expect(dashboard(await keptPagePath(admin, '/', ''))).toMatch(/^\/kept\/dashboard\/V\/all\/[A-Za-z0-9_-]+$/);
    expect(await keptPagePath(leader, '/', '?x=1')).toBeNull();
    expect(await keptPagePath(leader, '/trends', '')).toMatch(/^\/kept\/trends\//);
    expect(await keptPagePath(admin, '/quotes', '')).toMatch(/^\/kept\/quotes\//);
    expect(await keptPagePath(null, '/', '')).toBeNull();
    expect(await keptPagePath(`${SALT}=forged`, '/', '')).toBeNull();
    expect(await keptPagePath(await cookieFor({ id: 'no-such-user' }), '/', '')).toBeNull();
    // Only the dashboard itself.
    expect(await keptPagePath(await cookieFor(agent), '/quotes/new', '')).toBeNull();
    expect(await keptPagePath(await cookieFor(agent), '//', '')).toBeNull();
  });

  it('names trends and the wall by their address in one form, and by what the reader may do', async () => {
    const team = await makeTeam(db);
    const [a, b] = [await makeTeam(db), await makeTeam(db)];
    await makeCatalog(db, a.id, { kpis: [{ name: 'CSAT' }, { name: 'FCR' }] });
    const agent = await cookieFor(await makeUser(db, { role: 'AGENT', teamId: team.id }));
    const exec = await cookieFor(await makeUser(db, { role: 'EXEC' }));
    await db.monthFigures.create({ data: { teamId: a.id, month: '2024-01' } });
    bumpDashboardGeneration();
    const at = (path: string | null) =>
      path
        ?.replace(/^(\/kept\/\w+\/)[^/]+\//, '$1V/')
        .replace(/[^/]+$/, (segment) => decodeURIComponent(segmentQuery(segment)) || '-');

    // Trends: the same view however its address is written; the reader's team only when it names none.
    expect(at(await keptPagePath(agent, '/trends', ''))).toBe(`/kept/trends/V/${team.id}/range=12`);
    expect(at(await keptPagePath(exec, '/trends', ''))).toBe('/kept/trends/V/all/range=12');
    const named = at(await keptPagePath(agent, '/trends', `?range=36&team=${a.slug}&junk=1`));
    expect(named).toBe(`/kept/trends/V/any/team=${a.slug}&range=36`);
    expect(at(await keptPagePath(exec, '/trends', `?team=${a.slug}&range=36`))).toBe(named);
    // What the page would correct, corrected the same way (an unknown range is the default).
    expect(at(await keptPagePath(exec, '/trends', '?range=forever'))).toBe('/kept/trends/V/all/range=12');
    const [first, second] = [a.slug, b.slug].sort();
    expect(
      at(
        await keptPagePath(
          exec,
          '/trends',
          `?range=custom&from=2024-01&to=2024-06&team=${b.slug}&team=${a.slug}&team=${b.slug}`,
        ),
      ),
    ).toBe(`/kept/trends/V/any/team=${first}&team=${second}&range=custom&from=2024-01&to=2024-06`);
    expect(at(await keptPagePath(exec, '/trends', `?kpi=fcr&kpi=csat&team=${a.slug}`))).toBe(
      at(await keptPagePath(exec, '/trends', `?team=${a.slug}&kpi=csat&kpi=fcr`)),
    );

    // The wall: agents and leaders see "Submit a quote", the others do not.
    expect(at(await keptPagePath(agent, '/quotes', ''))).toBe('/kept/quotes/V/submit/-');
    expect(at(await keptPagePath(exec, '/quotes', ''))).toBe('/kept/quotes/V/read/-');
    expect(at(await keptPagePath(exec, '/quotes', `?channel=EMAIL&month=nope&team=${a.slug}`))).toBe(
      `/kept/quotes/V/read/team=${a.slug}&channel=EMAIL`,
    );
    // A search and further pages are one reader's passing views: not kept.
    expect(await keptPagePath(exec, '/quotes', '?q=refund')).toBeNull();
    expect(await keptPagePath(exec, '/quotes', '?after=2026-01-01_abc')).toBeNull();
    // Hostile addresses are ignored or encoded, never passed on raw.
    const hostile = await keptPagePath(exec, '/quotes', `?month=${encodeURIComponent('../../x/<script>')}&team=../..`);
    expect(hostile?.split('/')).toHaveLength(6);
    expect(await keptPagePath(null, '/trends', '')).toBeNull();
  });

  it('keeps a page only for values that exist: anything else goes to the dynamic page', async () => {
    const team = await makeTeam(db);
    await makeCatalog(db, team.id, { kpis: [{ name: 'CSAT' }] });
    const author = await makeUser(db, { role: 'AGENT', teamId: team.id });
    await makeQuote(db, {
      teamId: team.id,
      submitterId: author.id,
      receivedOn: new Date('2023-05-10'),
      status: 'APPROVED',
    });
    await db.monthFigures.create({ data: { teamId: team.id, month: '2022-03' } });
    const exec = await cookieFor(await makeUser(db, { role: 'EXEC' }));
    bumpDashboardGeneration();
    const kept = async (path: string, search: string) => (await keptPagePath(exec, path, search)) !== null;

    expect(await kept('/trends', `?team=${team.slug}&kpi=csat`)).toBe(true);
    expect(await kept('/trends', `?team=${team.slug}&kpi=no-such-kpi`)).toBe(false);
    expect(await kept('/trends', `?team=no-such-team-${team.id}`)).toBe(false);
    // A span is kept within the data: not before the first figures, not after last month.
    expect(await kept('/trends', `?team=${team.slug}&range=custom&from=2022-03&to=2023-01`)).toBe(true);
    expect(await kept('/trends', `?team=${team.slug}&range=custom&from=2001-01&to=2023-01`)).toBe(false);
    expect(await kept('/trends', `?team=${team.slug}&range=custom&from=2022-03&to=2999-01`)).toBe(false);
    // The wall: a team, a person and a month that are there.
    expect(await kept('/quotes', `?team=${team.slug}&person=${author.id}&month=2023-05`)).toBe(true);
    expect(await kept('/quotes', `?person=nobody-${team.id}`)).toBe(false);
    expect(await kept('/quotes', `?team=gone-${team.id}`)).toBe(false);
    expect(await kept('/quotes', `?team=${team.slug}&month=2001-01`)).toBe(false);
    expect(await kept('/quotes', `?team=${team.slug}&month=2023-04`)).toBe(false);

    // A value added without raising the version (straight into the database) is found on a miss.
    const added = await makeTeam(db);
    expect(await kept('/trends', `?team=${added.slug}`)).toBe(true);
  });

  it('names a new version on every change to the cards and every minute, never otherwise', () => {
    const now = Date.UTC(2026, 11, 2, 9, 30, 10);
    const version = keptVersion(now);
    expect(keptVersion(now + 40_000)).toBe(version);
    expect(keptVersion(now + 60_000)).not.toBe(version);
    bumpDashboardGeneration();
    expect(keptVersion(now)).not.toBe(version);
  });

  it('lets a kept page render only under a version the gate could just have named', () => {
    const now = Date.UTC(2026, 11, 2, 9, 30, 10);
    const version = keptVersion(now);
    expect(isKeptVersion(version, now)).toBe(true);
    // The minute turned, or someone wrote, between the gate and the render.
    expect(isKeptVersion(version, now + 60_000)).toBe(true);
    bumpDashboardGeneration();
    expect(isKeptVersion(version, now)).toBe(true);
    // Anything older, or made up, is not.
    expect(isKeptVersion(version, now + 120_000)).toBe(false);
    bumpDashboardGeneration();
    bumpDashboardGeneration();
    expect(isKeptVersion(version, now)).toBe(false);
    for (const forged of ['v1', '', '0.0', `${version}x`]) expect(isKeptVersion(forged, now)).toBe(false);
    expect(() => assertKeptAddress(keptVersion(), ['all', KEPT_SEGMENTS.team])).not.toThrow();
    expect(() => assertKeptAddress('v1', ['all', KEPT_SEGMENTS.team])).toThrow();
    expect(() => assertKeptAddress(keptVersion(), ['../x', KEPT_SEGMENTS.team])).toThrow();
    expect(() => assertKeptAddress(keptVersion(), ['x.png', KEPT_SEGMENTS.query])).toThrow();
  });
});
