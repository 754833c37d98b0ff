import type { Page } from '@playwright/test';
import { makeQuote, makeTeam, makeUser } from '../prisma/factories';
import { monthLabel, monthsAgo, seededTeam } from './fixtures/editions';
import { expect, signIn, test } from './fixtures';
import { shoot } from './fixtures/shots';

/** Every link in "Needs you" answers 200 with a page (not the 404 or error page). */
async function expectNeedsLinksWork(page: Page) {
  await page.goto('/');
  const needs = page.getByRole('region', { name: 'Needs you' });
  await expect(needs).toBeVisible();
  const hrefs = [
    ...new Set(
      await needs.getByRole('link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname)),
    ),
  ];
  expect(hrefs.length).toBeGreaterThan(0);
  // A few at a time: an admin's list covers every team in the database.
  for (let i = 0; i < hrefs.length; i += 4) {
    await Promise.all(
      hrefs.slice(i, i + 4).map(async (href) => {
        const res = await page.request.get(href, { maxRedirects: 0 });
        expect(res.status(), href).toBe(200);
        expect(await res.text(), href).not.toMatch(/This page could not be found|Something went wrong/);
      }),
    );
  }
  return hrefs;
}

test('every "Needs you" link of a leader and an admin opens its page; a month not started starts in one click', async ({
  page,
  db,
}) => {
  test.setTimeout(90_000);
  const month = monthsAgo(1);
  const team = await makeTeam(db);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
  await makeQuote(db, { teamId: team.id, submitterId: agent.id, status: 'PENDING' });
  await signIn(page, leader.email);

  const hrefs = await expectNeedsLinksWork(page);
  // The month's edition (not started), its missing figures, the quote to moderate, a teammate to credit.
  expect(hrefs).toEqual(
    expect.arrayContaining([
      `/manage/${team.slug}/reviews/${month}`,
      `/manage/${team.slug}/figures/${month}`,
      '/quotes/moderation',
      `/people/${agent.id}`,
    ]),
  );

  const label = monthLabel(month);
  await page
    .getByRole('region', { name: 'Needs you' })
    .getByRole('link', { name: `${team.name}: the ${label} edition is not started` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/manage/${team.slug}/reviews/${month}$`));
  await expect(page.getByText(`The ${label} edition is not started yet.`)).toBeVisible();
  await page.getByRole('button', { name: `Start the ${label} edition` }).click();
  await expect(page.getByLabel('Title')).toBeVisible();
  await expect(page.getByText(/Draft · \d+ saves?, the last/)).toBeVisible();

  const admin = await makeUser(db, { role: 'ADMIN' });
  await signIn(page, admin.email);
  expect(await expectNeedsLinksWork(page)).toContain(`/manage/${team.slug}/figures/${month}`);
});

test('publishing from Preview lands on the edition with what went out; leaving the composer with typed text asks first', async ({
  page,
  db,
}) => {
  test.setTimeout(90_000);
  const month = monthsAgo(1);
  const team = await seededTeam(db, month, monthsAgo(2));
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  await signIn(page, leader.email);
  await page.goto(`/manage/${team.slug}/reviews/${month}`);
  await page.getByRole('button', { name: `Start the ${monthLabel(month)} edition` }).click();
  const composer = new RegExp(`/manage/${team.slug}/reviews/${month}$`);
  await expect(page).toHaveURL(composer);

  // Typed, not saved: another tab asks first; staying keeps the text.
  const title = page.getByLabel('Title');
  await title.fill(`Unsaved ${team.slug}`);
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('navigation', { name: 'Team management' }).getByRole('link', { name: 'Team settings' }).click();
  await expect.poll(() => asked).toEqual(['You have unsaved changes. Leave this page and lose them?']);
  await expect(page).toHaveURL(composer);
  await expect(title).toHaveValue(`Unsaved ${team.slug}`);
  // Leaving when they say so.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('navigation', { name: 'Team management' }).getByRole('link', { name: 'Team settings' }).click();
  await expect(page).toHaveURL(new RegExp(`/manage/${team.slug}/settings$`));

  await page.goto(`/manage/${team.slug}/reviews/${month}/preview`);
  await expect(page.getByText('Preview of the saved draft')).toBeVisible();
  // On a busy machine the first click can land before the page is hydrated: click until it opens.
  await expect(async () => {
    await page.getByRole('button', { name: 'Publish…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();

  // The live edition, saying what went out (this server has no SMTP and the team no destinations).
  await expect(page).toHaveURL(new RegExp(`/reviews/${team.slug}/${month}$`));
  const notice = page.getByTestId('published-notice');
  await expect(notice).toHaveText('Published · not emailed (email is off) · posted to 0 destinations');
  await expect(page.getByText('Preview of the saved draft')).toHaveCount(0);
  expect(await db.reviewRevision.count({ where: { teamId: team.id } })).toBe(1);
  await shoot(page, 'leader-flow-published');
});

test('a token is copied with one click; revoking it names it in a dialog, and Cancel changes nothing', async ({
  page,
  db,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const team = await makeTeam(db);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  await signIn(page, leader.email);
  await page.goto(`/manage/${team.slug}/settings`);
  const name = `Nightly ${team.slug}`;
  await page.getByLabel('New token for').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('api-token').textContent())!.trim();
  await page.getByRole('button', { name: 'Copy the API token' }).click();
  await expect(page.getByText('Copied', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Revoke the token “${name}”?` });
  await expect(dialog).toBeVisible();
  // Cancel comes first and has the focus: Enter never destroys; Escape closes too.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shoot(page, 'leader-flow-confirm');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await db.apiToken.findFirstOrThrow({ where: { teamId: team.id } })).revokedAt).toBeNull();
});
