import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures';

test.describe('dashboard, trends and TV', () => {
  test('the dashboard shows each team’s latest month with changes and quotes', async ({ page, signInAs }) => {
    await signInAs('COLLEAGUE');
    await page.goto('/');
    const care = page.getByRole('region', { name: /Customer Care/ });
    await expect(care.getByText('Contacts', { exact: true })).toBeVisible();
    await expect(care.getByText(/on last month/).first()).toBeVisible();
    await expect(care.locator('blockquote').first()).toBeVisible();
  });

  test('the trends view lives in the URL: a link reproduces it', async ({ page, signInAs }) => {
    await signInAs('EXEC');
    await page.goto('/trends');
    await page.getByRole('checkbox', { name: 'Billing Support' }).check();
    await page.getByRole('checkbox', { name: 'Customer Care' }).uncheck();
    for (const name of ['Average handle time', 'Backlog', 'First response time', 'First-contact resolution'])
      await page.getByRole('checkbox', { name, exact: true }).uncheck();
    await page.getByLabel('Period').selectOption('24');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/team=billing-support/);
    await expect(page).toHaveURL(/kpi=csat/);
    await expect(page).toHaveURL(/range=24/);
    const url = page.url();

    const fresh = await page.context().newPage();
    await fresh.goto(url);
    await expect(fresh.getByRole('heading', { level: 2, name: 'Billing Support' })).toBeVisible();
    await expect(fresh.getByRole('heading', { level: 2, name: 'Customer Care' })).toHaveCount(0);
    await expect(fresh.getByRole('heading', { level: 3, name: 'CSAT' })).toBeVisible();
    await expect(fresh.getByRole('heading', { level: 3, name: 'Backlog' })).toHaveCount(0);
    // 24 months in the contacts table.
    const contacts = fresh.getByRole('figure', { name: 'Contacts per month by channel' });
    await contacts.getByText('Data table').click();
    await expect(contacts.locator('tbody tr')).toHaveCount(24);
  });

  test('each chart’s CSV download holds what its data table shows', async ({ page, signInAs }) => {
    await signInAs('EXEC');
    await page.goto('/trends?team=customer-care&kpi=csat&range=12');
    const figure = page.getByRole('figure', { name: 'CSAT' });
    await figure.getByText('Data table').click();
    // The table writes a missing value as "–" (the first month has no change before it), the CSV leaves it empty;
    // the table groups thousands, the CSV does not.
    const tableText = (await figure.locator('tbody tr').allInnerTexts()).map((r) =>
      r.split('\t').map((c) =>
        c
          .trim()
          .replace(/(\d),(?=\d{3}\b)/g, '$1')
          .replace(/^–$/, ''),
      ),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csv = (await (await download.createReadStream()).toArray()).join('');
    // A real CSV parse: an outcome's label in the last column has commas of its own, quoted.
    const csvRows = (parse(csv, { bom: true }) as string[][]).slice(1);
    expect(csvRows).toHaveLength(12);
    expect(csvRows).toEqual(tableText);
    expect(download.suggestedFilename()).toMatch(/^customer-care-kpi-csat-.*\.csv$/);
  });

  test('the chart tooltip tells what happened that month (wins and project updates)', async ({ page, signInAs }) => {
    await signInAs('EXEC');
    await page.goto('/trends?team=customer-care&kpi=csat&range=12');
    const figure = page.getByRole('figure', { name: 'Contacts per month by channel' });
    await figure.getByText(/What happened \(\d+\)/).click();
    await expect(
      figure
        .getByRole('list', { name: /What happened/ })
        .getByText(/^★|Win:/)
        .first(),
    ).toBeVisible();
  });

  test('TV mode rotates through teams without navigation', async ({ page, signInAs }) => {
    await signInAs('COLLEAGUE');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/tv');
    await expect(page.getByRole('navigation')).toHaveCount(0);
    const first = await page.getByRole('heading', { level: 1 }).textContent();
    // A press before the rotator hydrates is lost, as it would be for a person at the screen.
    await expect(page.locator('main[data-keys="on"]')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(first!);
    await expect(page.getByText(/ \d+ of \d+$/)).toBeVisible();
  });
});
