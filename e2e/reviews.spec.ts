import { makeUser } from '../prisma/factories';
import { monthLabel, monthsAgo, seededTeam } from './fixtures/editions';
import { expect, signIn, test } from './fixtures';
import { shoot } from './fixtures/shots';

// Publishing by email (real SMTP, a second app server) is proved in edition.spec.ts.

test('a leader composes and publishes; a colleague reads it from the archive and says thanks; the leader sees the note', async ({
  page,
  db,
  signInAs,
  browser,
}) => {
  // Two people, two browsers, a confirmation dialog: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const month = monthsAgo(1);
  const team = await seededTeam(db, month, monthsAgo(2));
  await signInAs('LEADER', { teamId: team.id });

  await page.goto(`/manage/${team.slug}/reviews`);
  await page.getByLabel('Month').selectOption(month);
  await page.getByRole('button', { name: 'Start the edition' }).click();
  await expect(page).toHaveURL(new RegExp(`/manage/${team.slug}/reviews/${month}$`));
  // Pre-filled from the data: total 1,334 contacts, up 21.3% on last month; the quote featured.
  await expect(page.getByLabel('Highlights: the story of the month')).toHaveValue(
    /\*\*1,334 contacts\*\*, up 21\.3% on/,
  );
  await expect(page.getByLabel(/The refund arrived/)).toBeChecked();
  const title = `Our month ${team.slug}`;
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status')).toContainText('Saved (2 saves)');

  await page.getByRole('link', { name: 'Preview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('headline').filter({ hasText: 'Contacts received' })).toContainText('1,334');
  await page.getByRole('link', { name: 'Back to the composer' }).click();
  // The composer as saved (2 saves), not a copy from before the save: a newer render replaces the
  // form (it is keyed by version) and would close a dialog opened on the older one.
  await expect(page.getByText(/Draft · 2 saves, the last/)).toBeVisible();
  // Publishing asks first; with email off (this server has no SMTP) it says nobody is emailed.
  await page.getByRole('button', { name: 'Publish…' }).click();
  await expect(page.getByTestId('publish-recipients')).toContainText('nobody is emailed');
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('published-notice')).toContainText('Published ·');

  // A colleague, in their own browser.
  const colleague = await makeUser(db, { role: 'COLLEAGUE', name: 'Casey Reader' });
  const context = await browser.newContext();
  const reader = await context.newPage();
  await signIn(reader, colleague.email);
  await reader.goto('/reviews');
  await reader.getByRole('link', { name: new RegExp(title) }).click();
  await expect(reader).toHaveURL(new RegExp(`/reviews/${team.slug}/${month}$`));
  await expect(reader.getByText(`${team.name} · ${monthLabel(month)}`)).toBeVisible();
  const total = reader.getByTestId('headline').filter({ hasText: 'Contacts received' });
  await expect(total).toContainText('1,334');
  await expect(total).toContainText('+21.3%');
  await expect(reader.getByTestId('headline').filter({ hasText: 'CSAT' })).toContainText('On target · target 90.0%');
  await shoot(reader, 'format-edition');
  await expect(reader.getByTestId('edition-quote')).toContainText('A customer');
  await expect(reader.locator('body')).not.toContainText('Hidden Harriet');
  // Every chart has its data table.
  await reader.getByText('Data table').first().click();
  await expect(reader.getByRole('table', { name: 'Contacts per month by channel' })).toBeVisible();
  await reader
    .getByLabel('A short note to the team (optional)')
    .fill('I didn’t realise how many billing calls you take!');
  await reader.getByRole('button', { name: 'Say thank you' }).click();
  await expect(reader.getByRole('status').filter({ hasText: 'your note reached the team' })).toBeVisible();
  await context.close();

  await page.goto(`/reviews/${team.slug}/${month}`);
  await expect(page.getByTestId('readership')).toContainText('1 thank-you');
  await expect(page.getByTestId('thanks-note')).toContainText('I didn’t realise how many billing calls you take!');
  await expect(page.getByTestId('thanks-note')).toContainText('Casey Reader');

  // The dashboard spells the month's CSAT as the edition does (lib/format.ts).
  await page.goto('/');
  await expect(page.getByText('On target · target 90.0%').first()).toBeVisible();
  await shoot(page, 'format-dashboard');
});
