// The year in review as people use it: a leader starts it from the year's data, makes the story
// their own and publishes it; a colleague finds it apart from the months, reads it and says thanks.
import { makeCatalog, makeQuote, makeReview, makeTeam, makeUser, makeWin } from '../prisma/factories';
import { expect, signIn, test } from './fixtures';
import { shoot } from './fixtures/shots';

const year = String(new Date().getUTCFullYear() - 1);
// Phone contacts by month, January first; March has no figures.
const PHONE = [900, 950, null, 1000, 1100, 1050, 980, 1010, 1200, 1150, 1300, 1500];

test('a leader starts, edits and publishes the year in review; a colleague reads and thanks it', async ({
  page,
  db,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, { channels: ['Phone'], kpis: [{ name: 'CSAT', unit: 'PERCENT', target: 90 }] });
  const phone = await db.channel.findFirstOrThrow({ where: { teamId: team.id } });
  const csat = await db.kpi.findFirstOrThrow({ where: { teamId: team.id } });
  for (const [i, received] of PHONE.entries()) {
    if (received === null) continue;
    await db.monthFigures.create({
      data: {
        teamId: team.id,
        month: `${year}-${String(i + 1).padStart(2, '0')}`,
        volumes: { create: [{ teamId: team.id, channelId: phone.id, received, handled: received }] },
        kpis: { create: [{ teamId: team.id, kpiId: csat.id, value: 88 + (i % 5) }] },
      },
    });
  }
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const zoe = await makeUser(db, { role: 'AGENT', teamId: team.id, name: 'Zoe Quinn' });
  const ben = await makeUser(db, { role: 'AGENT', teamId: team.id, name: 'Ben Aalto' });
  await makeQuote(db, {
    teamId: team.id,
    submitterId: zoe.id,
    status: 'APPROVED',
    receivedOn: new Date(`${year}-06-12`),
    pullQuote: 'You turned a bad week into a good one',
    creditIds: [zoe.id],
  });
  await makeWin(db, {
    teamId: team.id,
    recordedById: ben.id,
    occurredOn: new Date(`${year}-09-03`),
    title: 'Callbacks within the hour',
    creditIds: [ben.id],
  });
  await db.outcome.create({
    data: { teamId: team.id, kind: 'PROJECT_FUNDED', occurredOn: new Date(`${year}-10-20`), text: 'Web chat funded' },
  });
  const may = await makeReview(db, { teamId: team.id, month: `${year}-05`, status: 'PUBLISHED', title: 'May' });
  await db.reviewThanks.create({ data: { teamId: team.id, reviewId: may.id, userId: zoe.id } });

  await signIn(page, leader.email);
  await page.goto(`/manage/${team.slug}/reviews`);
  await page.getByRole('button', { name: `Start the ${year} year in review` }).click();
  await expect(page).toHaveURL(new RegExp(`/manage/${team.slug}/reviews/${year}$`));
  const story = page.getByLabel('Highlights: the story of the year');
  const total = PHONE.reduce<number>((a, v) => a + (v ?? 0), 0);
  await expect(story).toHaveValue(new RegExp(`\\*\\*${total.toLocaleString('en-GB')} contacts\\*\\*`));
  await expect(story).toHaveValue(new RegExp(`Figures are missing for March ${year}`));
  const mine = 'Thank you all for a year we are proud of.';
  await story.fill(`${await story.inputValue()}\n\n${mine}`);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status')).toContainText('Saved (2 saves)');
  await shoot(page, 'year-review-composer');
  await page.getByRole('button', { name: 'Publish…' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Publish/ })
    .click();
  await expect(page.getByTestId('published-notice')).toContainText('Published ·');

  // The team's editions list shows the year apart from the months.
  await page.goto(`/manage/${team.slug}/reviews`);
  await expect(page.getByRole('list', { name: 'Years in review' })).toContainText(`${year} in review`);

  const colleagueContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const reader = await colleagueContext.newPage();
  const colleague = await makeUser(db, { role: 'COLLEAGUE' });
  await signIn(reader, colleague.email);
  await reader.goto('/reviews');
  await reader
    .getByRole('region', { name: 'Years in review' })
    .getByRole('link', { name: new RegExp(team.name) })
    .click();
  await expect(reader).toHaveURL(new RegExp(`/reviews/${team.slug}/${year}$`));
  const edition = reader.getByTestId('year-review');
  await expect(edition.getByRole('heading', { level: 1 })).toHaveText(`${team.name}: ${year} in review`);
  await expect(edition).toContainText(mine);
  await expect(edition.getByTestId('headline').first()).toContainText(total.toLocaleString('en-GB'));
  // Twelve bars with their table: March is a gap, not a zero.
  const chart = edition.getByRole('figure', { name: `Contacts by month in ${year}` });
  await expect(chart.locator('tbody tr')).toHaveCount(12);
  await expect(edition.getByRole('link', { name: `May ${year}: May` })).toHaveAttribute(
    'href',
    `/reviews/${team.slug}/${year}-05`,
  );
  await expect(edition.getByTestId('year-outcomes')).toContainText('Web chat funded');
  await expect(edition.getByTestId('year-people').getByRole('listitem')).toHaveText(['Ben Aalto', 'Zoe Quinn']);
  await expect(edition.getByTestId('edition-quote')).toContainText('You turned a bad week into a good one');
  await shoot(reader, 'year-review-edition');
  await reader.getByRole('button', { name: 'Say thank you' }).click();
  await expect(reader.getByText('the team will see it')).toBeVisible();
  expect(await db.reviewThanks.count({ where: { reviewId: { not: may.id }, teamId: team.id } })).toBe(1);
  await colleagueContext.close();
});
