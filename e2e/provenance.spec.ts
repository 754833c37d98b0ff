import path from 'node:path';
import { makeCatalog, makeTeam, makeUser } from '../prisma/factories';
import { mailParts, startTestSmtp } from '../scripts/testing/smtp';
import { startAppServer } from './fixtures/app-server';
import { E2E_AUTH_SECRET } from './fixtures/auth-secret';
import { holdEmailQueue } from './fixtures/email-queue';
import { startWebhookReceiver } from './fixtures/webhook-receiver';
import { expect, signIn, test } from './fixtures';
import { shoot } from './fixtures/shots';

const NOT_COMPARABLE = 'not comparable — source changed';

/** "YYYY-MM" `delta` months from now (UTC). */
function monthFromNow(delta: number): string {
  const d = new Date();
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + delta, 1));
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
}

test.describe('figures that know where they came from', () => {
  test('a team switches help desk mid-history: marker, source column, no change stated across it', async ({
    page,
    db,
    browser,
  }) => {
    test.slow();
    const team = await makeTeam(db);
    await makeCatalog(db, team.id, { channels: ['Phone'], reasons: ['Billing'], segments: ['Consumers'] });
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const phone = await db.channel.findFirstOrThrow({ where: { teamId: team.id, name: 'Phone' } });
    // Thirteen months up to last month; the last three from the new desk, which counts half as many.
    const months = Array.from({ length: 13 }, (_, i) => monthFromNow(i - 13));
    const breakMonth = months.at(-3)!;
    for (const month of months) {
      const after = month >= breakMonth;
      const figures = await db.monthFigures.create({ data: { teamId: team.id, month, updatedById: leader.id } });
      await db.channelVolume.create({
        data: {
          teamId: team.id,
          figuresId: figures.id,
          channelId: phone.id,
          received: after ? 1000 : 2000,
          handled: 900,
        },
      });
      await db.figureSource.create({
        data: {
          teamId: team.id,
          figuresId: figures.id,
          month,
          part: 'counts',
          kind: 'IMPORT',
          label: after ? 'Salesforce Service Cloud' : 'Freshdesk',
          fileName: after ? 'salesforce-cases.csv' : 'freshdesk.csv',
          actorId: leader.id,
          at: new Date(),
        },
      });
    }
    // The edition of the month the desk changed, published as a leader publishes it: the snapshot
    // is frozen from the figures just written, and its email and Slack post go out (real SMTP, a
    // real HTTPS receiver). Every comparison of its contacts spans the change. On the shared
    // database an app server with SMTP holds the email queue (e2e/fixtures/email-queue.ts) only
    // until both have arrived.
    const reader = `provenance-${team.slug}@example.test`;
    const release = await holdEmailQueue();
    const smtp = await startTestSmtp();
    const slack = await startWebhookReceiver(`provenance-slack-${team.slug}`);
    let email = { html: '', text: '' };
    let post = '';
    try {
      const app = await startAppServer({
        DATABASE_URL: process.env.E2E_DATABASE_URL!,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        MAIL_FROM: 'Service Review <review@example.test>',
        PUBLIC_URL: 'https://review.example.com',
        AUTH_SECRET: E2E_AUTH_SECRET,
        TEST_ONLY_WEBHOOK_ROUTES_DIR: process.env.E2E_WEBHOOK_ROUTES_DIR!,
        NODE_EXTRA_CA_CERTS: path.resolve(import.meta.dirname, 'fixtures/receiver-tls/cert.pem'),
      });
      const context = await browser.newContext({ baseURL: app.url });
      try {
        const composer = await context.newPage();
        await signIn(composer, leader.email);
        await composer.goto(`/manage/${team.slug}/settings`);
        const destinations = composer.getByRole('region', { name: 'Slack, Teams and webhooks' });
        await destinations.getByLabel('Post to').selectOption('SLACK');
        await destinations.getByLabel('Name').fill('Provenance Slack');
        await destinations.getByLabel('Webhook address').fill(slack.url('/hook'));
        await destinations.getByRole('button', { name: 'Add destination' }).click();
        // The first action on a server just started loads its modules: seconds on a busy machine.
        await expect(destinations.getByRole('status')).toContainText('Added “Provenance Slack”', { timeout: 30_000 });
        await composer.goto(`/manage/${team.slug}/reviews`);
        await composer.getByLabel('Month').selectOption(breakMonth);
        await composer.getByRole('button', { name: 'Start the edition' }).click();
        await expect(composer).toHaveURL(new RegExp(`/manage/${team.slug}/reviews/${breakMonth}$`), {
          timeout: 30_000,
        });
        await composer.getByLabel('Email distribution list (optional)').fill(reader);
        await composer.getByRole('button', { name: 'Publish…' }).click();
        await composer
          .getByRole('dialog')
          .getByRole('button', { name: /^Publish and email/ })
          .click();
        await expect(composer.getByRole('status').filter({ hasText: 'Published' })).toBeVisible({ timeout: 30_000 });
        // A failure shows the delivery row's error.
        await expect
          .poll(
            async () => ({
              mails: smtp.messages.filter((m) => m.to.includes(reader)).length,
              posts: slack.received.length,
              deliveries: await db.editionDelivery.findMany({
                where: { teamId: team.id },
                select: { status: true, lastError: true },
              }),
            }),
            { timeout: 60_000 },
          )
          .toMatchObject({ mails: 1, posts: 1 });
        email = mailParts(smtp.messages.find((m) => m.to.includes(reader))!);
        post = JSON.stringify(JSON.parse(slack.received[0]!));
      } finally {
        await context.close();
        await app.stop();
      }
    } finally {
      await slack.close();
      await smtp.close();
      await release();
    }
    // The email, both parts, and the Slack post: the spanning comparison, the change and the
    // source, and no change stated across it.
    const mail = await browser.newPage();
    await mail.setContent(email.html);
    const inEmail = (await mail.locator('[data-section="numbers"]').innerText()).replace(/\s+/g, ' ');
    await mail.close();
    for (const [face, words] of [
      ['the email', inEmail],
      ['the text part', email.text.replace(/\s+/g, ' ')],
      ['Slack', post],
    ] as const) {
      expect(words, face).toContain(NOT_COMPARABLE);
      expect(words, face).toContain('(Freshdesk → Salesforce Service Cloud): changes across it are not comparable.');
      expect(words, face).toContain('earlier: Freshdesk.');
      expect(words, face).not.toContain('−50');
    }
    expect(post).toContain(`Contacts received: 1,000 (${NOT_COMPARABLE} vs last month)`);

    await signIn(page, leader.email);

    // The figures page: where each month came from, and the change of source.
    await page.goto(`/manage/${team.slug}`);
    const latest = page.locator('[data-figure-source]').first();
    await expect(latest).toContainText('Salesforce Service Cloud import (salesforce-cases.csv)');
    await expect(page.locator('[data-figure-source]').last()).toContainText('Freshdesk import');
    const list = page.locator('[data-source-break-list]');
    await expect(list).toContainText('(Freshdesk → Salesforce Service Cloud): changes across it are not comparable.');
    // Under the list: where the months came from, newest first.
    await expect(page.locator('[data-source-note]')).toContainText(
      /^Source: .+ 20\d\d: Salesforce Service Cloud export imported \d{1,2} \w{3} 20\d\d; earlier: Freshdesk\.$/,
    );
    await shoot(page, 'provenance-figures');

    // Trends: a marker with the sentence; the table states no change across the break.
    await page.goto(`/trends?team=${team.slug}&range=12`);
    const contacts = page.getByRole('figure', { name: 'Contacts per month by channel' });
    await expect(contacts.locator(`[data-source-break="${breakMonth}"]`)).toHaveCount(1);
    await expect(contacts.locator('[data-source-breaks]')).toContainText('Source changed in');
    await contacts.getByText('Data table').click();
    const breakRow = contacts.locator('tbody tr', { has: page.locator(`th:text-is("${breakMonth}")`) });
    await expect(breakRow).toContainText(NOT_COMPARABLE);
    await expect(breakRow).not.toContainText('−50');
    // The table's note, as its CSV ends.
    await expect(contacts.locator('[data-source-note]')).toContainText('earlier: Freshdesk.');
    await shoot(page, 'provenance-trends');

    // The edition: each tile says not comparable, which change it was, and where the figures came from.
    await page.goto(`/reviews/${team.slug}/${breakMonth}`);
    const numbers = page.locator('section[data-section="numbers"]');
    const contactsTile = numbers.locator('[data-testid="headline"]').first();
    await expect(contactsTile).toContainText(`vs last month ${NOT_COMPARABLE}`);
    await expect(contactsTile).toContainText(`vs last year ${NOT_COMPARABLE}`);
    await expect(numbers.locator('[data-source-break-sentence]')).toContainText(
      '(Freshdesk → Salesforce Service Cloud): changes across it are not comparable.',
    );
    await expect(numbers.locator('[data-source-note]')).toContainText('earlier: Freshdesk.');
    await expect(page.locator('section[data-section="story"]')).toContainText('so they are not compared with');
    await expect(page.locator('main')).not.toContainText('−50');
    await shoot(page, 'provenance-edition');

    // The dashboard card: last month on the month before is comparable, on last year it is not.
    // The figures were written straight into the database, while other tests' views may have kept
    // the cards: say so as another instance's write would (lib/expiry/cache.ts), then look.
    await db.$executeRaw`SELECT pg_notify('service_review_cache', ${JSON.stringify({ from: 'e2e', what: 'dashboard' })})`;
    const card = page.locator('section', { has: page.locator(`#dash-${team.slug}`) });
    await expect(async () => {
      await page.goto('/');
      await expect(card.getByText(NOT_COMPARABLE).first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(card.getByText('−50.0 %')).toHaveCount(0);
    // Its twelve-month line is broken at the change, with a mark and the sentence.
    await expect(card.locator('[data-source-break]')).toHaveCount(1);
    await expect(card.getByText('(Freshdesk → Salesforce Service Cloud): changes across it')).toBeVisible();
    if (process.env.E2E_SHOTS)
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await card.screenshot({ path: `${process.env.E2E_SHOTS}/provenance-card-${scheme}.png` });
      }
  });
});
