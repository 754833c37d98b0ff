// One edition, every face: an edition holding every kind of month section is published once, then
// its page, its PDF, the email a distribution list received (real SMTP) and the posts Slack, Teams
// and a webhook received are read section by section. Each face carries each section under the same
// heading, in the same order, with the same key figures; chat posts name what they leave out. The
// year's kinds and every kind's renderers are proved without a browser in lib/editions/parity.test.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeDepartment, makeProject, makeUser, makeWin } from '../prisma/factories';
import { mailParts, startTestSmtp } from '../scripts/testing/smtp';
import { startAppServer } from './fixtures/app-server';
import { E2E_AUTH_SECRET } from './fixtures/auth-secret';
import { monthsAgo, seededTeam } from './fixtures/editions';
import { holdEmailQueue } from './fixtures/email-queue';
import { startWebhookReceiver } from './fixtures/webhook-receiver';
import { shoot } from './fixtures/shots';
import { expect, signIn, test } from './fixtures';

/** Every kind a month edition can hold, in reading order (lib/editions/sections.ts). */
const MONTH_KINDS = [
  'numbers',
  'story',
  'quotes',
  'shares',
  'charts',
  'wins',
  'meetTheTeam',
  'updates',
  'outcomes',
  'followUps',
  'asks',
];

type Found = { kind: string; title: string; text: string };

/** The document's sections in order: kind, heading and words (the page and the email mark them alike). */
const sectionsOf = (page: Page): Promise<Found[]> =>
  page.locator('[data-section]').evaluateAll((nodes) =>
    nodes.map((n) => ({
      kind: n.getAttribute('data-section') ?? '',
      title: n.querySelector('h2')?.textContent?.trim() ?? '',
      text: (n as HTMLElement).innerText,
    })),
  );

/** Spaces of every kind (a PDF's line breaks, non-breaking spaces) as one plain space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Each heading found in `text` after the one before: the face keeps the page's order. */
function expectInOrder(text: string, titles: string[], face: string) {
  let at = -1;
  for (const title of titles) {
    const next = text.indexOf(title, at + 1);
    expect(next, `“${title}” in ${face}, after the heading before it`).toBeGreaterThan(at);
    at = next;
  }
}

