import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { makeCatalog, makeReview, makeTeam, makeUser } from '../prisma/factories';
import { zendeskExport } from '../prisma/ticket-exports';
import { expect, signIn, test } from './fixtures';
import { addAxe, COLOUR_RULES, runAxe, WCAG_AA } from './fixtures/axe';
import { shoot } from './fixtures/shots';

/** A Zendesk-like export plus `fax` tickets from a channel the team does not have, tagged "refund". */
function exportWithFax(month: string, perMonth: number, fax: number, seed: number) {
  const { text, truth } = zendeskExport([month], perMonth, seed);
  const extra = Array.from(
    { length: fax },
    (_, i) => `${9000 + i},Fax sender,${month}-10T10:00:00Z,Order form,Fax,question,refund,,Good,10,100,Solved`,
  );
  return { buffer: Buffer.from(text + extra.join('\r\n') + '\r\n'), truth };
}

test('a leader imports a help-desk export: ignored tickets need confirming, and the next import is pre-filled', async ({
  page,
  db,
}) => {
  // Two imports, each reading and aggregating a file in the browser, and an axe pass: more than
  // the default 30 s on a busy machine.
  test.setTimeout(180_000);
  await addAxe(page);
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, {
    channels: ['Phone', 'Email', 'Chat', 'Social media'],
    reasons: ['Billing', 'Delivery', 'Returns', 'Complaints'],
    segments: ['Consumers', 'Business customers'],
  });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  // June already holds a reason the file never names, and has a published edition.
  const complaints = await db.contactReason.findFirstOrThrow({ where: { teamId: team.id, name: 'Complaints' } });
  const june = await db.monthFigures.create({ data: { teamId: team.id, month: '2025-06' } });
  await db.reasonCount.create({ data: { teamId: team.id, figuresId: june.id, reasonId: complaints.id, count: 321 } });
  await makeReview(db, { teamId: team.id, month: '2025-06', status: 'PUBLISHED' });

  await signIn(page, leader.email);
  await page.goto(`/manage/${team.slug}/import/tickets`);
  const first = exportWithFax('2025-06', 120, 15, 11);
  await page
    .getByLabel('Ticket export (CSV)')
    .setInputFiles({ name: 'zendesk-june.csv', mimeType: 'text/csv', buffer: first.buffer });
  await expect(page.getByLabel('Date (created)')).toHaveValue('2');
  await expect(page.getByLabel('Channel', { exact: true })).toHaveValue('4');

  // Every date is ISO: no day-first question. Synonyms matched the Via values; nothing is dropped
  // by default: Fax, a channel the team lacks, becomes a new channel named as in the file.
  await expect(page.getByText('135 tickets read from zendesk-june.csv: 135 counted.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'A Zendesk export: 135 tickets' })).toBeVisible();
  await expect(page.getByLabel('Dates like 03/04/2026 mean')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: /^Phone call \(inbound\)/ })).toHaveValue('Phone');
  await expect(page.getByRole('combobox', { name: /^Mail/ })).toHaveValue('Email');
  await expect(page.getByRole('combobox', { name: /^WhatsApp/ })).toHaveValue('Social media');
  await expect(page.getByRole('combobox', { name: /^Fax/ })).toHaveValue('Fax');
  await expect(page.getByRole('combobox', { name: /^refund/ })).toHaveValue('refund');
  const warning = page.getByRole('alert').filter({ hasText: 'will not be counted' });
  await expect(warning).toHaveCount(0);
  const importButton = page.getByRole('button', { name: 'Import 1 month' });
  await expect(importButton).toBeEnabled();

  // Ignoring is the leader's explicit choice, and only then is the tick asked for.
  await page.getByRole('combobox', { name: /^Fax/ }).selectOption('');
  await expect(warning).toContainText('15 of 135 tickets (11.1%) will not be counted');
  await expect(importButton).toBeDisabled();

  // The preview: June as now → after, the old reason to be emptied, and the published edition.
  const preview = page.getByRole('table', { name: 'June 2025: figures now and after the import' });
  await expect(preview.getByRole('row', { name: /Complaints/ })).toContainText('emptied');
  await expect(page.getByText('June 2025 has a published edition')).toBeVisible();
  await expect(page.getByText('Segments add up to the 120 contacts.')).toBeVisible();
  // The mapping step and the preview are only on screen after a file is read: the accessibility
  // sweep of every page cannot see them, so they are checked here, light and dark.
  expect((await runAxe(page, { tags: WCAG_AA })).violations).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect((await runAxe(page, { rules: COLOUR_RULES })).violations).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await shoot(page, 'ticket-import');

  await warning.getByLabel('I checked: these tickets should not count').check();
  await expect(importButton).toBeEnabled();
  // Rather than ignore them, the leader counts faxes as phone and the "refund" tag as Returns.
  await page.getByRole('combobox', { name: /^Fax/ }).selectOption('Phone');
  await page.getByRole('combobox', { name: /^refund/ }).selectOption('Returns');
  await expect(warning).toHaveCount(0);
  await importButton.click();
  const status = page.getByRole('status').filter({ hasText: 'Imported 1 month' });
  await expect(status).toBeVisible();
  await expect(status).toContainText('2025-06 has a published edition whose figures now differ');
  const t = first.truth['2025-06']!;
  const figures = await db.monthFigures.findFirstOrThrow({
    where: { teamId: team.id, month: '2025-06' },
    include: { reasons: { include: { reason: true } }, volumes: { include: { channel: true } } },
  });
  expect(figures.reasons.find((r) => r.reason.name === 'Complaints')).toBeUndefined();
  expect(figures.volumes.find((v) => v.channel.name === 'Phone')?.received).toBe(
    (t.byChannel['Phone call (inbound)'] ?? 0) + 15,
  );
  await status.getByRole('link', { name: 'Back to the months' }).click();
  await expect(page).toHaveURL(new RegExp(`/manage/${team.slug}$`));

  // Next month's export, as a person does it from the import page: choose the file, check the
  // preview, Import. The team's source profile brings every choice back; nothing to confirm.
  await page.goto(`/manage/${team.slug}/import/tickets`);
  let interactions = 0;
  await page.getByLabel('Ticket export (CSV)').setInputFiles({
    name: 'zendesk-july.csv',
    mimeType: 'text/csv',
    buffer: exportWithFax('2025-07', 60, 4, 12).buffer,
  });
  interactions++;
  await expect(page.getByText('Read with this team’s saved settings for this export')).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^Fax/ })).toHaveValue('Phone');
  await expect(page.getByRole('combobox', { name: /^refund/ })).toHaveValue('Returns');
  await expect(page.getByRole('alert').filter({ hasText: 'will not be counted' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Import 1 month' }).click();
  interactions++;
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 month' })).toBeVisible();
  expect(interactions).toBeLessThanOrEqual(4);
});

test('a Latin-1 Salesforce report: read with its accents, its preamble and footer left out, and the repeat month in two steps', async ({
  page,
  db,
}) => {
  test.setTimeout(180_000);
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const bytes = readFileSync('lib/figures/fixtures/salesforce-cases.csv');
  await signIn(page, leader.email);
  await page.goto(`/manage/${team.slug}/import/tickets`);
  const file = page.getByLabel('Ticket export (CSV)');
  await file.setInputFiles({ name: 'salesforce-cases.csv', mimeType: 'text/csv', buffer: bytes });
  await expect(page.getByRole('heading', { name: 'A Salesforce Service Cloud export: 210 tickets' })).toBeVisible();
  const encoding = page.getByLabel('Characters read as');
  await expect(encoding).toHaveValue('windows-1252');
  await expect(page.getByText(/Check these names read right: .*Société Générale/)).toBeVisible();
  await expect(page.getByText('Left out 3 lines before the header row')).toBeVisible();
  await expect(
    page.getByText('Left out 5 lines after the last ticket (the report’s footer), starting “Grand Totals'),
  ).toBeVisible();
  await expect(page.getByLabel('Channel', { exact: true })).toHaveValue('1');
  await expect(page.getByRole('combobox', { name: /^Partner Portal/ })).toHaveValue('Email');
  await expect(page.getByRole('combobox', { name: /^Société Générale/ })).toHaveValue('Business');
  await expect(page.getByText('210 tickets read from salesforce-cases.csv: 210 counted.')).toBeVisible();
  await shootNotice(page, 'import-preview-latin1');
  // Read as UTF-8 against the detection, the accents cannot be read, and say so with "?", never U+FFFD.
  await encoding.selectOption('utf-8');
  await expect(page.getByText(/Check these names read right: .*Soci\?t\? G\?n\?rale/)).toBeVisible();
  expect(await page.locator('body').innerText()).not.toContain('\uFFFD');
  await encoding.selectOption('windows-1252');
  // The leader counts "Web" cases as Email rather than a new channel: remembered with the rest.
  await page.getByRole('combobox', { name: /^Web/ }).selectOption('Email');
  await page.getByRole('button', { name: 'Import 3 months' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 months' })).toBeVisible();

  await page.goto(`/manage/${team.slug}/import/tickets`);
  let interactions = 0;
  await file.setInputFiles({ name: 'salesforce-cases-november.csv', mimeType: 'text/csv', buffer: bytes });
  interactions++;
  await expect(page.getByText('Read with this team’s saved settings for this export')).toBeVisible();
  await expect(encoding).toHaveValue('windows-1252');
  await expect(page.getByRole('combobox', { name: /^Web/ })).toHaveValue('Email');
  await page.getByRole('button', { name: 'Import 3 months' }).click();
  interactions++;
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 months' })).toBeVisible();
  expect(interactions).toBeLessThanOrEqual(4);
});

/** With E2E_SHOTS set, the top of the import page (how the file was read, the columns) at desktop width. */
async function shootNotice(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.screenshot({ path: `${dir}/${name}.png` });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.getByRole('heading', { name: /export:/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/${name}-phone.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}
