import { describe, expect, it } from 'vitest';
import { sessionCookieFor } from '../../scripts/testing/session-cookie';
import { db } from '../db';
import { makeReview, makeTeam, makeUser } from '../../prisma/factories';
import { keptEdition } from './edition-cache';
import { keptEditionPath } from './edition-gate';

const cookieFor = sessionCookieFor;

/** The review id and version the gate opened, read back out of its path. */
function parse(path: string | null) {
  const match = /^\/editions\/([^/]+)\/([^/]+)$/.exec(path ?? '');
  if (!match) throw new Error(`not a kept edition path: ${path}`);
  return { id: match[1]!, version: match[2]! };
}

describe('the gate in front of the per-version edition cache', () => {
  it('opens a published edition to an active reader, and the cached page renders exactly that version', async () => {
    const team = await makeTeam(db);
    const reader = await makeUser(db, { role: 'COLLEAGUE' });
    const review = await makeReview(db, { teamId: team.id, month: '2025-03', status: 'PUBLISHED' });
    const path = await keptEditionPath(await cookieFor(reader), `/reviews/${team.slug}/2025-03`);
    const { id, version } = parse(path);
    expect(id).toBe(review.id);
    const edition = await keptEdition(id, version);
    expect(edition?.snapshot.title).toBe(review.title);
    expect(edition?.team.slug).toBe(team.slug);
    expect(edition?.history.map((h) => h.revision)).toEqual([1]);
    // A version that is not the current one renders nothing (the page answers 404).
    expect(await keptEdition(id, `${version}x`)).toBeNull();
    expect(await keptEdition('no-such-review', version)).toBeNull();
  });

  it('lets the dynamic page answer everyone and everything it does not open', async () => {
    const team = await makeTeam(db);
    const path = `/reviews/${team.slug}/2025-04`;
    await makeReview(db, { teamId: team.id, month: '2025-04', status: 'PUBLISHED' });
    await makeReview(db, { teamId: team.id, month: '2025-05', status: 'DRAFT' });
    const active = await makeUser(db, { role: 'AGENT', teamId: team.id });
    const inactive = await makeUser(db, { role: 'EXEC', active: false });
    const oneTime = await makeUser(db, { role: 'COLLEAGUE' });
    await db.user.update({ where: { id: oneTime.id }, data: { passwordChangeRequired: true } });
    const signedOut = await makeUser(db, { role: 'COLLEAGUE' });
    await db.user.update({ where: { id: signedOut.id }, data: { sessionVersion: 3 } });
    const good = await cookieFor(active);

    expect(await keptEditionPath(good, path)).toMatch(/^\/editions\//);
    // Readers the gate refuses: the dynamic page then redirects them to sign in or to the password page.
    expect(await keptEditionPath(null, path)).toBeNull();
    expect(await keptEditionPath('authjs.session-token=forged', path)).toBeNull();
    expect(await keptEditionPath(await cookieFor(inactive), path)).toBeNull();
    expect(await keptEditionPath(await cookieFor(oneTime), path)).toBeNull();
    expect(await keptEditionPath(await cookieFor(signedOut, 2), path)).toBeNull();
    expect(await keptEditionPath(await cookieFor(signedOut, 3), path)).toMatch(/^\/editions\//);
    // Editions it does not open: a draft, a month or team that does not exist, any other path.
    expect(await keptEditionPath(good, `/reviews/${team.slug}/2025-05`)).toBeNull();
    expect(await keptEditionPath(good, `/reviews/${team.slug}/2025-06`)).toBeNull();
    expect(await keptEditionPath(good, `/reviews/${team.slug}/2025-13`)).toBeNull();
    expect(await keptEditionPath(good, `/reviews/no-such-team/2025-04`)).toBeNull();
    expect(await keptEditionPath(good, `/reviews/${team.slug}/2025-04/extra`)).toBeNull();
    expect(await keptEditionPath(good, `/reviews/${team.slug}/impact`)).toBeNull();
    expect(await keptEditionPath(good, `/reviews/${'\'; DROP TABLE "User"; --'}/2025-04`)).toBeNull();
  });

  it('names a new version for a correction, a rewritten snapshot and a changed team, and only then', async () => {
    const team = await makeTeam(db);
    const reader = await makeUser(db, { role: 'COLLEAGUE' });
    const review = await makeReview(db, { teamId: team.id, month: '2025-07', status: 'PUBLISHED' });
    const cookie = await cookieFor(reader);
    const open = async () => parse(await keptEditionPath(cookie, `/reviews/${team.slug}/2025-07`)).version;
    const first = await open();
    expect(await open()).toBe(first);

    // Erasure and a withdrawn customer name rewrite the published snapshot in place.
    const revision = await db.reviewRevision.findFirstOrThrow({ where: { reviewId: review.id } });
    const snapshot = revision.snapshot as { title: string };
    await db.reviewRevision.update({
      where: { id: revision.id },
      data: { snapshot: { ...snapshot, title: 'Rewritten title' } },
    });
    const rewritten = await open();
    expect(rewritten).not.toBe(first);
    expect((await keptEdition(review.id, rewritten))?.snapshot.title).toBe('Rewritten title');
    expect(await keptEdition(review.id, first)).toBeNull();

    // A correction is a new revision.
    await db.reviewRevision.create({
      data: {
        teamId: team.id,
        reviewId: review.id,
        revision: 2,
        snapshot: { ...snapshot, title: 'Corrected title' },
        note: 'Fixed a figure',
      },
    });
    const corrected = await open();
    expect(corrected).not.toBe(rewritten);
    const edition = await keptEdition(review.id, corrected);
    expect(edition?.snapshot.title).toBe('Corrected title');
    expect(edition?.history.map((h) => h.note)).toEqual(['Fixed a figure', null]);

    // A change to the team that the page does not show keeps the version.
    await db.team.update({ where: { id: team.id }, data: { reminderDays: 5 } });
    expect(await open()).toBe(corrected);
    // The team's name and time zone are on the page.
    await db.team.update({ where: { id: team.id }, data: { timeZone: 'Europe/Paris' } });
    const moved = await open();
    expect(moved).not.toBe(corrected);
    expect((await keptEdition(review.id, moved))?.zone).toBe('Europe/Paris');
  });
});
