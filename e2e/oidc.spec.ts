// Single sign-on against a real OpenID Connect provider (node-oidc-provider, a certified
// implementation) running on loopback: discovery, authorization code with PKCE, token and
// ID-token validation all happen for real.
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { makeUser } from '../prisma/factories';
import { freePort } from '../scripts/embedded-postgres';
import { expect, test } from './fixtures';
import { startAppServer, type AppServer } from './fixtures/app-server';

test.describe.configure({ mode: 'serial' });

test.describe('single sign-on (OIDC)', () => {
  let idp: Server;
  let app: AppServer;
  const appUrl = () => app.url.replace('127.0.0.1', 'localhost');

  test.beforeAll(async () => {
    const idpPort = await freePort();
    const appPort = await freePort();
    const issuer = `http://127.0.0.1:${idpPort}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'service-review',
          client_secret: 'service-review-secret',
          redirect_uris: [`http://localhost:${appPort}/api/auth/callback/oidc`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      // The login name typed at the provider is the account id and its email.
      findAccount: async (_ctx, id) => ({
        accountId: id,
        claims: async () => ({ sub: id, email: id, email_verified: true, name: `SSO ${id}`, department: 'Product' }),
      }),
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'department'] },
      features: { devInteractions: { enabled: true } },
      // Put the email in the ID token, as Okta, Entra ID and Google do.
      conformIdTokenClaims: false,
      cookies: { keys: ['e2e-cookie-key'] },
    });
    idp = provider.listen(idpPort, '127.0.0.1');
    app = await startAppServer(
      {
        PORT: String(appPort),
        DATABASE_URL: process.env.E2E_DATABASE_URL!,
        AUTH_OIDC_ISSUER: issuer,
        AUTH_OIDC_ID: 'service-review',
        AUTH_OIDC_SECRET: 'service-review-secret',
        AUTH_OIDC_NAME: 'Test Identity',
        OIDC_DEPARTMENT_CLAIM: 'department',
        // Next reports every loopback request as `localhost`, so the public address must say so too.
        PUBLIC_URL: `http://localhost:${appPort}`,
      },
      appPort,
    );
  });

  test.afterAll(async () => {
    await app?.stop();
    idp?.close();
  });

  async function signInAtProvider(page: import('@playwright/test').Page, email: string) {
    await page.goto(`${appUrl()}/sign-in`);
    await page.getByRole('button', { name: 'Continue with Test Identity' }).click();
    await page.locator('input[name="login"]').fill(email);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    // The provider asks for consent the first time.
    const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
    if (await consent.isVisible().catch(() => false)) await consent.click();
  }

  test('an existing active user signs in with their organisation account and keeps their role', async ({
    page,
    db,
  }) => {
    const user = await makeUser(db, { role: 'EXEC', name: 'Sso Known' });
    await signInAtProvider(page, user.email);
    await expect(page).toHaveURL(`${appUrl()}/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Sso');
    await expect(page.getByText('Executive', { exact: true })).toBeVisible();
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: 'auth.sign_in' } })).toBe(1);
    // The provider's department claim (OIDC_DEPARTMENT_CLAIM) is applied on sign-in.
    const signedIn = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { department: true } });
    expect(signedIn.department?.name).toBe('Product');
  });

  test('an unknown identity is refused and no account is created', async ({ page, db }) => {
    const email = `stranger-${Date.now()}@example.test`;
    await signInAtProvider(page, email);
    await expect(page).toHaveURL(/\/sign-in\?error=AccessDenied/);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('not set up in Service Review');
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  test('a deactivated user is refused', async ({ page, db }) => {
    const user = await makeUser(db, { role: 'COLLEAGUE', active: false });
    await signInAtProvider(page, user.email);
    await expect(page).toHaveURL(/\/sign-in\?error=AccessDenied/);
  });
});
