import { monthsAgo, seededTeam } from './fixtures/editions';
import { startWebhookReceiver } from './fixtures/webhook-receiver';
import { expect, test } from './fixtures';

// Delivery, retries, signatures, scheduling races and reminders are proved against the real
// database in lib/deliveries/deliveries.test.ts and lib/distribution/reminder.test.ts; this is what a
// leader sees.
test('a leader adds a Slack destination, sends a test, then schedules and unschedules an edition', async ({
  page,
  db,
  signInAs,
}) => {
  test.setTimeout(90_000);
  // With the guard on, as in production: the receiver is reached by a name the guard sees as public.
  const slack = await startWebhookReceiver(`slack-${Date.now().toString(36)}-${test.info().parallelIndex}`);
  try {
    const month = monthsAgo(1);
    const team = await seededTeam(db, month, monthsAgo(2));
    await signInAs('LEADER', { teamId: team.id });

    await page.goto(`/manage/${team.slug}/settings`);
    const section = page.getByRole('region', { name: 'Slack, Teams and webhooks' });
    await section.getByLabel('Post to').selectOption('SLACK');
    await section.getByLabel('Name').fill('#support-news');
    await section.getByLabel('Webhook address').fill('not an address');
    await section.getByRole('button', { name: 'Add destination' }).click();
    await expect(section.getByText('Paste the full webhook address')).toBeVisible();
    await section.getByLabel('Webhook address').fill(slack.url('/services/T1/B2/x'));
    await section.getByRole('button', { name: 'Add destination' }).click();
    await expect(section.getByRole('status')).toContainText('Added “#support-news”');
    await section.getByRole('button', { name: 'Send test to #support-news' }).click();
    await expect(section.getByRole('status')).toContainText('Test message sent to “#support-news”');
    expect(slack.received).toHaveLength(1);
    expect((JSON.parse(slack.received[0]!) as { text: string }).text).toContain('[Test]');

    await page.goto(`/manage/${team.slug}/reviews`);
    await page.getByLabel('Month').selectOption(month);
    await page.getByRole('button', { name: 'Start the edition' }).click();
    await expect(page).toHaveURL(new RegExp(`/manage/${team.slug}/reviews/${month}$`));
    await page.getByLabel('Publish on').fill('2030-12-05');
    await page.getByLabel(/^At \(/).fill('09:00');
    await page.getByRole('button', { name: 'Save and schedule' }).click();
    await expect(page.getByText(/it publishes on 5 Dec 2030, 09:00/)).toBeVisible();
    await expect(page.getByTestId('scheduled-at')).toContainText('5 Dec 2030, 09:00');
    await page.getByRole('button', { name: 'Unschedule' }).click();
    await expect(page.getByText(/No longer scheduled/)).toBeVisible();
    await expect(page.getByTestId('scheduled-at')).toHaveCount(0);
  } finally {
    await slack.close();
  }
});

// The guard is on (ALLOW_PRIVATE_WEBHOOKS unset, as in production). Only checked here, never posted
// to: no "Send test" on these.
test('a public IPv4 address is accepted; loopback wrapped in IPv6 is refused at the field', async ({
  page,
  db,
  signInAs,
}) => {
  test.setTimeout(90_000);
  const team = await seededTeam(db, monthsAgo(1), monthsAgo(2));
  await signInAs('LEADER', { teamId: team.id });
  const section = page.getByRole('region', { name: 'Slack, Teams and webhooks' });
  const address = section.getByLabel('Webhook address');
  for (const url of [
    'https://[::127.0.0.1]/hook',
    'https://[64:ff9b::127.0.0.1]/hook',
    'https://[2002:7f00:1::]/hook',
    'https://[::ffff:0:127.0.0.1]/hook',
  ]) {
    // A fresh page each time, so the refusal seen is this address's and not the one before.
    await page.goto(`/manage/${team.slug}/settings`);
    await section.getByLabel('Name').fill('Wrapped loopback');
    await address.fill(url);
    await section.getByRole('button', { name: 'Add destination' }).click();
    await expect(address).toHaveAccessibleDescription(/That address is on the internal network/);
    await expect(address).toHaveValue(url);
  }
  expect(await db.deliveryDestination.count({ where: { teamId: team.id } })).toBe(0);
  await section.getByLabel('Post to').selectOption('WEBHOOK');
  await section.getByLabel('Name').fill('Public hook');
  await address.fill('https://8.8.8.8/hook');
  await section.getByRole('button', { name: 'Add destination' }).click();
  await expect(section.getByRole('status')).toContainText('Added “Public hook”');
  await expect(section.getByRole('list', { name: 'Destinations' })).toContainText('8.8.8.8');
});
