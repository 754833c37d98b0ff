// Which Chromium the browser tests drive: Playwright's own when installed (a developer laptop),
// else the system's (Debian's `chromium` package).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export type ChromiumChoice = { executablePath?: string; source: 'env' | 'playwright' | 'system' | 'none' };

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

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
