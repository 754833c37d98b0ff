import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monthsAgo, seededTeam } from './fixtures/editions';
import { expect, test } from './fixtures';

// Delivery, retries, signatures, scheduling races and reminders are proved against the real
// database in lib/deliveries/deliveries.test.ts and lib/reviews/reminder.test.ts; this is what a
// leader sees.
test('a leader adds a Slack destination, sends a test, then schedules and unschedules an edition', async ({
  page,
  db,
  signInAs,
}) => {
  test.setTimeout(90_000);
  const received: string[] = [];
  const slack = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
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
    await section
      .getByLabel('Webhook address')
      .fill(`http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T1/B2/x`);
    await section.getByRole('button', { name: 'Add destination' }).click();
    await expect(section.getByRole('status')).toContainText('Added “#support-news”');
    await section.getByRole('button', { name: 'Send test to #support-news' }).click();
    await expect(section.getByRole('status')).toContainText('Test message sent to “#support-news”');
    expect(received).toHaveLength(1);
    expect((JSON.parse(received[0]!) as { text: string }).text).toContain('[Test]');

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
    await new Promise<void>((resolve) => slack.close(() => resolve()));
  }
});
