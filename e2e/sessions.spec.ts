import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, signIn, test, TEST_PASSWORD } from './fixtures';
import { callServerAction, listServerActions } from './fixtures/server-actions';
import { makeUser } from '../prisma/factories';

// Several browsers and sign-ins per test: on a loaded machine these take longer than the default.
test.describe.configure({ timeout: 90_000 });

/** A second browser holding a copy of the page's cookies: what a stolen or forgotten cookie does. */
async function copyOfCookies(browser: Browser, page: Page): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await context.addCookies(await page.context().cookies());
  return context;
}

async function expectRefused(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
}

async function expectAccepted(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto('/account/password');
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await page.close();
}

/** An admin in a browser of their own, on the user's admin page. */
async function adminOn(browser: Browser, db: Parameters<typeof makeUser>[0], userId: string) {
  const admin = await makeUser(db, { role: 'ADMIN' });
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, admin.email);
  await page.goto(`/admin/users/${userId}`);
  return { page, context };
}

test.describe('an old session cookie is refused after', () => {
  test('signing out', async ({ page, db, browser }) => {
    const user = await makeUser(db, { role: 'COLLEAGUE' });
    await signIn(page, user.email);
    const copy = await copyOfCookies(browser, page);
    await expectAccepted(copy);
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expectRefused(copy);
  });

  test('changing the password (this browser stays signed in)', async ({ page, db, browser }) => {
    const user = await makeUser(db, { role: 'EXEC' });
    await signIn(page, user.email);
    const copy = await copyOfCookies(browser, page);
    await page.goto('/account/password');
    await page.getByLabel('Current password').fill(TEST_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('a-brand-new-password');
    await page.getByLabel('Repeat the new password').fill('a-brand-new-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your password was changed' })).toBeVisible();
    await page.goto('/trends');
    await expect(page).toHaveURL(/\/trends/);
    await expectRefused(copy);
  });

  test('an admin issuing a new one-time password', async ({ page, db, browser }) => {
    const user = await makeUser(db, { role: 'AGENT', teamId: null });
    await signIn(page, user.email);
    const admin = await adminOn(browser, db, user.id);
    await admin.page.getByRole('button', { name: 'Issue a new one-time password' }).click();
    await expect(admin.page.getByText('A new one-time password was issued')).toBeVisible();
    await admin.context.close();
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('deactivation, even once the user is reactivated', async ({ page, db, browser }) => {
    const user = await makeUser(db, { role: 'COLLEAGUE' });
    await signIn(page, user.email);
    const admin = await adminOn(browser, db, user.id);
    await admin.page.getByRole('button', { name: 'Deactivate user' }).click();
    await expect(admin.page.getByText('Deactivated: they are signed out')).toBeVisible();
    await admin.page.reload();
    await admin.page.getByRole('button', { name: 'Reactivate user' }).click();
    await expect(admin.page.getByText('Reactivated.', { exact: true })).toBeVisible();
    await admin.context.close();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).active).toBe(true);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('an admin signing the user out everywhere', async ({ page, db, browser }) => {
    const user = await makeUser(db, { role: 'COLLEAGUE' });
    await signIn(page, user.email);
    const copy = await copyOfCookies(browser, page);
    const admin = await adminOn(browser, db, user.id);
    await admin.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(admin.page.getByText('every earlier session of theirs has ended')).toBeVisible();
    await admin.context.close();
    await expectRefused(copy);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await db.auditEvent.count({ where: { action: 'user.sign_out_everywhere', entityId: user.id } })).toBe(1);
  });
});

/** What Auth.js's own session endpoint answers a copy of the cookies: the user, and any cookie it sets. */
async function sessionEndpoint(context: BrowserContext) {
  const response = await context.request.get('/api/auth/session');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { user?: { email?: string } } | null;
  return { email: body?.user?.email ?? null, setCookie: response.headers()['set-cookie'] ?? null };
}

