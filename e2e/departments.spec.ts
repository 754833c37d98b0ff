// The department lens: a leader links reasons to departments, publishes, and a colleague in
// Logistics and one in Finance each find their own department's part first, on the page and in
// their email; the department page's table, chart and CSV agree.
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { makeDepartment, makeUser } from '../prisma/factories';
import { startTestSmtp } from '../scripts/testing/smtp';
import { startAppServer } from './fixtures/app-server';
import { holdEmailQueue } from './fixtures/email-queue';
import { addAxe, COLOUR_RULES, runAxe, WCAG_AA } from './fixtures/axe';
import { monthsAgo, seededTeam } from './fixtures/editions';
import { expect, signIn, test } from './fixtures';
import { shoot } from './fixtures/shots';

const cells = (row: string) => row.split('\t').map((c) => c.trim());

/** Dark, once the buttons' colour transitions have ended: axe measures the colours they end on. */
async function darkAxe(page: Page) {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  );
  const { violations } = await runAxe(page, { rules: COLOUR_RULES });
  await page.emulateMedia({ colorScheme: 'light' });
  return violations;
}

test('Logistics and Finance each read their own section first; the department page’s table, chart and CSV agree', async ({
  db,
  browser,
}) => {
  test.setTimeout(240_000);
  // Its server has SMTP on the shared database: it takes its turn with the other email specs.
  const releaseQueue = await holdEmailQueue();
  const smtp = await startTestSmtp();
  const app = await startAppServer({
    DATABASE_URL: process.env.E2E_DATABASE_URL!,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    MAIL_FROM: 'Service Review <review@example.test>',
    PUBLIC_URL: 'https://review.example.com',
  });
  try {
    const month = monthsAgo(1);
    const team = await seededTeam(db, month, monthsAgo(2));
    // Delivery contacts beside seededTeam's Billing ones.
    const delivery = await db.contactReason.findFirstOrThrow({ where: { teamId: team.id, name: 'Delivery' } });
    for (const [m, count] of [
      [monthsAgo(2), 300],
      [month, 402],
    ] as const) {
      const figures = await db.monthFigures.findUniqueOrThrow({
        where: { teamId_month: { teamId: team.id, month: m } },
      });
      await db.reasonCount.create({ data: { teamId: team.id, figuresId: figures.id, reasonId: delivery.id, count } });
    }
    const logistics = await makeDepartment(db, `Logistics ${team.slug}`);
    const finance = await makeDepartment(db, `Finance ${team.slug}`);
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const inLogistics = await makeUser(db, { role: 'COLLEAGUE', departmentId: logistics.id });
    const inFinance = await makeUser(db, { role: 'COLLEAGUE', departmentId: finance.id });

    const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await addAxe(page);
    await signIn(page, leader.email);
    await page.goto(`/manage/${team.slug}/settings`);
    const links = page.getByTestId('reason-departments');
    await links.getByLabel('Delivery').selectOption({ label: logistics.name });
    await links.getByLabel('Billing').selectOption({ label: finance.name });
    await links.getByRole('button', { name: 'Save departments' }).click();
    await expect(links.getByRole('status')).toContainText('Saved 2 links');
    await shoot(page, 'department-links');

    await page.goto(`/manage/${team.slug}/reviews`);
    await page.getByLabel('Month').selectOption(month);
    await page.getByRole('button', { name: 'Start the edition' }).click();
    await page.getByLabel('Email distribution list (optional)').fill([inLogistics.email, inFinance.email].join('\n'));
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish and email 2 people' }).click();
    await expect(page.getByTestId('published-notice')).toContainText('Published ·');
    const mailTo = (email: string) => smtp.messages.find((m) => m.to.includes(email));
    await expect.poll(() => [inLogistics, inFinance].every((u) => mailTo(u.email)), { timeout: 30_000 }).toBe(true);

    // Each email carries its reader's department's part; past it, the two are the same words.
    const body = (email: string) =>
      mailTo(email)!
        .raw.replace(/=\r?\n/g, '')
        .replace(/\r\n/g, '\n');
    const [mailL, mailF] = [body(inLogistics.email), body(inFinance.email)];
    expect(mailL).toContain(`For your department: ${logistics.name}`);
    expect(mailL).not.toContain(`For your department: ${finance.name}`);
    expect(mailF).toContain(`For your department: ${finance.name}`);
    expect(mailF).not.toContain(`For your department: ${logistics.name}`);
    const general = (mail: string) => mail.slice(mail.indexOf('The month in numbers'), mail.indexOf('To stop'));
    expect(general(mailL).length).toBeGreaterThan(200);
    expect(general(mailL)).toBe(general(mailF));

    // On the page, each reads their own department's part first.
    for (const [user, department, other] of [
      [inLogistics, logistics, finance],
      [inFinance, finance, logistics],
    ] as const) {
      const reader = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 } });
      const readerPage = await reader.newPage();
      await addAxe(readerPage);
      await signIn(readerPage, user.email);
      await readerPage.goto(`/reviews/${team.slug}/${month}`);
      const first = readerPage.locator('article section[data-section]').first();
      await expect(first).toHaveAttribute('data-section', 'department');
      await expect(first.getByRole('heading', { level: 2 })).toHaveText(`For your department: ${department.name}`);
      await expect(readerPage.getByText(`For your department: ${other.name}`)).toHaveCount(0);
      if (department === logistics) {
        await expect(first).toContainText('402 contacts this month came from reasons');
        await shoot(readerPage, 'department-section');
        await first.getByRole('link', { name: `${logistics.name}’s last twelve months` }).click();
        await expect(readerPage.getByRole('heading', { level: 1, name: logistics.name })).toBeVisible();
        const figure = readerPage.getByRole('figure', { name: `Contacts caused by ${logistics.name}’s reasons` });
        await expect(figure.locator('svg rect').first()).toBeVisible();
        await figure.getByText('Data table').click();
        const header = cells(await figure.locator('thead tr').innerText());
        const table = (await figure.locator('tbody tr').allInnerTexts()).map(cells);
        expect(header).toEqual(['Month', team.name, 'Total', 'Change on previous month']);
        expect(table).toHaveLength(12);
        // Months before the team's figures are gaps, not zeros.
        expect(table[0]![1]).toBe('–');
        // The chart draws the table's numbers: one column per month, each naming the team's value.
        const row = table.find((r) => r[1] === '402');
        expect(row, 'the edition month in the table').toBeTruthy();
        const labels = await figure
          .locator('.chart-columns rect')
          .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
        expect(labels).toHaveLength(table.length);
        table.forEach((r, i) => {
          const line = labels[i]!.split('; ').find((l) => l.startsWith(`${team.name}: `)) ?? '';
          // "402 contacts (+34.0%)" for 402; "–" for a month without figures.
          expect(line.slice(team.name.length + 2).split(/[^\d,–]/)[0]).toBe(r[1]);
        });
        const [download] = await Promise.all([
          readerPage.waitForEvent('download'),
          figure.getByRole('link', { name: 'Download CSV' }).click(),
        ]);
        const csv = parse((await (await download.createReadStream()).toArray()).join(''), { bom: true }) as string[][];
        expect(csv[0]).toEqual(header);
        const normal = (r: string[]) => r.map((c) => c.replace(/,/g, '').replace(/^–$/, ''));
        expect(csv.slice(1).map(normal)).toEqual(table.map(normal));
        expect((await runAxe(readerPage, { tags: WCAG_AA })).violations).toEqual([]);
        expect(await darkAxe(readerPage)).toEqual([]);
        await shoot(readerPage, 'department-page');
      }
      await reader.close();
    }

    // The exec map, light and dark, axe-clean.
    const exec = await makeUser(db, { role: 'EXEC' });
    const execContext = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 } });
    const execPage = await execContext.newPage();
    await addAxe(execPage);
    await signIn(execPage, exec.email);
    await execPage.goto('/departments');
    const mapRow = execPage.getByRole('row', { name: new RegExp(logistics.name) });
    await expect(mapRow).toContainText('402');
    await expect(execPage.getByTestId('department-movers')).toContainText(logistics.name);
    expect((await runAxe(execPage, { tags: WCAG_AA })).violations).toEqual([]);
    expect(await darkAxe(execPage)).toEqual([]);
    await shoot(execPage, 'department-map');
    await execContext.close();
    await context.close();
  } finally {
    await app.stop();
    await smtp.close();
    await releaseQueue();
  }
});
