// axe-core (WCAG 2.1 A and AA rules) on every page, as the most privileged role that may open it,
// with demo-like data: the same pages the authorization matrix lists, so a new page is checked automatically.
// Each page is checked twice, in the light and the dark colour scheme (dark follows the OS
// setting through prefers-color-scheme): colour contrast must hold in both.
import type { Page } from '@playwright/test';
import { makeTeam, makeUser } from '../prisma/factories';
import { expect, signIn, test } from './fixtures';
import { addAxe, COLOUR_RULES, runAxe, WCAG_AA as TAGS } from './fixtures/axe';
import { AREAS } from './matrix';
import { PUBLIC, ROLES, type Context } from './matrix/types';

const PAGES = AREAS.flatMap((a) => a.pages ?? []).filter((p) => !p.label || p.axe);
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

// Every test here runs axe: it is in each page from the start (see e2e/fixtures/axe.ts).
test.beforeEach(({ page }) => addAxe(page));

// Each page once, as the first role in ROLES that may open it (the most privileged sees the most
// controls: forms, moderation, readership), and the home page as every role, whose navigation
// differs. Every page as every role took three times as long, most of the browser tests' time.
// The pages go in groups, each its own test with its own data: they spread over the workers and
// each group's time budget stays far from its limit as pages are added.
const GROUP = 6;
const checks = PAGES.filter((row) => row.allowed !== PUBLIC).flatMap((row) => {
  const allowed = ROLES.filter((r) => row.allowed !== PUBLIC && row.allowed.includes(r));
  return (row.route === '/' ? allowed : allowed.slice(0, 1)).map((role) => ({ role, row }));
});
const groups = ROLES.flatMap((role) => {
  const rows = checks.filter((c) => c.role === role).map((c) => c.row);
  return Array.from({ length: Math.ceil(rows.length / GROUP) }, (_, i) => ({
    role,
    rows: rows.slice(i * GROUP, (i + 1) * GROUP),
    name: `${i * GROUP + 1}–${Math.min(rows.length, (i + 1) * GROUP)} of ${rows.length}`,
  }));
});

for (const { role, rows, name } of groups) {
  test(`pages ${name} checked as ${role.toLowerCase()} pass axe (WCAG 2.1 AA), light and dark`, async ({
    page,
    db,
  }) => {
    test.setTimeout(180_000);
    // Its own team: pages that create data for their path (drafts for a month) never collide
    // with a parallel role's run.
    const team = await makeTeam(db);
    const otherTeam = await makeTeam(db);
    const users = {} as Context['users'];
    for (const r of ROLES)
      users[r] = await makeUser(db, { role: r, teamId: r === 'LEADER' || r === 'AGENT' ? team.id : null });
    const context: Context = {
      db,
      team,
      otherTeam,
      users,
      otherTeamUsers: {
        LEADER: await makeUser(db, { role: 'LEADER', teamId: otherTeam.id }),
        AGENT: await makeUser(db, { role: 'AGENT', teamId: otherTeam.id }),
      },
    };
    await signIn(page, users[role].email);
    const failures: string[] = [];
    for (const row of rows) {
      const path = await row.path(context);
      await page.emulateMedia({ colorScheme: 'light' });
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      // Charts are drawn on the server: their labels and legends are in the page from the start.
      const light = await runAxe(page, { tags: TAGS });
      expect(light.passes.length, `axe checked ${path}`).toBeGreaterThan(10);
      // Switching the scheme restyles the same page at once: no second load. Only colours change,
      // so only the colour rules run again.
      const lightBackground = await bodyBackground(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await bodyBackground(page), `${path} turned dark`).not.toBe(lightBackground);
      // Buttons ease their colours (transition-colors): check the colours they end on, not a frame
      // in between.
      await page.waitForFunction(() =>
        document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
      );
      const dark = await runAxe(page, { rules: COLOUR_RULES });
      expect(
        dark.passes.map((p) => p.id),
        `axe checked ${path} in dark`,
      ).toContain('color-contrast');
      for (const [scheme, results] of [
        ['light', light],
        ['dark', dark],
      ] as const) {
        for (const v of results.violations)
          failures.push(
            `${path} [${scheme}]: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
          );
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
}

// The controls add a faulty element to a real page and expect axe to report it. Hydration can
// replace the server's markup and drop an element added too early (a clean CI run once reported
// nothing), so the element is added again whenever it is missing and axe looks only at it.
async function reportedFor(page: Page, html: string, only: Parameters<typeof runAxe>[1]): Promise<string[]> {
  let ids: string[] = [];
  await expect(async () => {
    await page.evaluate((markup) => {
      if (!document.getElementById('axe-control'))
        document.querySelector('main')!.insertAdjacentHTML('beforeend', markup);
    }, html);
    await page.waitForFunction(() =>
      document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
    );
    const results = await runAxe(page, only, '#axe-control');
    ids = results.violations.map((v) => v.id);
    expect(ids).not.toEqual([]);
  }).toPass({ timeout: 20_000 });
  return ids;
}

test('the check can fail: an image without alt text on a real page is reported', async ({ page }) => {
  await page.goto('/sign-in');
  const ids = await reportedFor(page, '<img id="axe-control" src="/x.png">', { tags: TAGS });
  expect(ids).toContain('image-alt');
});

test('the dark check can fail: light-only text on a dark page is reported', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/sign-in');
  // Its own dark background (the dark canvas), so the measured pair does not depend on what axe
  // finds behind it mid-transition.
  const ids = await reportedFor(
    page,
    '<p id="axe-control" style="color: #1e293b; background-color: #020617">Dark grey on the dark page</p>',
    { rules: COLOUR_RULES },
  );
  expect(ids).toContain('color-contrast');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the public pages (sign-in, about) pass axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['/sign-in', '/about']) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      const results = await runAxe(page, { tags: TAGS });
      expect(results.violations.map((v) => `${path}: ${v.id}: ${v.help}`)).toEqual([]);
    }
  });
}

test('dark mode follows the OS setting on screen, and paper stays white', async ({ page, signInAs }) => {
  await signInAs('COLLEAGUE');
  const look = () =>
    page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
      scheme: getComputedStyle(document.documentElement).colorScheme,
    }));
  await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
  await page.goto('/');
  const light = await look();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await look();
  expect(dark.body).not.toBe(light.body);
  expect(dark.text).not.toBe(light.text);
  expect(dark.scheme).toBe('light dark');
  // Printing from a dark screen: the light colours, on white.
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  const printed = await look();
  expect(printed.body).toBe('rgb(255, 255, 255)');
  expect(printed.text).toBe(light.text);
});
