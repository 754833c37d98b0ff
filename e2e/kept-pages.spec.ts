import { makeQuote, makeReview, makeTeam, makeUser } from '../prisma/factories';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/**
 * Asks for `path` then `again`: both must be rewritten to one kept page, private to the reader,
 * and the second served from the cache. Other tests' writes raise the generation at any moment,
 * so a pair that straddles one (two different kept addresses) is asked again.
 */
async function kept(page: Page, path: string, again = path) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const first = await page.request.get(path);
    expect(first.status()).toBe(200);
    expect(first.headers()['cache-control']).toBe('private, no-store');
    const second = await page.request.get(again);
    const address = first.headers()['x-middleware-rewrite'];
    expect(address).toMatch(/^\/kept\//);
    if (second.headers()['x-middleware-rewrite'] !== address) continue;
    expect(second.headers()['x-nextjs-cache']).toBe('HIT');
    return second;
  }
  throw new Error(`${path}: the kept version moved on every attempt`);
}

// The dashboard is kept per generation and minute behind lib/'s gate (lib/kept/gate.ts) for readers
// and, named after their "Needs you", for leaders; their own part (header, greeting) is fetched.
test('the dashboard is kept for readers, leaders keep "Needs you" at once, and a write shows at once', async ({
  page,
  db,
}) => {
  const team = await makeTeam(db);
  await makeReview(db, { teamId: team.id, month: '2024-03', status: 'PUBLISHED' });
  // An agent: their team first, so a kept page of their own (the team is new to every other one
  // until a write through the app raises the generation).
  const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
  await signIn(page, agent.email);

  const second = await kept(page, '/');
  // The kept page names no reader: who reads it arrives with their header.
  expect(await second.text()).not.toContain(agent.name);

  await page.goto('/');
  const firstName = agent.name.split(' ')[0]!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    new RegExp(`^Good (morning|afternoon|evening), ${firstName}$`),
  );
  await expect(page.getByRole('banner')).toContainText(agent.name);
  await expect(page.getByRole('region', { name: 'Needs you' })).toHaveCount(0);
  await expect(page.locator('main section[aria-labelledby^="dash-"] h2').first()).toContainText(team.name);
  const card = page.getByRole('region', { name: team.name, exact: true });
  await expect(card).toContainText('0 thank-yous from colleagues');

  // A colleague's thank-you, said through the app, is counted on the kept card at the next view.
  const colleague = await makeUser(db, { role: 'COLLEAGUE' });
  await signIn(page, colleague.email);
  await page.goto(`/reviews/${team.slug}/2024-03`);
  await page.getByRole('button', { name: 'Say thank you' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('banner')).toContainText(colleague.name);
  await expect(card).toContainText('1 thank-you from colleagues');
  await signIn(page, agent.email);
  await page.goto('/');
  await expect(card).toContainText('1 thank-you from colleagues');

  // A leader's dashboard is kept too, named after their "Needs you", which is in it from the first byte.
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  await signIn(page, leader.email);
  const own = await page.request.get('/');
  expect(own.headers()['x-middleware-rewrite']).toMatch(new RegExp(`^/kept/dashboard/[^/]+/${team.id}/[\\w-]+$`));
  expect(await own.text()).toContain('id="needs-title"');
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Needs you' })).toContainText(`${team.name}: figures for`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(leader.name.split(' ')[0]!);

  // Deactivated: the gate does not open, and the dynamic page sends them to sign in.
  await signIn(page, colleague.email);
  await db.user.update({ where: { id: colleague.id }, data: { active: false } });
  const refused = await page.request.get('/', { maxRedirects: 0 });
  expect([303, 307]).toContain(refused.status());
  expect(refused.headers().location).toContain('/sign-in');
  expect(await refused.text()).not.toContain(team.name);
});

// Trends and the quote wall are kept per address (in one canonical form), per generation and
// minute; only what the reader may do goes into the kept page's address.
test('trends and the quote wall are kept per address, with each reader’s own header and buttons', async ({
  page,
  db,
}) => {
  const team = await makeTeam(db);
  const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
  const colleague = await makeUser(db, { role: 'COLLEAGUE' });
  const text = `Kept wall quote ${team.slug}`;
  await makeQuote(db, { teamId: team.id, status: 'APPROVED', text, submitterId: agent.id });

  // A colleague (no one lists them: the wall's people are agents and leaders).
  await signIn(page, colleague.email);
  for (const path of [`/quotes?team=${team.slug}`, '/trends?team=customer-care&range=24']) {
    // The same view written another way is the same kept page, and it names no reader.
    const again = await kept(page, path, path.replace('?', '?junk=1&'));
    expect(await again.text()).not.toContain(colleague.name);
  }
  await page.goto(`/quotes?team=${team.slug}`);
  await expect(page.getByRole('list', { name: 'Quotes' })).toContainText(text);
  await expect(page.getByRole('banner')).toContainText(colleague.name);
  await expect(page.getByRole('link', { name: 'Submit a quote' })).toHaveCount(0);
  await page.goto('/trends?team=customer-care&range=24');
  await expect(page.getByRole('heading', { level: 2, name: 'Customer Care' })).toBeVisible();
  await expect(page.getByLabel('Period')).toHaveValue('24');

  // An agent gets the same wall with their buttons, and their own header.
  await signIn(page, agent.email);
  await page.goto(`/quotes?team=${team.slug}`);
  await expect(page.getByRole('list', { name: 'Quotes' })).toContainText(text);
  await expect(page.getByRole('banner')).toContainText(agent.name);
  await expect(page.getByRole('link', { name: 'Submit a quote' })).toBeVisible();
});
