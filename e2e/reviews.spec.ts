import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { PrismaClient } from '../lib/generated/prisma/client';
import { makeCatalog, makeQuote, makeTeam, makeUser } from '../prisma/factories';
import { startAppServer } from './fixtures/app-server';
import { expect, signIn, test } from './fixtures';

/** A team with two months of figures and an approved anonymous quote, like the demo's. */
async function seededTeam(db: PrismaClient, month: string, previous: string) {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, { kpis: [{ name: 'CSAT', unit: 'PERCENT', target: 90 }] });
  const [phone, email] = await db.channel.findMany({ where: { teamId: team.id }, orderBy: { position: 'asc' } });
  const csat = await db.kpi.findFirstOrThrow({ where: { teamId: team.id } });
  const billing = await db.contactReason.findFirstOrThrow({ where: { teamId: team.id, name: 'Billing' } });
  for (const [m, received, value] of [
    [previous, 1000, 88],
    [month, 1234, 91.5],
  ] as const) {
    await db.monthFigures.create({
      data: {
        teamId: team.id,
        month: m,
        volumes: { create: [{ teamId: team.id, channelId: phone!.id, received, handled: received }, { teamId: team.id, channelId: email!.id, received: 100, handled: 100 }] },
        reasons: { create: [{ teamId: team.id, reasonId: billing.id, count: received / 2 }] },
        kpis: { create: [{ teamId: team.id, kpiId: csat.id, value }] },
      },
    });
  }
  const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
  await makeQuote(db, { teamId: team.id, submitterId: agent.id, status: 'APPROVED', receivedOn: new Date(`${month}-12`), attribution: 'ANONYMOUS', customerName: 'Hidden Harriet', customerOrganisation: 'Secret Corp', text: 'The refund arrived while we were still talking.' });
  return team;
}

const monthLabel = (month: string) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
const monthsAgo = (n: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1)).toISOString().slice(0, 7);
};

test('a leader composes and publishes; a colleague reads it from the archive and says thanks; the leader sees the note', async ({ page, db, signInAs, browser }) => {
  const month = monthsAgo(1);
  const team = await seededTeam(db, month, monthsAgo(2));
  await signInAs('LEADER', { teamId: team.id });

  await page.goto(`/manage/${team.slug}/reviews`);
  await page.getByLabel('Month').selectOption(month);
  await page.getByRole('button', { name: 'Start the edition' }).click();
  await expect(page).toHaveURL(new RegExp(`/manage/${team.slug}/reviews/${month}$`));
  // Pre-filled from the data: total 1,334 contacts, +21.3 % on last month; the quote featured.
  await expect(page.getByLabel('Highlights: the story of the month')).toHaveValue(/\*\*1,334 contacts\*\*, \+21\.3 % on/);
  await expect(page.getByLabel(/The refund arrived/)).toBeChecked();
  const title = `Our month ${team.slug}`;
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status')).toContainText('Saved (version 2)');

  await page.getByRole('link', { name: 'Preview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('headline').filter({ hasText: 'Contacts received' })).toContainText('1,334');
  await page.getByRole('link', { name: 'Back to the composer' }).click();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status')).toContainText('Published');

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
  await expect(total).toContainText('+21.3 %');
  await expect(reader.getByTestId('headline').filter({ hasText: 'CSAT' })).toContainText('Meets target 90%');
  await expect(reader.getByTestId('edition-quote')).toContainText('A customer');
  await expect(reader.locator('body')).not.toContainText('Hidden Harriet');
  // Every chart has its data table.
  await reader.getByText('Data table').first().click();
  await expect(reader.getByRole('table', { name: 'Contacts per month by channel' })).toBeVisible();
  await reader.getByLabel('A short note to the team (optional)').fill('I didn’t realise how many billing calls you take!');
  await reader.getByRole('button', { name: 'Say thank you' }).click();
  await expect(reader.getByRole('status').filter({ hasText: 'your note reached the team' })).toBeVisible();
  await context.close();

  await page.goto(`/reviews/${team.slug}/${month}`);
  await expect(page.getByTestId('readership')).toContainText('1 thank-you');
  await expect(page.getByTestId('thanks-note')).toContainText('I didn’t realise how many billing calls you take!');
  await expect(page.getByTestId('thanks-note')).toContainText('Casey Reader');
});

test('publishing emails the edition once through SMTP, with an absolute link and no anonymous customer', async ({ db, browser }) => {
  const messages: { to: string[]; raw: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const app = await startAppServer({ DATABASE_URL: process.env.E2E_DATABASE_URL!, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), MAIL_FROM: 'Service Review <review@example.test>', PUBLIC_URL: 'https://review.example.com' });
  try {
    const month = monthsAgo(1);
    const team = await seededTeam(db, month, monthsAgo(2));
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await signIn(page, leader.email);
    await page.goto(`/manage/${team.slug}/reviews`);
    await page.getByLabel('Month').selectOption(month);
    await page.getByRole('button', { name: 'Start the edition' }).click();
    await expect(page.getByText('On first publish, the edition goes by email')).toBeVisible();
    await page.getByLabel('Email distribution list (optional)').fill(`finance-${team.slug}@example.test`);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('status')).toContainText('Published');
    await expect.poll(() => messages.filter((m) => m.to.includes(`finance-${team.slug}@example.test`)).length, { timeout: 15_000 }).toBe(1);
    // Marked sent right after the SMTP server accepted it.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('email-status')).toContainText('Sent', { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    // A correction does not email again.
    await page.getByLabel(/Correction note/).fill('Wording fixed.');
    await page.getByRole('button', { name: 'Publish correction' }).click();
    await expect(page.getByRole('status')).toContainText('revision 2');
    const sent = messages.filter((m) => m.to.includes(`finance-${team.slug}@example.test`));
    expect(sent).toHaveLength(1);
    const raw = sent[0]!.raw.replace(/=\r?\n/g, '');
    expect(raw).toContain(`https://review.example.com/reviews/${team.slug}/${month}`);
    expect(raw).toContain('The refund arrived while we were still talking.');
    expect(raw).not.toMatch(/Hidden Harriet|Secret Corp/);
    await context.close();
  } finally {
    await app.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
});
