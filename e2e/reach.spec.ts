// The Reach view: a team's last editions by department, its chart, table and CSV agreeing; and an
// edition's tab title naming the team and month, for those who may read it and nobody else.
import { makeDepartment, makeReview, makeTeam, makeUser } from '../prisma/factories';
import { monthLabel } from './fixtures/editions';
import { expect, test } from './fixtures';
import { shoot } from './fixtures/shots';

const cells = (row: string) => row.split('\t').map((c) => c.trim().replace(/,/g, '').replace(/^–$/, ''));

test('an executive opens a team’s Reach: chart, data table, CSV and edition counts agree', async ({
  page,
  db,
  signInAs,
}) => {
  test.setTimeout(120_000); // a cold page on a busy machine
  // A department of one whose person read the latest edition: counted, never named.
  const care = await db.team.findUniqueOrThrow({ where: { slug: 'customer-care' } });
  const latest = await db.review.findFirstOrThrow({
    where: { teamId: care.id, status: 'PUBLISHED', kind: 'MONTHLY' },
    orderBy: { month: 'desc' },
  });
  const tiny = await makeDepartment(db, `Legal ${Date.now()}`);
  const loner = await makeUser(db, { role: 'COLLEAGUE', departmentId: tiny.id });
  await db.reviewView.create({ data: { teamId: care.id, reviewId: latest.id, userId: loner.id } });

  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs('EXEC');
  await page.goto('/reviews');
  await page.getByRole('navigation', { name: 'Reach' }).getByRole('link', { name: 'Reach: Customer Care' }).click();
  // The first render of a cold page beside other builds can take longer than the default wait.
  await expect(page.getByRole('heading', { level: 1, name: 'Reach: Customer Care' })).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveTitle('Reach · Service Review');
  // The demo's Logistics never read an edition.
  await expect(page.getByRole('list', { name: 'Departments not reached' })).toContainText('Logistics');

  // Other specs read the demo's editions meanwhile: the page and its CSV are compared as read one
  // after the other, again from a fresh page whenever a reader came in between.
  await expect(async () => {
    await page.reload();
    const figure = page.getByRole('figure', { name: 'Readers by department' });
    await expect(figure.locator('svg[data-chart="reach"] rect').first()).toBeVisible();
    await figure.getByText('Data table').click();
    const header = cells(await figure.locator('thead tr').innerText());
    const table = (await figure.locator('tbody tr').allInnerTexts()).map(cells);
    expect(header[0]).toBe('Edition');
    expect(header).toContain('Sales');
    expect(header).toContain('Other departments');
    expect(header).not.toContain(tiny.name);
    await expect(page.getByTestId('reach-departments')).toContainText('Other departments');
    await expect(page.getByTestId('reach-departments')).not.toContainText(tiny.name);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('customer-care-reach.csv');
    const text = (await (await download.createReadStream()).toArray()).join('');
    expect(text).not.toContain(tiny.name);
    const csv = text.trim().split('\n');
    expect(csv[0]!.split(',')).toEqual([...header, 'Unique readers', 'Share of organisation (%)', 'Thanks', 'Notes']);
    const csvRows = csv.slice(1).map((line) => line.split(','));
    expect(csvRows.map((r) => r.slice(0, header.length))).toEqual(table);

    // Each edition's unique readers are the sum of its departments' bars, on the page and in the CSV.
    const editions = (await page.getByTestId('reach-editions').locator('tbody tr').allInnerTexts()).map(cells);
    expect(editions).toHaveLength(table.length);
    for (const [i, row] of table.entries()) {
      const sum = row.slice(1).reduce((n, c) => n + Number(c || 0), 0);
      expect(Number(editions[i]![1]), `edition ${row[0]}`).toBe(sum);
      expect(Number(csvRows[i]![header.length]), `CSV ${row[0]}`).toBe(sum);
    }
  }).toPass({ timeout: 60_000 });
  await shoot(page, 'reach');
});

test('an edition’s tab title and link preview name the team and month; an unpublished one names nothing', async ({
  page,
  db,
  signInAs,
}) => {
  test.setTimeout(120_000);
  const team = await db.team.findUniqueOrThrow({ where: { slug: 'customer-care' } });
  const published = await db.review.findFirstOrThrow({
    where: { teamId: team.id, status: 'PUBLISHED' },
    orderBy: { month: 'desc' },
  });
  const other = await makeTeam(db, { name: `Field Service ${Date.now()}` });
  const draft = await makeReview(db, { teamId: other.id, month: published.month });
  await signInAs('COLLEAGUE');
  await page.goto(`/reviews/customer-care/${published.month}`);
  const title = `Customer Care — ${monthLabel(published.month)} · Service Review`;
  await expect(page).toHaveTitle(title);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', title);
  await expect(page.locator('meta[name="twitter:title"]')).toHaveAttribute('content', title);
  // A colleague may not see the team's Reach, so the edition offers no link to it.
  await expect(page.getByRole('link', { name: /Reach over the last editions/ })).toHaveCount(0);

  const response = await page.goto(`/reviews/${other.slug}/${draft.month}`);
  expect(response?.status()).toBe(404);
  await expect(page).not.toHaveTitle(/Field Service/);
  expect(await page.locator('meta[property="og:title"]').count()).toBe(0);
});
