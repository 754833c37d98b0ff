import { makeProject, makeQuote, makeTeam, makeUser, makeWin } from '../prisma/factories';
import { expect, signIn, test } from './fixtures';
import { callServerAction, listServerActions } from './fixtures/server-actions';

const today = () => new Date().toISOString().slice(0, 10);
const submitAction = () => listServerActions().find((a) => a.exportedName === 'submitQuoteAction')!;

function formArgs(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return [{ ok: false }, data];
}

test.describe('customer quotes', () => {
  test('an agent submits, the leader approves with a pull-quote, a colleague finds it on the wall by search', async ({
    page,
    db,
    browser,
  }) => {
    test.setTimeout(60_000); // three people and five pages: 24–31 s on a loaded 2-core machine
    const team = await makeTeam(db);
    const agent = await makeUser(db, { role: 'AGENT', teamId: team.id, name: 'Avery Agent' });
    const teammate = await makeUser(db, { role: 'AGENT', teamId: team.id, name: 'Toni Teammate' });
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const colleague = await makeUser(db, { role: 'COLLEAGUE' });
    const token = `Zorblax${Date.now()}`;
    const words = `I called about my ${token} order. Avery untangled everything in ten minutes and called me back the next day.`;

    await signIn(page, agent.email);
    await page.goto('/quotes/new');
    await page.getByLabel('The customer’s words').fill(words);
    await page.getByLabel('Organisation only').check();
    // Missing organisation and channel: refused at the fields, nothing typed is lost.
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await expect(page.locator('#customerOrganisation-error')).toContainText('organisation');
    await expect(page.locator('#channel-error')).toBeVisible();
    await expect(page.getByLabel('The customer’s words')).toHaveValue(words);
    await page.getByLabel('Customer’s organisation').fill('Kestrel Cycles');
    await page.getByLabel('Channel').selectOption('PHONE');
    await page.getByLabel('Toni Teammate').check();
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await expect(page).toHaveURL(/\/quotes\/mine/);
    const mine = page.getByTestId('my-quote').filter({ hasText: token });
    await expect(mine).toContainText('Waiting for approval');
    const stored = await db.quote.findFirstOrThrow({ where: { submitterId: agent.id }, include: { credits: true } });
    expect(stored.credits.map((c) => c.userId).sort()).toEqual([agent.id, teammate.id].sort());

    const leaderPage = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    await signIn(leaderPage, leader.email);
    await leaderPage.goto('/quotes/moderation');
    await expect(leaderPage.getByRole('link', { name: /Moderation\s*1 pending/ })).toBeVisible();
    const item = leaderPage.getByTestId('pending-quote').filter({ hasText: token });
    // A pull-quote that rewrites the customer is refused.
    await item.getByLabel('Pull-quote (optional)').fill('Avery sorted everything in 10 minutes');
    await item.getByRole('button', { name: 'Approve' }).click();
    await expect(item.getByText('must be copied from the quote')).toBeVisible();
    await item.getByLabel('Pull-quote (optional)').fill(`Avery untangled everything in ten minutes`);
    await item.getByRole('button', { name: 'Approve' }).click();
    await expect(leaderPage.getByText('Nothing is waiting')).toBeVisible();
    await expect(leaderPage.getByRole('link', { name: 'Moderation', exact: true })).toBeVisible();
    await leaderPage.close();
    expect(
      await db.auditEvent.count({ where: { action: 'quote.approve', entityId: stored.id, actorId: leader.id } }),
    ).toBe(1);

    const colleaguePage = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    await signIn(colleaguePage, colleague.email);
    await colleaguePage.goto('/quotes');
    await colleaguePage.getByLabel('Search the words').fill(token);
    await colleaguePage.getByRole('button', { name: 'Show quotes' }).click();
    await expect(colleaguePage).toHaveURL(new RegExp(`q=${token}`));
    const figure = colleaguePage.getByRole('figure');
    await expect(figure).toHaveCount(1);
    await expect(figure.locator('blockquote')).toHaveText('Avery untangled everything in ten minutes');
    await expect(figure.locator('figcaption cite')).toHaveText('A customer at Kestrel Cycles');
    await figure.getByText('Read the full quote').click();
    await expect(figure.getByText(words)).toBeVisible();
    // The credited teammate's page shows the praise.
    await figure.getByRole('link', { name: 'Toni Teammate' }).click();
    await expect(colleaguePage.getByRole('heading', { level: 1 })).toHaveText('Toni Teammate');
    await expect(colleaguePage.getByRole('figure').filter({ hasText: 'Avery untangled' })).toBeVisible();
    await colleaguePage.close();
  });

  test('a replayed submission makes one quote: ten identical requests, one row', async ({ page, db }) => {
    const team = await makeTeam(db);
    const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
    await signIn(page, agent.email);
    const baseURL = test.info().project.use.baseURL!;
    const fields = {
      submissionKey: crypto.randomUUID(),
      text: 'Replayed thanks.',
      attribution: 'ANONYMOUS',
      channel: 'CHAT',
      receivedOn: today(),
      creditIds: agent.id,
    };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => callServerAction(page.request, baseURL, submitAction(), formArgs(fields))),
    );
    expect(responses.every((r) => r.status < 400)).toBe(true);
    expect(await db.quote.count({ where: { submitterId: agent.id } })).toBe(1);
  });

  test('an anonymous customer is never revealed: not on the wall, the person page, the queue or the submitter’s list', async ({
    page,
    db,
    browser,
  }) => {
    const team = await makeTeam(db);
    const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const secret = `Quentin${Date.now()}`;
    const token = `Anonword${Date.now()}`;
    await signIn(page, agent.email);
    // A crafted request sends a name with an anonymous quote, as a tampered form would.
    await callServerAction(
      page.request,
      test.info().project.use.baseURL!,
      submitAction(),
      formArgs({
        submissionKey: crypto.randomUUID(),
        text: `Kind and patient help with ${token}.`,
        attribution: 'ANONYMOUS',
        customerName: secret,
        customerOrganisation: `${secret} Ltd`,
        consent: 'on',
        channel: 'EMAIL',
        receivedOn: today(),
        creditIds: agent.id,
      }),
    );
    const quote = await db.quote.findFirstOrThrow({ where: { submitterId: agent.id } });

    const leaderPage = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    await signIn(leaderPage, leader.email);
    const queue = await leaderPage.goto('/quotes/moderation');
    const queueHtml = await queue!.text();
    expect(queueHtml).toContain(token);
    expect(queueHtml).not.toContain(secret);
    await leaderPage
      .getByTestId('pending-quote')
      .filter({ hasText: token })
      .getByRole('button', { name: 'Approve' })
      .click();
    await expect(leaderPage.getByText('Nothing is waiting')).toBeVisible();
    await leaderPage.close();
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe('APPROVED');

    for (const path of [`/quotes?q=${token}`, `/quotes?team=${team.slug}`, `/people/${agent.id}`, '/quotes/mine']) {
      const response = await page.goto(path);
      const html = await response!.text();
      expect(html, path).toContain(token);
      expect(html, path).not.toContain(secret);
    }
    await page.goto(`/quotes?q=${secret}`);
    await expect(page.getByText('No approved quotes match')).toBeVisible();
  });

  test('stored script payloads render inert everywhere: no dialog fires', async ({ page, db, browser }) => {
    const team = await makeTeam(db);
    const agent = await makeUser(db, { role: 'AGENT', teamId: team.id, name: 'Xavi Sample' });
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const img = '<img src=x onerror=alert(1)>';
    const link = '[click me](javascript:alert(2))';
    const script = '<script>alert(3)</script>';
    await makeQuote(db, {
      teamId: team.id,
      submitterId: agent.id,
      status: 'APPROVED',
      moderatorId: leader.id,
      text: `${img} ${script} great help`,
      attribution: 'NAMED',
      customerName: img,
      pullQuote: img,
    });
    await makeWin(db, { teamId: team.id, recordedById: agent.id, title: img, story: `${img}\n\n${link}\n\n${script}` });
    const project = await makeProject(db, { teamId: team.id, ownerId: leader.id, summary: `${img}\n\n${link}` });
    await db.projectUpdate.create({
      data: {
        projectId: project.id,
        teamId: team.id,
        authorId: leader.id,
        postedOn: new Date(),
        body: `${link} ${img}`,
      },
    });

    const dialogs: string[] = [];
    const viewer = await makeUser(db, { role: 'COLLEAGUE' });
    await signIn(page, viewer.email);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const path of [
      `/quotes?team=${team.slug}`,
      `/people/${agent.id}`,
      `/wins?team=${team.slug}`,
      `/projects?team=${team.slug}`,
      `/projects/${project.id}`,
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.locator('main img').count(), path).toBe(0);
      expect(await page.locator('main [onerror], main script').count(), path).toBe(0);
      for (const href of await page
        .locator('main a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
        expect(href.toLowerCase(), path).not.toContain('javascript:');
      }
      const clickable = page.locator('main').getByText('click me');
      if (await clickable.count()) await clickable.first().click();
    }
    // Plain text shows the payload literally, as the words someone typed.
    await page.goto(`/quotes?team=${team.slug}`);
    await expect(page.getByRole('figure').locator('blockquote')).toHaveText(img);
    await expect(page.getByRole('figure').locator('cite')).toHaveText(img);
    expect(dialogs).toEqual([]);

    // The same page with a payload that is *not* sanitized would fire: the check can fail.
    const control = await browser.newPage();
    const controlDialogs: string[] = [];
    control.on('dialog', (d) => {
      controlDialogs.push(d.message());
      void d.dismiss();
    });
    await control.setContent(`<main>${img}</main>`);
    await expect.poll(() => controlDialogs.length).toBe(1);
    await control.close();
  });
});

