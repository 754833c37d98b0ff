// axe-core (WCAG 2.1 A and AA rules) on every page, as every role that may open it, with demo-like
// data: the same pages the authorization matrix lists, so a new page is checked automatically.
import AxeBuilder from '@axe-core/playwright';
import { makeTeam, makeUser } from '../prisma/factories';
import { expect, signIn, test } from './fixtures';
import { AREAS } from './matrix';
import { PUBLIC, ROLES, type Context } from './matrix/types';

const PAGES = AREAS.flatMap((a) => a.pages ?? []).filter((p) => !p.label);

for (const role of ROLES) {
  test(`every page ${role.toLowerCase()} can open passes axe (WCAG 2.1 AA)`, async ({ page, db }) => {
    test.setTimeout(180_000);
    // Its own team: pages that create data for their path (drafts for a month) never collide
    // with a parallel role's run.
    const team = await makeTeam(db);
    const otherTeam = await makeTeam(db);
    const users = {} as Context['users'];
    for (const r of ROLES) users[r] = await makeUser(db, { role: r, teamId: r === 'LEADER' || r === 'AGENT' ? team.id : null });
    const context: Context = {
      db,
      team,
      otherTeam,
      users,
      otherTeamUsers: { LEADER: await makeUser(db, { role: 'LEADER', teamId: otherTeam.id }), AGENT: await makeUser(db, { role: 'AGENT', teamId: otherTeam.id }) },
    };
    await signIn(page, users[role].email);
    const failures: string[] = [];
    for (const row of PAGES) {
      if (row.allowed === PUBLIC || !row.allowed.includes(role)) continue;
      const path = await row.path(context);
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.passes.length, `axe checked ${path}`).toBeGreaterThan(10);
      for (const v of results.violations) failures.push(`${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
}

test('the check can fail: an image without alt text on a real page is reported', async ({ page }) => {
  await page.goto('/sign-in');
  await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/x.png">'));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => v.id)).toContain('image-alt');
});

test('the public pages (sign-in, about) pass axe', async ({ page }) => {
  for (const path of ['/sign-in', '/about']) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${path}: ${v.id}: ${v.help}`)).toEqual([]);
  }
});
