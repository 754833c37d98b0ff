// An edition email survives the app server that sends it: killed (kill -9) after its first batch,
// the leader sees how far it got and resumes it; stopped (SIGTERM) after its first batch, the server
// finishes the batch in flight, exits, and the next start sends the rest. Every address gets exactly
// one message. Real app servers (scripts/serve.mjs), a real SMTP server that holds the second batch.
import type { Browser } from '@playwright/test';
import type { PrismaClient } from '../lib/generated/prisma/client';
import { makeUser } from '../prisma/factories';
import { startTestSmtp, type TestSmtp } from '../scripts/testing/smtp';
import { startAppServer, type AppServer } from './fixtures/app-server';
import { monthsAgo, seededTeam } from './fixtures/editions';
import { expect, signIn, test } from './fixtures';

const PEOPLE = 450;

test('an edition email cut by kill -9 or SIGTERM of its server reaches every address exactly once', async ({
  db,
  browser,
}) => {
  // Long: four app server starts and 900 messages, on machines that may be busy.
  test.setTimeout(360_000);
  const smtp = await startTestSmtp();
  const env = {
    DATABASE_URL: process.env.E2E_DATABASE_URL!,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    MAIL_FROM: 'Service Review <review@example.test>',
    PUBLIC_URL: 'https://review.example.com',
  };
  const servers: AppServer[] = [];
  const start = async () => {
    const app = await startAppServer(env);
    servers.push(app);
    return app;
  };
  try {
    const team = await seededTeam(db, monthsAgo(1), monthsAgo(3));
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const listFor = (month: string) =>
      Array.from(
        { length: PEOPLE },
        (_, i) => `p${String(i).padStart(3, '0')}-${month}-${team.slug}@restart.example.test`,
      );

    // kill -9 mid-send: the leader sees it stalled with its progress, and resumes it by hand.
    const first = await start();
    const march = monthsAgo(1);
    const { emailId: marchEmail } = await publishAndHoldSecondBatch(
      db,
      browser,
      first,
      smtp,
      leader.email,
      team.slug,
      march,
      listFor(march),
    );
    first.process.kill('SIGKILL');
    await expect.poll(() => first.process.signalCode).toBe('SIGKILL');
    expect(await db.reviewEmail.findUniqueOrThrow({ where: { id: marchEmail } })).toMatchObject({ status: 'SENDING' });
    await expect.poll(() => smtp.held()).toBe(0);
    smtp.release();
    const second = await start();
    // Its sender's lease (a minute) still runs when this server starts: shown as sending until it
    // ends, then as stopped, before the minute's sweep would resume it by itself.
    const page = await leaderPage(browser, second, leader.email);
    await page.goto(`/manage/${team.slug}/reviews/${march}`);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('email-status')).toContainText('Stopped mid-send: 50 of 450 sent', {
        timeout: 1000,
      });
    }).toPass({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Resume now' }).click();
    await expect(page.getByRole('status')).toContainText('Email sent.', { timeout: 60_000 });
    await page.reload();
    await expect(page.getByTestId('email-status')).toContainText('to 450 recipients');
    await page.context().close();
    expectExactlyOnce(smtp, listFor(march));

    // SIGTERM mid-send: the batch in flight finishes, nothing more is taken, the next start resumes.
    const april = monthsAgo(2);
    const { sent } = await publishAndHoldSecondBatch(
      db,
      browser,
      second,
      smtp,
      leader.email,
      team.slug,
      april,
      listFor(april),
    );
    second.process.kill('SIGTERM');
    // The server stopped listening: it took the signal, and waits for the batch the relay holds.
    await expect.poll(() => second.health()).toBe(0);
    smtp.release();
    await expect.poll(() => second.process.exitCode, { timeout: 30_000 }).toBe(0);
    expect(await sent()).toBe(100);
    await start();
    await expect.poll(sent, { timeout: 60_000 }).toBe(PEOPLE);
    expectExactlyOnce(smtp, listFor(april));
  } finally {
    for (const app of servers) await app.stop();
    await smtp.close();
  }
});

async function leaderPage(browser: Browser, app: AppServer, email: string) {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Publishes the month to `list` through the composer; returns once 50 are sent and the next batch is held. */
async function publishAndHoldSecondBatch(
  db: PrismaClient,
  browser: Browser,
  app: AppServer,
  smtp: TestSmtp,
  leader: string,
  team: string,
  month: string,
  list: string[],
) {
  smtp.holdAfter(50);
  const page = await leaderPage(browser, app, leader);
  await page.goto(`/manage/${team}/reviews`);
  await page.getByLabel('Month').selectOption(month);
  await page.getByRole('button', { name: 'Start the edition' }).click();
  await page.getByLabel('Email distribution list (optional)').fill(list.join('\n'));
  await page.getByRole('button', { name: 'Publish…' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `Publish and email ${list.length} people` })
    .click();
  await expect(page.getByRole('status')).toContainText('Published');
  await page.context().close();
  const { id: emailId } = await db.reviewEmail.findFirstOrThrow({ where: { review: { team: { slug: team }, month } } });
  const sent = () => db.reviewEmailRecipient.count({ where: { emailId, sentAt: { not: null } } });
  await expect.poll(async () => (await sent()) === 50 && smtp.held() > 0, { timeout: 60_000 }).toBe(true);
  return { emailId, sent };
}

function expectExactlyOnce(smtp: TestSmtp, list: string[]) {
  const counts = new Map<string, number>();
  const wanted = new Set(list);
  for (const m of smtp.messages) for (const to of m.to) if (wanted.has(to)) counts.set(to, (counts.get(to) ?? 0) + 1);
  expect([...counts.keys()].sort()).toEqual([...list].sort());
  expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
}
