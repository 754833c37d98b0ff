// Which Chromium the browser tests drive: Playwright's own when installed (a developer laptop),
// else the system's. Debian's `chromium-headless-shell` comes first: it is Chromium without the
// browser's window, the build Playwright itself uses for headless runs, and it took 86 CPU-seconds
// where the full `chromium` took 194 for the same specs (accessibility + sessions, 162 s → 94 s).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export type ChromiumChoice = { executablePath?: string; source: 'env' | 'playwright' | 'system' | 'none' };

export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const SYSTEM_PATHS = [HEADLESS_SHELL, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function resolveChromium(): ChromiumChoice {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH))
    return { executablePath: process.env.CHROMIUM_PATH, source: 'env' };
  try {
    if (existsSync(chromium.executablePath())) return { source: 'playwright' };
  } catch {
    // Playwright has no browser downloaded
  }
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  return system ? { executablePath: system, source: 'system' } : { source: 'none' };
}

/** A full browser, for tools that need one (Lighthouse): the headless shell cannot be one. */
export function fullChromiumPath(): string | undefined {
  return SYSTEM_PATHS.find((p) => p !== HEADLESS_SHELL && existsSync(p));
}
