import { expect, test, TEST_PASSWORD } from './fixtures';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../prisma/demo';

const ADMIN_LINKS = ['Users', 'Teams', 'Audit log'];

test.describe('signing in', () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.email} signs in and sees the navigation for ${account.role}`, async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/sign-in/);
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(account.name.split(' ')[0]!);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
      for (const label of ADMIN_LINKS) {
        await expect(nav.getByRole('link', { name: label })).toHaveCount(account.role === 'ADMIN' ? 1 : 0);
      }
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      await page.goto('/');
      await expect(page).toHaveURL(/\/sign-in/);
    });
  }

  test('a wrong password says so and keeps the email', async ({ page, db }) => {
    const { makeUser } = await import('../prisma/factories');
    const user = await makeUser(db, { role: 'COLLEAGUE' });
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('status')).toContainText('do not match an active account');
    await expect(page.getByLabel('Email')).toHaveValue(user.email);
    expect(await db.auditEvent.count({ where: { actorEmail: user.email, action: 'auth.sign_in_failed' } })).toBe(1);
  });

  test('field errors are shown at the field', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const email = page.getByLabel('Email');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#email-error')).toContainText('Enter your email address');
    await expect(page.locator('#password-error')).toContainText('Enter your password');
    await expect(email).toHaveValue('not-an-email');
  });

  test('ten failures pause sign-in for that account, even with the right password', async ({ page, db }) => {
    test.setTimeout(120_000);
    const { makeUser } = await import('../prisma/factories');
    const user = await makeUser(db, { role: 'AGENT', password: 'right-password' });
    await page.goto('/sign-in');
    for (let i = 0; i < 10; i++) {
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(`wrong-${i}`);
      // Wait for this attempt's answer, not the previous one's identical message.
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/sign-in')),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      await expect(page.getByRole('status')).toContainText('do not match');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    }
    await page.getByLabel('Password').fill('right-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('status')).toContainText('Too many failed attempts for this account');
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await db.auditEvent.count({ where: { actorEmail: user.email, action: 'auth.sign_in_throttled' } })).toBe(1);
  });

  test('sign-in sends you back where you were going', async ({ page, db }) => {
    const { makeUser } = await import('../prisma/factories');
    const user = await makeUser(db, { role: 'COLLEAGUE' });
    await page.goto('/account/password');
    await expect(page).toHaveURL(/callbackUrl=%2Faccount%2Fpassword/);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/account\/password$/);
  });
});
