import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCatalog, makeDepartment, makeTeam, makeUser } from '../prisma/factories';
import { expect, signIn, test } from './fixtures';
import { addAxe, COLOUR_RULES, runAxe, WCAG_AA } from './fixtures/axe';
import { shoot } from './fixtures/shots';

async function leaderWithTeam(db: Parameters<typeof makeCatalog>[0] & Parameters<typeof makeTeam>[0]) {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, {
    channels: ['Phone', 'Email', 'Chat'],
    reasons: ['Billing', 'Delivery'],
    segments: ['Consumers', 'Business'],
  });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  return { team, leader };
}

test.describe('monthly figures', () => {
  test('a leader imports a help-desk ticket export in the browser and sees the month’s figures', async ({
    page,
    db,
  }) => {
    test.slow();
    const { team, leader } = await leaderWithTeam(db);
    const rows = ['Ticket ID;Created at;Channel;Tags;Organization;Satisfaction;First reply time (min);Status'];
    // 30 phone (3 unsolved), 12 email, 6 chat in September 2025; tags billing/delivery; a quoted field with ; and a line break.
    for (let i = 0; i < 48; i++) {
      const channel = i < 30 ? 'Phone' : i < 42 ? 'Email' : 'Chat';
      const tag = i % 3 === 0 ? 'delivery' : 'billing';
      const org = i === 5 ? '"Acme; Ltd\nLondon"' : i % 4 === 0 ? 'BigCo' : '';
      const rating = i % 5 === 0 ? 'Bad' : 'Good';
      const status = i < 3 ? 'open' : 'solved';
      rows.push(
        `${i + 1};${String((i % 28) + 1).padStart(2, '0')}/09/2025;${channel};${tag};${org};${rating};${10 + (i % 3) * 5};${status}`,
      );
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tickets-'));
    const file = path.join(dir, 'zendesk-export.csv');
    writeFileSync(file, '\uFEFF' + rows.join('\r\n'));

    await signIn(page, leader.email);
    await page.goto(`/manage/${team.slug}/import/tickets`);
    await page.getByLabel('Ticket export (CSV)').setInputFiles(file);
    await expect(page.getByLabel('Date (created)')).toHaveValue('1');
    await expect(page.getByLabel('Channel', { exact: true })).toHaveValue('2');
    // Choosing the file reads it: no button between.
    await expect(page.getByText('48 tickets read from zendesk-export.csv: 48 counted')).toBeVisible();
    await page.getByLabel('Satisfaction → % satisfied').selectOption('CSAT');
    const preview = page.getByRole('table', { name: 'September 2025: figures now and after the import' });
    await expect(preview.getByRole('row', { name: /Phone/ }).first()).toContainText('30');
    await expect(page.getByText('Reasons add up to the 48 contacts.')).toBeVisible();
    await page.getByRole('button', { name: 'Import 1 month' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 month' })).toBeVisible();

    await page.goto(`/manage/${team.slug}/figures/2025-09`);
    await expect(page.getByLabel('Phone received')).toHaveValue('30');
    await expect(page.getByLabel('Phone handled')).toHaveValue('27');
    await expect(page.getByLabel('Email received')).toHaveValue('12');
    await expect(page.getByLabel('Chat received')).toHaveValue('6');
    await expect(page.getByLabel('Contact reasons: Billing')).toHaveValue('32');
    await expect(page.getByLabel('Contact reasons: Delivery')).toHaveValue('16');
    // 10 of 48 rated Bad (every fifth): 38/48 = 79.2 %.
    await expect(page.getByLabel('KPI CSAT')).toHaveValue('79.2');
  });

  test('the monthly CSV import asks each new reason’s department, and a refused one keeps every choice', async ({
    page,
    db,
  }) => {
    const { team, leader } = await leaderWithTeam(db);
    const [logistics, marketing] = [
      await makeDepartment(db, `Logistics ${team.slug}`),
      await makeDepartment(db, `Marketing ${team.slug}`),
    ];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'monthly-'));
    const file = path.join(dir, 'october.csv');
    writeFileSync(
      file,
      [
        'month,kind,item,value',
        '2025-10,received,Phone,10',
        '2025-10,handled,Phone,10',
        '2025-10,reason,Parcel lost,7',
        '2025-10,reason,Loyalty points,3',
      ].join('\n'),
    );
    await signIn(page, leader.email);
    await addAxe(page);
    await page.goto(`/manage/${team.slug}/import`);
    await page.getByLabel('Monthly CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Preview' }).click();
    const parcel = page.getByLabel('Department for “Parcel lost”');
    const loyalty = page.getByLabel('Department for “Loyalty points”');
    await parcel.selectOption({ label: logistics.name });
    await loyalty.selectOption({ label: marketing.name });
    await page.getByLabel(/Create them/).check();
    // The preview is on screen only after a file is read: the sweep of every page cannot see it.
    expect((await runAxe(page, { tags: WCAG_AA })).violations).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect((await runAxe(page, { rules: COLOUR_RULES })).violations).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await shoot(page, 'monthly-import-departments');

    // Marketing is removed while the leader looks: its select says so, and nothing chosen is lost.
    await db.department.delete({ where: { id: marketing.id } });
    await page.getByRole('button', { name: 'Import 1 changed month(s)' }).click();
    await expect(page.locator('#new-reason-department-1-error')).toHaveText('Choose a department from the list.');
    await expect(loyalty).toHaveAttribute('aria-describedby', 'new-reason-department-1-error');
    await expect(parcel).toHaveValue(logistics.id);
    await expect(page.getByLabel(/Create them/)).toBeChecked();
    expect(await db.contactReason.count({ where: { teamId: team.id, name: 'Parcel lost' } })).toBe(0);
    await shoot(page, 'monthly-import-department-refused');

    await loyalty.selectOption('');
    await page.getByRole('button', { name: 'Import 1 changed month(s)' }).click();
    // The last: the route announcer, a status region too, may read the same words.
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 month' }).last()).toContainText(
      `Linked to departments: Parcel lost → ${logistics.name}.`,
    );
    const reasons = await db.contactReason.findMany({
      where: { teamId: team.id, name: { in: ['Parcel lost', 'Loyalty points'] } },
      select: { name: true, departmentId: true },
      orderBy: { name: 'asc' },
    });
    expect(reasons).toEqual([
      { name: 'Loyalty points', departmentId: null },
      { name: 'Parcel lost', departmentId: logistics.id },
    ]);
  });

  test('the form keeps what was typed on errors, and a stale save shows the other leader’s values', async ({
    page,
    db,
    browser,
  }) => {
    const { team, leader } = await leaderWithTeam(db);
    await signIn(page, leader.email);
    await page.goto(`/manage/${team.slug}/figures/2025-02`);
    await page.getByLabel('Phone received').fill('100');
    await page.getByLabel('Phone handled').fill('120');
    await page.getByLabel('KPI CSAT').fill('130');
    await page.getByRole('button', { name: 'Save figures' }).click();
    await expect(page.getByText('More handled than received')).toBeVisible();
    await expect(page.getByText('A percentage is between 0 and 100.')).toBeVisible();
    await expect(page.getByLabel('Phone received')).toHaveValue('100');
    await expect(page.getByLabel('KPI CSAT')).toHaveAttribute('aria-invalid', 'true');
    expect(await db.monthFigures.count({ where: { teamId: team.id } })).toBe(0);

    await page.getByLabel('Phone handled').fill('95');
    await page.getByLabel('KPI CSAT').fill('91.5');
    await page.getByRole('button', { name: 'Save figures' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved: 2025-02 is now at version 1' })).toBeVisible();

    // A second leader opens the same month, then the first saves again first.
    const other = await makeUser(db, { role: 'LEADER', teamId: team.id, name: 'Second Leader' });
    const otherPage = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    await signIn(otherPage, other.email);
    await otherPage.goto(`/manage/${team.slug}/figures/2025-02`);
    await page.getByLabel('Phone received').fill('101');
    await page.getByRole('button', { name: 'Save figures' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'version 2' })).toBeVisible();
    await otherPage.getByLabel('Phone received').fill('250');
    await otherPage.getByLabel('Phone handled').fill('240');
    await otherPage.getByRole('button', { name: 'Save figures' }).click();
    await expect(otherPage.getByRole('status')).toContainText('saved this month while you were editing');
    await expect(otherPage.getByText('Theirs: 101')).toBeVisible();
    await expect(otherPage.getByLabel('Phone received')).toHaveValue('250');
    expect((await db.channelVolume.findFirstOrThrow({ where: { teamId: team.id } })).received).toBe(101);
    await otherPage.getByRole('button', { name: 'Save mine anyway' }).click();
    await expect(otherPage.getByRole('status').filter({ hasText: 'version 3' })).toBeVisible();
    await otherPage.close();
  });

  test('a token pushes figures through the API; bad input is a 400 with paths; another team’s token is a 403', async ({
    page,
    db,
    request,
  }) => {
    const { team, leader } = await leaderWithTeam(db);
    const other = await leaderWithTeam(db);
    await signIn(page, leader.email);
    await page.goto(`/manage/${team.slug}/settings`);
    await page.getByLabel('New token for').fill('Zendesk nightly');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('api-token').textContent())!.trim();
    const auth = { Authorization: `Bearer ${token}` };

    const put = await request.put(`/api/v1/teams/${team.slug}/months/2025-10`, {
      headers: auth,
      data: {
        volumes: [{ channel: 'phone', received: 1234, handled: 1200 }],
        reasons: [{ reason: 'Billing', count: 300 }],
        segments: [{ segment: 'Consumers', count: 900 }],
        kpis: [{ kpi: 'CSAT', value: 91.5 }],
        note: 'From the API',
      },
    });
    expect(put.status()).toBe(201);
    const again = await request.put(`/api/v1/teams/${team.slug}/months/2025-10`, {
      headers: auth,
      data: { volumes: [{ channel: 'Phone', received: 1234, handled: 1200 }] },
    });
    expect((await again.json()).outcome).toBe('unchanged');
    const got = await request.get(`/api/v1/teams/${team.slug}/months/2025-10`, { headers: auth });
    expect(await got.json()).toMatchObject({
      month: '2025-10',
      version: 1,
      volumes: [{ channel: 'Phone', received: 1234, handled: 1200 }],
      kpis: [{ kpi: 'CSAT', value: 91.5 }],
      note: 'From the API',
    });
    const list = await request.get(`/api/v1/teams/${team.slug}/months?from=2025-01&to=2025-12`, { headers: auth });
    expect((await list.json()).months).toHaveLength(1);

    const bad = await request.put(`/api/v1/teams/${team.slug}/months/2025-11`, {
      headers: auth,
      data: { volumes: [{ channel: 'Fax', received: -1, handled: 2 }] },
    });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'volumes.0.received' })]),
    );
    const future = await request.put(`/api/v1/teams/${team.slug}/months/2999-01`, { headers: auth, data: {} });
    expect(future.status()).toBe(400);

    const foreign = await request.put(`/api/v1/teams/${other.team.slug}/months/2025-10`, {
      headers: auth,
      data: { volumes: [] },
    });
    expect(foreign.status()).toBe(403);
    const none = await request.get(`/api/v1/teams/${team.slug}/months`, {
      headers: { Authorization: 'Bearer srv_nope' },
    });
    expect(none.status()).toBe(401);
    expect(await db.monthFigures.count({ where: { teamId: { in: [team.id, other.team.id] } } })).toBe(1);
    expect((await db.apiToken.findFirstOrThrow({ where: { teamId: team.id } })).lastUsedAt).not.toBeNull();

    await page.reload();
    await page.getByRole('button', { name: 'Revoke Zendesk nightly' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke the token “Zendesk nightly”?' })
      .getByRole('button', { name: 'Revoke the token' })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'Revoked' })).toBeVisible();
    expect((await request.get(`/api/v1/teams/${team.slug}/months`, { headers: auth })).status()).toBe(401);
  });
});
