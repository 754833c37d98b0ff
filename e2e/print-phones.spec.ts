// The demo's October edition read as people read it: printed on A4 and Letter like a report (few
// pages, every chart and table, rows whole), and on phones at 360 and 390 px (no page scrolls
// sideways; a table too wide scrolls in its frame with its first column in view).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addMonths, currentMonth } from '../lib/dates/month';
import type { EditionSnapshot } from '../lib/editions/content';
import { editionUrl, renderEditionEmail } from '../lib/editions/email-render';
import { expect, test } from './fixtures';

const october = addMonths(currentMonth(), -2);
const edition = `/reviews/customer-care/${october}`;
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

// Two PDFs of a dozen charts, and six pages at two widths: seconds each on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('the October edition prints on at most 7 pages in A4 and Letter, with every chart and table', async ({
  page,
  signInAs,
}) => {
  await signInAs('COLLEAGUE');
  await page.goto(edition);
  await page.emulateMedia({ media: 'print' });
  const article = page.locator('article.edition');
  // What the screen edition holds: its section and chart titles, and each table's rows.
  const titles = (await article.locator('h2, figure h3').allInnerTexts()).map(words).filter(Boolean);
  expect(titles).toEqual(expect.arrayContaining(['What customers contacted us about', 'CSAT', 'Backlog']));
  // A row as printed: its cells' text without the words only screen readers get.
  const rows = await article.locator('table tbody tr').evaluateAll((trs) =>
    trs.map((tr) =>
      [...tr.children]
        .map((cell) => {
          const copy = cell.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.sr-only').forEach((hidden) => hidden.remove());
          return copy.textContent;
        })
        .join(' '),
    ),
  );
  expect(rows.length).toBeGreaterThan(100);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'print-phones-'));
  for (const format of ['A4', 'Letter'] as const) {
    const file = path.join(dir, `edition-${format}.pdf`);
    writeFileSync(file, await page.pdf({ format, printBackground: true }));
    if (process.env.E2E_SHOTS) copyFileSync(file, `${process.env.E2E_SHOTS}/edition-${format}.pdf`);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages, `${format} pages`).toBeGreaterThan(2);
    expect(pages, `${format} pages`).toBeLessThanOrEqual(7);
    // -layout keeps a table row on one line of text: a row split across pages would not be found.
    const lines = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n').map(words);
    const text = lines.join('\n');
    for (const title of titles) expect(text, `${format} holds "${title}"`).toContain(title);
    for (const row of rows.map(words))
      expect(
        lines.some((line) => line.includes(row)),
        `${format} holds the row "${row}" whole`,
      ).toBe(true);
  }
});

/** The page is no wider than the screen; and if a table is wider, it scrolls in its own frame. */
async function expectNoSidewaysScroll(page: Page, name: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${name} at ${innerWidth} px scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

for (const width of [360, 390]) {
  test(`at ${width} px no page scrolls sideways and wide tables keep their first column in view`, async ({
    page,
    signInAs,
    db,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    // The demo team's leader: the fullest dashboard (needs, figures, quotes) and the team's reach.
    const team = await db.team.findUniqueOrThrow({ where: { slug: 'customer-care' } });
    await signInAs('LEADER', { teamId: team.id });
    for (const path of [
      edition,
      '/',
      '/trends?team=customer-care',
      '/reviews/customer-care/reach',
      '/reviews/customer-care/impact',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expectNoSidewaysScroll(page, path);
    }

    // The edition's reasons table is wider than a phone: it scrolls inside its frame, its first
    // column (the reason) stays where it is, and no change such as "+12.0 %" wraps before its "%".
    await page.goto(edition);
    const table = page.getByRole('table', { name: 'Contacts by reason this month' });
    const frame = table.locator('xpath=..');
    expect(await frame.evaluate((f) => f.scrollWidth > f.clientWidth)).toBe(true);
    const reason = table.getByRole('rowheader').first();
    const before = await reason.boundingBox();
    await frame.evaluate((f) => f.scrollBy(200, 0));
    await expect.poll(() => frame.evaluate((f) => f.scrollLeft)).toBeGreaterThan(0);
    expect((await reason.boundingBox())?.x).toBeCloseTo(before?.x ?? -1, 0);
    const wrapped = await page.locator('article td').evaluateAll((cells) =>
      cells
        .filter((td) => /%|pts/.test(td.textContent ?? ''))
        .filter((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        })
        .map((td) => td.textContent),
    );
    expect(wrapped).toEqual([]);

    // "Say thanks" is one tap from the top of the edition, not ~8,000 px of scrolling.
    const thanks = page.getByRole('link', { name: 'Say thanks to the team' });
    expect((await thanks.boundingBox())?.y ?? Infinity).toBeLessThan(800);
    await thanks.click();
    await expect(page.getByRole('heading', { name: 'Say thanks' })).toBeInViewport();

    // The email of the same edition, as a phone's mail app shows it.
    const review = await db.review.findFirstOrThrow({
      where: { month: october, team: { slug: 'customer-care' } },
      select: { revisions: { orderBy: { revision: 'desc' }, take: 1, select: { snapshot: true } } },
    });
    const { html } = await renderEditionEmail(
      review.revisions[0]!.snapshot as unknown as EditionSnapshot,
      editionUrl('http://127.0.0.1', 'customer-care', october),
    );
    await page.setContent(html);
    await expectNoSidewaysScroll(page, 'the email');
  });
}
