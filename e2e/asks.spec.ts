// A tracked ask from the composer to its answer: the leader addresses it to a department and
// publishes; the edition names the department; someone of that department answers on /asks, and a
// bad answer is refused at its field with what they typed kept.
import { makeDepartment, makeUser } from '../prisma/factories';
import { seededTeam, monthsAgo } from './fixtures/editions';
import { expect, signIn, test } from './fixtures';
import { shoot } from './fixtures/shots';

test('a leader raises an ask in the composer; a member of its department answers it on the asks page', async ({
  page,
  db,
  signInAs,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const month = monthsAgo(1);
  const team = await seededTeam(db, month, monthsAgo(2));
  const finance = await makeDepartment(db, `Finance ${team.slug}`);
  const member = await makeUser(db, { role: 'COLLEAGUE', departmentId: finance.id, name: `Mei Lin ${team.slug}` });
  const title = `Warn us before price changes ${team.slug}`;

  await signInAs('LEADER', { teamId: team.id });
  await page.goto(`/manage/${team.slug}/reviews`);
  await page.getByLabel('Month').selectOption(month);
  await page.getByRole('button', { name: 'Start the edition' }).click();
  const add = page.getByRole('form', { name: 'Add a tracked ask' });
  // Nothing chosen: refused at its field, nothing added.
  await add.getByLabel('The ask, in a few words').fill(title);
  await add.getByRole('button', { name: 'Add ask' }).click();
  await expect(add.getByText('Choose the department it is addressed to.')).toBeVisible();
  await expect(add.getByLabel('The ask, in a few words')).toHaveValue(title);
  await add.getByLabel('Addressed to').selectOption(finance.id);
  await add.getByLabel('Details (optional)').fill('Last change brought **900 contacts** in three days.');
  await add.getByRole('button', { name: 'Add ask' }).click();
  await expect(page.getByTestId('draft-ask')).toContainText(title);
  await expect(page.getByTestId('draft-ask')).toContainText(`To ${finance.name}`);
  await shoot(page, 'composer-asks');

  await page.getByRole('button', { name: 'Publish…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('published-notice')).toContainText('Published ·');
  await page.goto(`/reviews/${team.slug}/${month}`);
  const tracked = page.getByTestId('edition-tracked-ask');
  await expect(tracked).toContainText(title);
  await expect(tracked).toContainText(`To ${finance.name}`);
  await expect(tracked.getByText('900 contacts')).toBeVisible();
  await shoot(page, 'edition-asks');

  await signIn(page, member.email);
  await page.goto('/asks');
  const mine = page.getByRole('list', { name: `Asks to ${finance.name}` }).first();
  const item = mine.getByTestId('ask').filter({ hasText: title });
  await expect(item.getByTestId('ask-status')).toHaveText('Open');
  await expect(item).toContainText('Not answered yet.');
  await item.getByText('Answer this ask').click();
  const form = item.getByRole('form', { name: `Answer “${title}”` });
  await form.getByLabel('Status').selectOption('DONE');
  const tooLong = `We now send price changes two weeks ahead. ${'x'.repeat(2000)}`;
  await form.getByLabel('Note to the team').fill(tooLong);
  await form.getByRole('button', { name: 'Save answer' }).click();
  await expect(form.getByText('Keep it under 2,000 characters.')).toBeVisible();
  await expect(form.getByLabel('Note to the team')).toHaveValue(tooLong);
  await expect(form.getByLabel('Status')).toHaveValue('DONE');
  expect((await db.ask.findFirstOrThrow({ where: { title } })).status).toBe('OPEN');

  const note = 'Price changes now reach Customer Care two weeks ahead, with an FAQ.';
  await form.getByLabel('Note to the team').fill(note);
  await form.getByRole('button', { name: 'Save answer' }).click();
  await expect(item.getByText(note)).toBeVisible();
  await expect(item.getByTestId('ask-status')).toHaveText('Done');
  await expect(item).toContainText(member.name);
  const saved = await db.ask.findFirstOrThrow({ where: { title } });
  expect(saved).toMatchObject({ status: 'DONE', answer: note, answeredById: member.id });
  expect(saved.closedAt).not.toBeNull();
  await shoot(page, 'asks-page');
});
