// Outcomes from the leader's form to what everyone sees: a rejected try keeps what was typed and
// writes nothing; the recorded outcome is on the team's impact view and numbered on its trends charts.
import { makeTeam } from '../prisma/factories';
import { expect, test } from './fixtures';
import { shoot } from './fixtures/shots';

const lastMonth = () => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
};

test('a leader records an outcome; it shows on the impact view and as a numbered mark on trends', async ({
  page,
  db,
  signInAs,
}) => {
  // Cold pages on a busy machine; photographing (E2E_SHOTS) three long pages four ways takes longer.
  test.setTimeout(process.env.E2E_SHOTS ? 400_000 : 150_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const team = await makeTeam(db);
  await signInAs('LEADER', { teamId: team.id });
  await page.goto(`/manage/${team.slug}/outcomes`);
  await expect(page.getByRole('heading', { level: 1, name: `${team.name}: outcomes` })).toBeVisible();

  const form = page.getByRole('form', { name: 'Outcome' });
  await form.getByLabel('What happened').selectOption('PROJECT_FUNDED');
  await form.getByLabel('Date').fill('2099-01-01');
  await form.getByLabel('In a sentence').fill('   ');
  await form.getByRole('button', { name: 'Record the outcome' }).click();
  await expect(form.getByText('The date it happened cannot be in the future.')).toBeVisible();
  await expect(form.getByText('Say in a sentence what happened.')).toBeVisible();
  await expect(form.getByLabel('What happened')).toHaveValue('PROJECT_FUNDED');
  await expect(form.getByLabel('Date')).toHaveValue('2099-01-01');
  await expect(form.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  expect(await db.outcome.count({ where: { teamId: team.id } })).toBe(0);

  const text = `Finance funded a second chat agent (${team.slug}).`;
  await form.getByLabel('Date').fill(lastMonth());
  await form.getByLabel('In a sentence').fill(text);
  await form.getByRole('button', { name: 'Record the outcome' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The outcome is recorded.' })).toBeVisible();
  await expect(page.getByTestId('outcomes')).toContainText(text);
  await shoot(page, 'outcomes');

  await page.getByRole('link', { name: 'See the impact view' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Impact: ${team.name}` })).toBeVisible();
  await expect(page.getByTestId('impact-outcomes')).toContainText(text);
  await expect(page.getByTestId('impact-totals')).toContainText('Outcomes1');

  await page.goto(`/trends?team=${team.slug}`);
  const outcomes = page.getByRole('list', { name: 'Outcomes: Contacts per month by channel' });
  await expect(outcomes).toContainText(`1${lastMonth().slice(0, 7)} Project funded: ${text}`);

  // The demo team's year, for a person to look at: the impact view and a trends chart with outcomes.
  await page.goto('/reviews/customer-care/impact');
  await expect(page.locator('[data-outcome-markers] svg').first()).toBeAttached();
  await shoot(page, 'impact');
  await page.goto('/trends?team=customer-care');
  await expect(page.getByRole('list', { name: 'Outcomes: Contacts per month by channel' })).toBeVisible();
  await shoot(page, 'trends-outcomes');
});
