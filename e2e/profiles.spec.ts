// "Meet the team" from both sides: an agent opts in to a profile (bad input first: the errors show
// at their fields and what was typed stays), the leader sees who nobody credited lately and
// features the agent, and the published edition shows them in their own words.
import { makeQuote, makeUser } from '../prisma/factories';
import { monthsAgo, seededTeam } from './fixtures/editions';
import { expect, signIn, test } from './fixtures';
import { shoot } from './fixtures/shots';

test('an agent opts in, the leader features them, and the edition shows “Meet the team”', async ({ page, db }) => {
  // Two people and a publish on a machine that may be busy.
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const month = monthsAgo(1);
  const team = await seededTeam(db, month, monthsAgo(2));
  const agent = await makeUser(db, { role: 'AGENT', teamId: team.id, name: `Amira Haddad ${team.slug.slice(5)}` });
  const newcomer = await makeUser(db, { role: 'AGENT', teamId: team.id, name: `Noor Ali ${team.slug.slice(5)}` });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id, name: `Priya Shah ${team.slug.slice(5)}` });
  await makeQuote(db, {
    teamId: team.id,
    submitterId: agent.id,
    status: 'APPROVED',
    receivedOn: new Date(`${month}-20`),
    text: 'Amira stayed on the line until the parcel was found.',
    creditIds: [agent.id],
  });

  // The agent, from the account page to the profile form.
  await signIn(page, agent.email);
  await page.goto('/account/password');
  await page.getByRole('link', { name: 'Your profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expect(page.getByTestId('profile-consent')).toContainText('Editions already published keep it');
  const title = page.getByLabel('Your role, in your own words');
  const bio = page.getByLabel('A few sentences about you');
  const since = page.getByLabel('In the team since');
  await title.fill('Chat and messaging, and our new-starter buddy');
  await bio.fill('Hi!');
  await since.fill('2099-01');
  await page.getByRole('button', { name: 'Share my profile' }).click();
  await expect(page.getByText('Write a few sentences about yourself (at least 20 characters).')).toBeVisible();
  await expect(page.getByText('That month has not started yet.')).toBeVisible();
  await expect(page.getByText('Tick the box to agree to your profile being shown.')).toBeVisible();
  await expect(bio).toHaveAttribute('aria-describedby', /bio-error/);
  await expect(title).toHaveValue('Chat and messaging, and our new-starter buddy');
  await expect(bio).toHaveValue('Hi!');
  expect(await db.teamProfile.count({ where: { userId: agent.id } })).toBe(0);

  const words = 'I moved over from the warehouse three years ago.\nI look after our chat queue.';
  await bio.fill(words);
  await since.fill('2022-09');
  await page.getByRole('checkbox', { name: /I agree that my name and this profile are shown/ }).check();
  await page.getByRole('button', { name: 'Share my profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove my profile' })).toBeVisible();
  await shoot(page, 'profile-form');
  await page.getByRole('link', { name: 'See your page' }).click();
  const profile = page.getByTestId('person-profile');
  await expect(profile).toContainText('Chat and messaging, and our new-starter buddy');
  await expect(profile).toContainText('In the team since September 2022');
  await expect(profile).toContainText('I look after our chat queue.');
  await expect(page.getByText('Amira stayed on the line')).toBeVisible();
  await shoot(page, 'person-with-profile');
  // Agents never see fair recognition.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('needs-recognition')).toHaveCount(0);

  // The leader: the newcomer nobody credited is named; the credited agent is not.
  await signIn(page, leader.email);
  await page.goto('/');
  const recognition = page.getByTestId('needs-recognition');
  await expect(recognition).toContainText('Not credited in a quote or win for 90 days');
  await expect(recognition.getByRole('link', { name: newcomer.name })).toHaveAttribute(
    'href',
    `/people/${newcomer.id}`,
  );
  await expect(recognition).not.toContainText(agent.name);
  await shoot(page, 'dashboard-needs-recognition');

  await page.goto(`/manage/${team.slug}/reviews`);
  await page.getByLabel('Month').selectOption(month);
  await page.getByRole('button', { name: 'Start the edition' }).click();
  await expect(page).toHaveURL(new RegExp(`/manage/${team.slug}/reviews/${month}$`));
  const card = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Meet the team' }) });
  // Only opted-in teammates are offered.
  await expect(card.getByRole('checkbox')).toHaveCount(1);
  await card.getByRole('checkbox', { name: new RegExp(agent.name) }).check();
  await card.getByRole('button', { name: 'Save “Meet the team”' }).click();
  await expect(card.getByRole('status')).toContainText('one person in “Meet the team”');

  await page.getByRole('link', { name: 'Preview' }).click();
  const section = page.getByTestId('meet-the-team');
  await expect(section.getByRole('heading', { name: 'Meet the team' })).toBeVisible();
  await expect(section).toContainText(agent.name);
  await expect(section).toContainText('I moved over from the warehouse three years ago.');
  await expect(section).toContainText('Amira stayed on the line');

  await page.goto(`/manage/${team.slug}/reviews/${month}`);
  // On a busy machine the first click can land before the page is hydrated: click until it opens.
  await expect(async () => {
    await page.getByRole('button', { name: 'Publish…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('published-notice')).toContainText('Published ·');
  await page.goto(`/reviews/${team.slug}/${month}`);
  await expect(page.getByTestId('meet-the-team')).toContainText('In the team since September 2022');
  await shoot(page, 'edition-meet-the-team');
});
