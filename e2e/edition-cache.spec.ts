import { makeReview, makeTeam } from '../prisma/factories';
import { expect, test } from './fixtures';

// A published edition is served from a per-version page cache behind lib/'s gate
// (lib/readership/edition-cache.ts); the reader's own part is fetched by the page.
test('an edition is served from its cached version, privately, to active readers only, and a correction shows at once', async ({
  page,
  db,
  signInAs,
}) => {
  const team = await makeTeam(db);
  const review = await makeReview(db, {
    teamId: team.id,
    month: '2024-02',
    status: 'PUBLISHED',
    title: 'Cached first',
  });
  const reader = await signInAs('COLLEAGUE');
  const path = `/reviews/${team.slug}/2024-02`;

  const first = await page.request.get(path);
  expect(first.status()).toBe(200);
  // One reader's page: never for a shared cache, whatever Next says of the cached version.
  expect(first.headers()['cache-control']).toBe('private, no-store');
  const second = await page.request.get(path);
  expect(second.headers()['x-nextjs-cache']).toBe('HIT');
  expect(await second.text()).toContain('Cached first');

  // The page is everyone's; the header and the cards are this reader's.
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Cached first' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(reader.name);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' })).toBeVisible();
  await page.getByLabel('A short note to the team (optional)').fill('Cached, and still mine');
  await page.getByRole('button', { name: 'Say thank you' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'your note reached the team' })).toBeVisible();
  await expect(page.getByText('You said thank you: “Cached, and still mine”')).toBeVisible();
  expect(await db.reviewThanks.count({ where: { reviewId: review.id } })).toBe(1);
  expect(await db.reviewView.count({ where: { reviewId: review.id, userId: reader.id } })).toBe(1);

  // A correction is a new version: the next request shows it, without waiting for any cache.
  const revision = await db.reviewRevision.findFirstOrThrow({ where: { reviewId: review.id } });
  await db.reviewRevision.create({
    data: {
      teamId: team.id,
      reviewId: review.id,
      revision: 2,
      snapshot: { ...(revision.snapshot as object), title: 'Cached, corrected' },
      note: 'A figure was wrong',
    },
  });
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Cached, corrected' })).toBeVisible();
  await expect(page.getByText(/Revision 2, .*A figure was wrong/)).toBeVisible();

  // Deactivated: the gate does not open, and the dynamic page sends them to sign in.
  await db.user.update({ where: { id: reader.id }, data: { active: false } });
  const refused = await page.request.get(path, { maxRedirects: 0 });
  expect([303, 307]).toContain(refused.status());
  expect(refused.headers().location).toContain('/sign-in');
  expect(await refused.text()).not.toContain('Cached, corrected');
});
