import { expect, signIn, test } from './fixtures';
import { makeTeam, makeUser } from '../prisma/factories';

test.describe('administration', () => {
  test('an admin invites a user, who signs in with the one-time password and chooses their own', async ({
    page,
    db,
    signInAs,
    browser,
  }) => {
    await signInAs('ADMIN');
    const team = await makeTeam(db);
    const email = `invitee-${Date.now()}@example.test`;

    await page.goto('/admin/users/new');
    await page.getByLabel('Name').fill('Ivy Invitee');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Role').selectOption('AGENT');
    // An agent without a team is refused at the Team field, and nothing typed is lost.
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.locator('#teamId-error')).toContainText('belong to a team');
    await expect(page.getByLabel('Name')).toHaveValue('Ivy Invitee');
    await expect(page.getByLabel('Email')).toHaveValue(email);
    await expect(page.getByLabel('Role')).toHaveValue('AGENT');
    expect(await db.user.count({ where: { email } })).toBe(0);

    await page.getByLabel('Team').selectOption(team.id);
    await page.getByRole('button', { name: 'Create user' }).click();
    const otp = (await page.getByTestId('one-time-password').textContent())!.trim();
    expect(otp).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const invitee = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    await signIn(invitee, email, otp);
    // Nothing else opens until the one-time password is replaced.
    await invitee.goto('/');
    await expect(invitee).toHaveURL(/\/account\/password$/);
    await expect(invitee.getByText('You signed in with a one-time password')).toBeVisible();
    await invitee.getByLabel('Current password').fill(otp);
    await invitee.getByLabel('New password', { exact: true }).fill('a-long-new-password');
    await invitee.getByLabel('Repeat the new password').fill('a-long-new-passwork');
    await invitee.getByRole('button', { name: 'Change password' }).click();
    await expect(invitee.locator('#confirmPassword-error')).toContainText('differ');
    await invitee.getByLabel('Current password').fill(otp);
    await invitee.getByLabel('New password', { exact: true }).fill('a-long-new-password');
    await invitee.getByLabel('Repeat the new password').fill('a-long-new-password');
    await invitee.getByRole('button', { name: 'Change password' }).click();
    await expect(invitee.getByRole('status').filter({ hasText: 'Your password was changed' })).toBeVisible();
    await expect(invitee.getByText('You signed in with a one-time password')).toHaveCount(0);
    await invitee.goto('/');
    await expect(invitee).not.toHaveURL(/account/);
    await invitee.close();
  });

  test('a deactivated user loses access at their next request, old cookie or not', async ({
    page,
    db,
    browser,
    signInAs,
  }) => {
    const team = await makeTeam(db);
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const leaderPage = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    await signIn(leaderPage, leader.email);
    await leaderPage.goto('/');
    await expect(leaderPage.getByRole('heading', { level: 1 })).toBeVisible();

    await signInAs('ADMIN');
    await page.goto(`/admin/users/${leader.id}`);
    await page.getByRole('button', { name: 'Deactivate user' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deactivated' })).toBeVisible();

    await leaderPage.goto('/');
    await expect(leaderPage).toHaveURL(/\/sign-in/);
    await leaderPage.close();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: leader.id, action: 'user.deactivate' } });
    expect(audit.before).toEqual({ active: true });
    expect(audit.after).toEqual({ active: false });
  });

  test('a demoted admin loses the admin pages at their next request', async ({ page, db, signInAs }) => {
    const me = await signInAs('ADMIN');
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
    await db.user.update({ where: { id: me.id }, data: { role: 'COLLEAGUE' } });
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'This page is not available to you' })).toBeVisible();
  });

  test('an admin changes a role and creates a team; the audit log shows both', async ({ page, db, signInAs }) => {
    const admin = await signInAs('ADMIN');
    const agentTeam = await makeTeam(db);
    const agent = await makeUser(db, { role: 'AGENT', teamId: agentTeam.id });
    await page.goto(`/admin/users/${agent.id}`);
    await page.getByLabel('Role').selectOption('LEADER');
    await page.getByRole('button', { name: 'Save role, team and department' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    expect((await db.user.findUniqueOrThrow({ where: { id: agent.id } })).role).toBe('LEADER');

    const teamName = `Escalations ${Date.now()}`;
    await page.goto('/admin/teams');
    await page.getByLabel('Team name').fill(teamName);
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect(page.getByRole('cell', { name: teamName })).toBeVisible();

    await page.goto(`/admin/audit?actor=${encodeURIComponent(admin.email)}`);
    const rows = page.locator('tbody tr');
    await expect(rows.nth(0)).toContainText('team.create');
    await expect(rows.nth(1)).toContainText('user.update');
    await expect(rows.nth(1)).toContainText('"LEADER"');
    await page.getByLabel('Entity').selectOption('Team');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/entity=Team/);
    await expect(page.locator('tbody tr')).toHaveCount(1);
    await expect(page.locator('tbody tr').first()).toContainText('team.create');
  });
});
