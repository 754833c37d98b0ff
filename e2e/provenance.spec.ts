import { makeCatalog, makeReview, makeTeam, makeUser } from '../prisma/factories';
import { breakRule } from '../lib/figures/breaks';
import { sourceNote } from '../lib/figures/source-note';
import { buildContent, suggestHighlights } from '../lib/editions/content';
import type { Catalog, MonthRecord } from '../lib/figures/figures';
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
    // The edition of the month the desk changed, frozen by the same builder publishing uses from
    // the figures just written: every comparison of its contacts spans the change.
    const desk = (m: string) => (m >= breakMonth ? 'Salesforce Service Cloud' : 'Freshdesk');
    const catalog: Catalog = {
      channels: [{ id: phone.id, name: 'Phone', nameKey: 'phone', archivedAt: null }],
      reasons: [],
      segments: [],
      kpis: [],
    };
    const records: MonthRecord[] = months.map((month) => ({
      month,
      version: 1,
      updatedAt: null,
      updatedBy: null,
      state: {
        volumes: { [phone.id]: { received: month >= breakMonth ? 1000 : 2000, handled: 900 } },
        reasons: {},
        segments: {},
        kpis: {},
        note: null,
      },
    }));
    const rule = breakRule({
      sources: months.map((month) => ({ month, part: 'counts', system: desk(month) })),
      declared: [],
      comparable: [],
    });
    // As publishing reads it: the year up to the edition's month.
    const note = sourceNote(
      months
        .filter((m) => m <= breakMonth)
        .map((month) => ({ month, kind: 'IMPORT', label: desk(month), at: new Date() })),
    );
    const content = buildContent({
      team: { name: team.name, slug: team.slug },
      month: breakMonth,
      catalog,
      records,
      quotes: [],
      wins: [],
      updates: [],
      rule,
      sourceNote: note,
    });
    const highlights = suggestHighlights(content, null);
    await makeReview(db, {
      teamId: team.id,
      month: breakMonth,
      status: 'PUBLISHED',
      title: 'A new help desk',
      highlights,
      publishedById: leader.id,
      snapshot: { title: 'A new help desk', highlights, asks: '', content },
    });
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