test.describe('wins and projects', () => {
  test('an agent records a win; the leader edits and removes it', async ({ page, db, browser }) => {
    const team = await makeTeam(db);
    const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const title = `Backlog cleared ${Date.now()}`;
    await signIn(page, agent.email);
    await page.goto('/wins/new');
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Record the win' }).click();
    await expect(page.locator('#story-error')).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveValue(title);
    await page.getByLabel('The story').fill('Every email answered **before** the holidays.');
    await page.getByRole('button', { name: 'Record the win' }).click();
    await expect(page.getByRole('status')).toContainText('The win is recorded');
    const card = page.getByTestId('win').filter({ hasText: title });
    await expect(card.locator('strong')).toHaveText('before');
    await expect(card.getByRole('link', { name: /^Edit/ })).toHaveCount(0);

    const leaderPage = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    await signIn(leaderPage, leader.email);
    await leaderPage.goto(`/wins?team=${team.slug}`);
    await leaderPage.getByTestId('win').filter({ hasText: title }).getByRole('link', { name: /^Edit/ }).click();
    await leaderPage.getByLabel('Title').fill(`${title} (edited)`);
    await leaderPage.getByRole('button', { name: 'Save changes' }).click();
    await expect(leaderPage).toHaveURL(/updated=1/);
    await expect(leaderPage.getByTestId('win').filter({ hasText: `${title} (edited)` })).toBeVisible();
    await leaderPage.getByTestId('win').filter({ hasText: title }).getByRole('link', { name: /^Edit/ }).click();
    await leaderPage.getByRole('button', { name: 'Remove this win' }).click();
    await leaderPage
      .getByRole('dialog', { name: `Remove the win “${title} (edited)”?` })
      .getByRole('button', { name: 'Remove the win' })
      .click();
    await expect(leaderPage).toHaveURL(/removed=1/);
    await expect(leaderPage.getByRole('status')).toContainText('removed');
    await expect(leaderPage.getByTestId('win').filter({ hasText: title })).toHaveCount(0);
    await leaderPage.close();
    const win = await db.win.findFirstOrThrow({ where: { teamId: team.id } });
    expect(win.deletedAt).not.toBeNull();
    expect(
      await db.auditEvent.count({
        where: { entityId: win.id, action: { in: ['win.create', 'win.update', 'win.delete'] } },
      }),
    ).toBe(3);
  });

  test('a leader creates a project and posts a dated update; a colleague reads its history', async ({
    page,
    db,
    browser,
  }) => {
    const team = await makeTeam(db);
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const name = `Chat migration ${Date.now()}`;
    await signIn(page, leader.email);
    await page.goto('/projects/new');
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Summary').fill('Moving chat to the new tool.');
    await page.getByLabel('Status').selectOption('IN_PROGRESS');
    await page.getByLabel('Start date (optional)').fill('2026-03-01');
    await page.getByLabel('Target date (optional)').fill('2026-01-01');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.locator('#targetOn-error')).toContainText('before the start');
    await page.getByLabel('Target date (optional)').fill('2026-09-30');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await page.getByLabel('What happened').fill('Migrated 40% of chat to the new tool.');
    await page.getByRole('button', { name: 'Post update' }).click();
    await expect(page.getByRole('status')).toContainText('Update posted');
    await expect(page.getByLabel('Updates, newest first')).toContainText('Migrated 40% of chat');

    const colleaguePage = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    await signIn(colleaguePage, (await makeUser(db, { role: 'COLLEAGUE' })).email);
    await colleaguePage.goto(`/projects?team=${team.slug}`);
    await colleaguePage.getByRole('link', { name }).click();
    await expect(colleaguePage.getByLabel('Updates, newest first')).toContainText('Migrated 40% of chat');
    await expect(colleaguePage.getByRole('link', { name: 'Edit project' })).toHaveCount(0);
    await expect(colleaguePage.getByText('Post an update')).toHaveCount(0);
    await colleaguePage.close();
  });
});
