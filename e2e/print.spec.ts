// Printing at any moment draws every chart and shows every data table: the charts are server-drawn
// SVG, so a PDF made straight after the page opens — no scrolling, no waiting for scripts — holds
// them all.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addMonths, currentMonth } from '../lib/dates/month';
import { expect, test } from './fixtures';

/** In the print-emulated page: every chart has its marks, every data table is shown. */
async function expectPrintComplete(page: Page, minCharts: number) {
  await page.emulateMedia({ media: 'print' });
  const charts = page.locator('svg[data-chart]');
  expect(await charts.count()).toBeGreaterThanOrEqual(minCharts);
  for (const chart of await charts.all()) {
    const id = await chart.getAttribute('data-chart');
    // Bars, areas or a line with points: the marks of the data, not only axes.
    const marks = chart.locator('.chart-marks rect, .chart-marks path');
    expect(await marks.count(), `${id} has marks`).toBeGreaterThan(0);
    await expect(chart, `${id} is drawn`).toBeVisible();
    const box = await chart.boundingBox();
    expect(box?.width ?? 0, `${id} has the page's width`).toBeGreaterThan(300);
    await expect(page.locator(`table#${id}-table`), `${id}'s table prints`).toBeVisible();
  }
  // No screen control is printed in place of the tables.
  for (const summary of await page.locator('details.chart-details > summary').all()) await expect(summary).toBeHidden();
}

// Making a PDF of a dozen charts and their tables takes seconds, more on a busy machine.
test.describe.configure({ timeout: 120_000 });

test('an edition printed straight after opening draws every chart and prints every table', async ({
  page,
  signInAs,
}) => {
  await signInAs('COLLEAGUE');
  await page.goto(`/reviews/customer-care/${addMonths(currentMonth(), -2)}`);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.length).toBeGreaterThan(50_000);
  if (process.env.E2E_SHOTS) writeFileSync(`${process.env.E2E_SHOTS}/edition.pdf`, pdf);
  await expectPrintComplete(page, 5);
  // Each chart card is kept whole across page breaks.
  expect(
    await page
      .locator('figure')
      .first()
      .evaluate((f) => getComputedStyle(f).breakInside),
  ).toBe('avoid');
});

test('the trends page prints every chart and table too', async ({ page, signInAs }) => {
  await signInAs('EXEC');
  await page.goto('/trends?team=customer-care&range=24');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  if (process.env.E2E_SHOTS) writeFileSync(`${process.env.E2E_SHOTS}/trends.pdf`, pdf);
  await expectPrintComplete(page, 4);
});

test('a chart tells each month on hover and by keyboard, from the server-drawn columns', async ({ page, signInAs }) => {
  await signInAs('EXEC');
  await page.goto('/trends?team=customer-care&kpi=csat&range=12');
  const figure = page.getByRole('figure', { name: 'CSAT' });
  const columns = figure.locator('.chart-columns rect');
  await expect(columns).toHaveCount(12);
  // The last month is the one in the tab order; arrow keys move between months.
  await columns.last().focus();
  const tip = figure.locator('.pointer-events-none');
  await expect(tip).toContainText(/CSAT: [\d.]+%/);
  await expect(tip).toContainText('Target: 90.0%');
  await page.keyboard.press('ArrowLeft');
  await expect(columns.nth(10)).toBeFocused();
  await expect(columns.nth(10)).toHaveAttribute('tabindex', '0');
  await expect(columns.last()).toHaveAttribute('tabindex', '-1');
  // The tooltip's change is in points: CSAT is a percentage.
  await expect(tip).toContainText(/CSAT: [\d.]+% \(([+−][\d.]+\spts|no change)\)/);
  await columns.first().hover();
  await expect(tip).toContainText(/^\d{4}-\d{2}/);
});
