import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { E2E_AUTH_SECRET } from './e2e/fixtures/auth-secret';
import { resolveChromium } from './scripts/testing/chromium';

// Run through `npm test` (or `npm run test:e2e`), which starts PostgreSQL, prepares and seeds a
// throwaway database, builds the app and passes E2E_DATABASE_URL.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl)
  throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests with `npm run test:e2e` or `npm test`.');
const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = resolveChromium();
// Deliveries are tested with the guard on, as in production: a spec's webhook receiver (HTTPS on
// 127.0.0.1, with e2e/fixtures/receiver-tls) is reached by a name routed in this folder
// (TEST_ONLY_WEBHOOK_ROUTES_DIR, lib/deliveries/connect.ts). Set once here, inherited by the workers.
process.env.E2E_WEBHOOK_ROUTES_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'e2e-webhook-routes-'));

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Generous for a 2-core CI box that is also running PostgreSQL, the server and two browsers: a
  // journey that passes in 15 s alone took 31 s there. A passing test never waits for a limit.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace of every test (to keep the failed ones') made the browser tests about a
    // sixth slower. A failure keeps its screenshot and error; E2E_TRACE=1 records traces again to
    // look into one (`E2E_TRACE=1 npm run test:e2e -- e2e/x.spec.ts`).
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(chromium.executablePath ? { executablePath: chromium.executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The same server `npm start` runs: it appends the socket address to X-Forwarded-For.
    command: `node scripts/serve.mjs -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: E2E_AUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      TEST_ONLY_WEBHOOK_ROUTES_DIR: process.env.E2E_WEBHOOK_ROUTES_DIR,
      NODE_EXTRA_CA_CERTS: path.resolve(import.meta.dirname, 'e2e/fixtures/receiver-tls/cert.pem'),
    },
  },
});