test.describe("Auth.js's own endpoints obey the session version", () => {
  test('GET /api/auth/session answers no user and sets no cookie for a copy kept past sign-out', async ({
    page,
    db,
    browser,
  }) => {
    const user = await makeUser(db, { role: 'COLLEAGUE' });
    await signIn(page, user.email);
    const copy = await copyOfCookies(browser, page);
    expect((await sessionEndpoint(copy)).email).toBe(user.email);
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await sessionEndpoint(copy)).toEqual({ email: null, setCookie: null });
    await copy.close();
  });

  test('… and past deactivation, even once reactivated', async ({ page, db, browser }) => {
    const user = await makeUser(db, { role: 'COLLEAGUE' });
    await signIn(page, user.email);
    const copy = await copyOfCookies(browser, page);
    const admin = await adminOn(browser, db, user.id);
    await admin.page.getByRole('button', { name: 'Deactivate user' }).click();
    await expect(admin.page.getByText('Deactivated: they are signed out')).toBeVisible();
    expect(await sessionEndpoint(copy)).toEqual({ email: null, setCookie: null });
    await admin.page.reload();
    await admin.page.getByRole('button', { name: 'Reactivate user' }).click();
    await expect(admin.page.getByText('Reactivated.', { exact: true })).toBeVisible();
    await admin.context.close();
    expect(await sessionEndpoint(copy)).toEqual({ email: null, setCookie: null });
    await copy.close();
  });

  test('… and past erasure', async ({ page, db, browser, baseURL }) => {
    const user = await makeUser(db, { role: 'AGENT', teamId: null });
    await signIn(page, user.email);
    const copy = await copyOfCookies(browser, page);
    const admin = await adminOn(browser, db, user.id);
    const erase = listServerActions().find(
      (a) => a.filename.endsWith('lib/privacy/actions.ts') && a.exportedName === 'erasePersonAction',
    )!;
    const form = new FormData();
    form.append('userId', user.id);
    form.append('confirmEmail', user.email);
    const erased = await callServerAction(admin.page.request, baseURL!, erase, [{ ok: false }, form]);
    expect(erased.text).toContain('Erased.');
    await admin.context.close();
    expect(await sessionEndpoint(copy)).toEqual({ email: null, setCookie: null });
    await copy.close();
  });

  test('POST /api/auth/signout ends every copy of the cookie, as the Sign out button does', async ({
    page,
    db,
    browser,
    baseURL,
  }) => {
    const user = await makeUser(db, { role: 'EXEC' });
    await signIn(page, user.email);
    const copy = await copyOfCookies(browser, page);
    await expectAccepted(copy);
    const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const response = await page.request.post('/api/auth/signout', {
      form: { csrfToken, callbackUrl: '//evil.example/next' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    // Auth.js's redirect follows the sign-in form's rule: a network-path URL goes home.
    expect(response.headers().location).toBe(`${baseURL}/`);
    expect(await sessionEndpoint(copy)).toEqual({ email: null, setCookie: null });
    await expectRefused(copy);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'auth.sign_out', entityId: user.id } })).toBe(1);
  });

  test("Auth.js's callbackUrl follows the sign-in form's rule", async ({ request, baseURL }) => {
    for (const [given, kept] of [
      ['//evil.example/x', '/'],
      ['/\\evil.example', '/'],
      ['https://evil.example/', '/'],
      ['/trends?team=a', '/trends?team=a'],
    ] as const) {
      const response = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(given)}`, {
        maxRedirects: 0,
      });
      expect(response.status(), given).toBe(302);
      const location = new URL(response.headers().location!, baseURL);
      expect(location.searchParams.get('callbackUrl'), given).toBe(`${baseURL}${kept}`);
    }
  });
});

test.describe('one-time passwords', () => {
  test('must be replaced before any other page or action is reachable', async ({ page, db }) => {
    const user = await makeUser(db, {
      role: 'LEADER',
      teamId: null,
      password: 'one-time-pass-1',
      passwordChangeRequired: true,
    });
    await db.user.update({
      where: { id: user.id },
      data: { oneTimePasswordExpiresAt: new Date(Date.now() + 3_600_000) },
    });
    await signIn(page, user.email, 'one-time-pass-1');
    for (const path of ['/', '/trends', '/quotes', '/reviews']) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/account\/password$/);
    }
    const csv = await page.request.get('/api/trends/csv?chart=volumes');
    expect(csv.status()).toBe(401);
    await page.getByLabel('Current password').fill('one-time-pass-1');
    await page.getByLabel('New password', { exact: true }).fill('my-own-password-2');
    await page.getByLabel('Repeat the new password').fill('my-own-password-2');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your password was changed' })).toBeVisible();
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page).not.toHaveURL(/account/);
  });

  test('stop working once expired', async ({ page, db }) => {
    const user = await makeUser(db, { role: 'COLLEAGUE', password: 'one-time-pass-3', passwordChangeRequired: true });
    await db.user.update({ where: { id: user.id }, data: { oneTimePasswordExpiresAt: new Date(Date.now() - 60_000) } });
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('one-time-pass-3');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('status')).toContainText('one-time password has expired');
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