test('an edition holding every section kind says the same on its page, in print, in its email and in chat', async ({
  db,
  browser,
}) => {
  test.setTimeout(240_000);
  const month = monthsAgo(1);
  const team = await seededTeam(db, month, monthsAgo(2));
  const tag = team.slug;
  const release = await holdEmailQueue();
  const smtp = await startTestSmtp();
  const receivers = {
    slack: await startWebhookReceiver(`faces-slack-${tag}`),
    teams: await startWebhookReceiver(`faces-teams-${tag}`),
    webhook: await startWebhookReceiver(`faces-hook-${tag}`),
  };
  const app = await startAppServer({
    DATABASE_URL: process.env.E2E_DATABASE_URL!,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    MAIL_FROM: 'Service Review <review@example.test>',
    PUBLIC_URL: 'https://review.example.com',
    // As the suite's own server, which may take a delivery's job: the same key for the destinations'
    // stored addresses, and the receivers reached with the guard on.
    AUTH_SECRET: E2E_AUTH_SECRET,
    TEST_ONLY_WEBHOOK_ROUTES_DIR: process.env.E2E_WEBHOOK_ROUTES_DIR!,
    NODE_EXTRA_CA_CERTS: path.resolve(import.meta.dirname, 'fixtures/receiver-tls/cert.pem'),
  });
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 } });
  try {
    // What the month holds beyond seededTeam's figures, reasons and quote: segments, a win, a
    // project update, an outcome, a teammate to meet, a tracked ask and follow-ups.
    const figures = await db.monthFigures.findUniqueOrThrow({ where: { teamId_month: { teamId: team.id, month } } });
    const consumers = await db.segment.findFirstOrThrow({ where: { teamId: team.id, name: 'Consumers' } });
    await db.segmentCount.create({
      data: { teamId: team.id, figuresId: figures.id, segmentId: consumers.id, count: 700 },
    });
    const amira = await makeUser(db, { role: 'AGENT', teamId: team.id, name: `Amira Faces ${tag}` });
    await db.teamProfile.create({
      data: {
        userId: amira.id,
        title: 'Billing specialist',
        bio: 'I untangle invoices.',
        teamSince: new Date('2021-04-01'),
      },
    });
    const win = `Backlog cleared ${tag}`;
    await makeWin(db, { teamId: team.id, recordedById: amira.id, title: win, occurredOn: new Date(`${month}-10`) });
    const project = await makeProject(db, { teamId: team.id, ownerId: amira.id, name: `New phone menu ${tag}` });
    await db.projectUpdate.create({
      data: {
        teamId: team.id,
        projectId: project.id,
        authorId: amira.id,
        postedOn: new Date(`${month}-12`),
        body: 'Live.',
      },
    });
    const outcome = `Refunds now take a day ${tag}`;
    await db.outcome.create({
      data: { teamId: team.id, kind: 'PROCESS_CHANGED', occurredOn: new Date(`${month}-20`), text: outcome },
    });
    const finance = await makeDepartment(db, `Finance ${tag}`);
    const ask = `Warn us before price changes ${tag}`;
    const followUp = `Billing answered our March ask ${tag}.`;
    const quote = 'The refund arrived while we were still talking.';
    const reader = `faces-${tag}@example.test`;

    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const page = await context.newPage();
    await signIn(page, leader.email);
    await page.goto(`/manage/${team.slug}/settings`);
    const destinations = page.getByRole('region', { name: 'Slack, Teams and webhooks' });
    for (const [kind, receiver] of [
      ['SLACK', receivers.slack],
      ['TEAMS', receivers.teams],
      ['WEBHOOK', receivers.webhook],
    ] as const) {
      await destinations.getByLabel('Post to').selectOption(kind);
      await destinations.getByLabel('Name').fill(`Faces ${kind}`);
      await destinations.getByLabel('Webhook address').fill(receiver.url('/hook'));
      await destinations.getByRole('button', { name: 'Add destination' }).click();
      await expect(destinations.getByRole('status')).toContainText(`Added “Faces ${kind}”`);
    }

    await page.goto(`/manage/${team.slug}/reviews`);
    await page.getByLabel('Month').selectOption(month);
    await page.getByRole('button', { name: 'Start the edition' }).click();
    // Starting builds the draft from a year of figures: slow on a busy machine.
    await expect(page).toHaveURL(new RegExp(`/manage/${team.slug}/reviews/${month}$`), { timeout: 30_000 });
    const draft = await db.review.findUniqueOrThrow({ where: { teamId_month: { teamId: team.id, month } } });
    await db.ask.create({ data: { teamId: team.id, reviewId: draft.id, departmentId: finance.id, title: ask } });
    await db.review.update({ where: { id: draft.id }, data: { meetTheTeamIds: [amira.id] } });
    await page.getByLabel('Following up: you asked, we did, and still open').fill(followUp);
    await page.getByLabel('Email distribution list (optional)').fill(reader);
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Publish and email/ })
      .click();
    // The composer's own status (Meet the team's form has another).
    await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible({ timeout: 30_000 });

    // The page: every month kind, each under its heading.
    await page.goto(`/reviews/${team.slug}/${month}`);
    const onPage = await sectionsOf(page);
    expect(new Set(onPage.map((s) => s.kind))).toEqual(new Set(MONTH_KINDS));
    const titles = onPage.map((s) => s.title);
    for (const s of onPage) expect(s.title, `${s.kind} has a heading`).not.toBe('');
    const pageText = flat(onPage.map((s) => s.text).join('\n'));
    // The key figures every face must agree on, and the kind each belongs to.
    const key: [kind: string, words: string][] = [
      ['numbers', '1,334'],
      ['quotes', quote],
      ['wins', win],
      ['outcomes', outcome],
      ['asks', ask],
    ];
    for (const [kind, words] of key)
      expect(onPage.find((s) => s.kind === kind)?.text, `${kind} on the page`).toContain(words);
    expect(pageText).toContain(followUp);
    expect(pageText).toContain(amira.name);
    await shoot(page, 'faces-edition');

    // Print: the PDF's text holds every heading in the page's order, and the key figures.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'faces-'));
    writeFileSync(path.join(dir, 'edition.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
    if (process.env.E2E_SHOTS) writeFileSync(`${process.env.E2E_SHOTS}/faces-edition.pdf`, await page.pdf());
    const pdf = flat(execFileSync('pdftotext', [path.join(dir, 'edition.pdf'), '-'], { encoding: 'utf8' }));
    expectInOrder(pdf, titles, 'the PDF');
    for (const [, words] of key) expect(pdf, 'the PDF').toContain(words);

    // The email, as the distribution list received it: both parts, section by section.
    await expect.poll(() => smtp.messages.filter((m) => m.to.includes(reader)).length, { timeout: 30_000 }).toBe(1);
    const email = mailParts(smtp.messages.find((m) => m.to.includes(reader))!);
    if (process.env.E2E_SHOTS) writeFileSync(`${process.env.E2E_SHOTS}/faces-email.html`, email.html);
    const mail = await context.newPage();
    await mail.setContent(email.html);
    const inEmail = await sectionsOf(mail);
    expect(inEmail.map((s) => [s.kind, s.title])).toEqual(onPage.map((s) => [s.kind, s.title]));
    for (const [kind, words] of key)
      expect(flat(inEmail.find((s) => s.kind === kind)!.text), `${kind} in the email`).toContain(words);
    const text = flat(email.text);
    expectInOrder(text, titles, 'the text part');
    for (const [, words] of key) expect(text, 'the text part').toContain(words);
    expect(text).toContain(followUp);
    // Readable on a phone: nothing wider than a 320 px screen, in light and dark.
    await mail.setViewportSize({ width: 320, height: 800 });
    expect(await mail.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // In dark mode the button keeps dark words on its light blue (React Email wraps them in a span).
    await mail.emulateMedia({ colorScheme: 'dark' });
    const button = mail.getByRole('link', { name: 'Read the full edition' });
    expect(await button.evaluate((a) => getComputedStyle(a.querySelector('span') ?? a).color)).toBe('rgb(11, 18, 32)');
    await mail.emulateMedia({ colorScheme: 'light' });
    await shoot(mail, 'faces-email');

    // Chat: each post carries its sections' lines and names every other section as left out.
    // Each post is a job any instance may take; a failure shows the delivery rows' errors.
    await expect
      .poll(
        async () => ({
          received: Object.values(receivers).map((r) => r.received.length),
          deliveries: await db.editionDelivery.findMany({
            where: { teamId: team.id },
            select: { status: true, attempts: true, lastError: true },
          }),
        }),
        { timeout: 60_000 },
      )
      .toMatchObject({ received: [1, 1, 1] });
    const hook = JSON.parse(receivers.webhook.received[0]!) as {
      sections: { kind: string; title: string; lines: string[] }[];
      leftOut: string[];
    };
    const carried = hook.sections.map((s) => s.title);
    expect([...carried, ...hook.leftOut].sort()).toEqual([...new Set(titles)].sort());
    expect(hook.sections.map((s) => s.kind)).toEqual(['numbers', 'quotes', 'wins', 'outcomes', 'asks']);
    for (const [face, body] of [
      ['Slack', receivers.slack.received[0]!],
      ['Teams', receivers.teams.received[0]!],
    ] as const) {
      const post = JSON.stringify(JSON.parse(body));
      for (const title of carried) expect(post, `${title} in ${face}`).toContain(title);
      const also = post.slice(post.indexOf('Also in the edition: '));
      expect(also, `${face} says what it leaves out`).not.toBe(post);
      for (const title of hook.leftOut) expect(also, `${face} names ${title} as left out`).toContain(title);
    }
    for (const [kind, words] of key) {
      const lines = hook.sections.find((s) => s.kind === kind)!.lines.join('\n');
      expect(lines, `${kind} in the webhook`).toContain(words);
      for (const [face, receiver] of Object.entries(receivers))
        expect(receiver.received[0], `${kind} in ${face}`).toContain(JSON.stringify(words).slice(1, -1));
    }
  } finally {
    await context.close();
    await app.stop();
    for (const receiver of Object.values(receivers)) await receiver.close();
    await smtp.close();
    await release();
  }
});
