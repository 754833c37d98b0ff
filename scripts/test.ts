// `npm test`: everything — type check, lint, format check, unit + integration tests (Vitest, real
// PostgreSQL), `next build`, Playwright in Chromium against `next start`. One throwaway
// PostgreSQL cluster serves the whole run. Ends with "N passed, N failed" over all runners.
// ESLint (one core for about a minute) runs beside the type check, format check and build, which
// fill the other core; Vitest and Playwright, which use both, run alone.
//   --only unit   type check, lint and Vitest          --only e2e   build and Playwright
//   Vitest files (x.test.ts) and Playwright specs (x.spec.ts, --grep=…) narrow their runners.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { seedDemo } from '../prisma/demo';
import { freePort, startThrowawayCluster } from './embedded-postgres.ts';
import { HEADLESS_SHELL, resolveChromium } from './testing/chromium.ts';
import { createTestDatabase, prepareTemplate } from './testing/template.ts';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const wantUnit = only === null || only === 'unit';
const wantE2e = only === null || only === 'e2e';
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const reports = mkdtempSync(path.join(os.tmpdir(), 'service-review-reports-'));

type Result = { step: string; passed: number; failed: number; seconds: number; note?: string };
const results: Result[] = [];

/** Where a command's output goes: the terminal, or a buffer printed when its step ends. */
type Output = Buffer[] | null;

function run(command: string, args: string[], env: Record<string, string> = {}, output: Output = null) {
  return new Promise<number>((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: output ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    });
    child.stdout?.on('data', (chunk: Buffer) => output?.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output?.push(chunk));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * One step of the summary. A step that runs beside another (`beside`) keeps its output and prints
 * it under its heading when it ends, so two steps' lines never interleave.
 */
async function step(
  name: string,
  fn: (output: Output) => Promise<Omit<Result, 'step' | 'seconds'>>,
  { beside = false } = {},
) {
  const output: Output = beside ? [] : null;
  if (!beside) console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = await fn(output);
  if (output) {
    console.log(`\n━━ ${name} ━━`);
    process.stdout.write(Buffer.concat(output));
  }
  results.push({ step: name, seconds: (Date.now() - started) / 1000, ...result });
  return result;
}

/** A check that is one pass or one fail (type check, lint, build). */
const single = async (command: string, args: string[], env?: Record<string, string>, output: Output = null) =>
  (await run(command, args, env, output)) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };

/** Debian's package manager, as root: install what is missing, refreshing the lists once if needed. */
function aptInstall(pkg: string) {
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-qq', pkg], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  if (install()) return;
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  install();
}

function ensureChromium() {
  let choice = resolveChromium();
  if (choice.source === 'env' || choice.source === 'playwright' || choice.executablePath === HEADLESS_SHELL)
    return choice;
  // The headless shell halves the browser tests' CPU (scripts/testing/chromium.ts); a CI box gets it
  // the way it gets Chromium. Without it, the full browser runs the same tests.
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log('Installing Debian’s chromium-headless-shell for the browser tests…');
    aptInstall('chromium-headless-shell');
    choice = resolveChromium();
  }
  if (choice.source !== 'none') return choice;
  console.error(
    '\nNo Chromium for the browser tests. Install one of:\n' +
      '  npx playwright install chromium        (Playwright’s own build)\n' +
      '  sudo apt-get install chromium-headless-shell   (Debian/Ubuntu; or chromium)\n' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary.\n',
  );
  process.exit(1);
}

const chromium = wantE2e ? ensureChromium() : null;
const started = Date.now();
const cluster = await startThrowawayCluster();
let exitCode = 1;
try {
  await prepareTemplate(cluster.adminUrl);
  // The browser tests' database is seeded with the demo while the checks before them run: seeding
  // waits mostly on PostgreSQL. A failure is reported by the end-to-end step.
  const e2eDatabase = wantE2e
    ? (async () => {
        const database = await createTestDatabase(cluster.adminUrl, 'e2e');
        const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
        await seedDemo(db).finally(() => db.$disconnect());
        return database;
      })().then(
        (database) => ({ database, error: null }),
        (error: unknown) => ({ database: null, error }),
      )
    : null;
  const testEnv = { TEST_PG_ADMIN_URL: cluster.adminUrl };

  const build = (typeChecked: boolean, beside: boolean) =>
    step(
      'build (next build)',
      (output) =>
        single(
          process.execPath,
          [path.join(root, 'node_modules/next/dist/bin/next'), 'build'],
          {
            NODE_ENV: 'production',
            // The type check already passed on this tree: the build need not repeat it.
            ...(typeChecked ? { BUILD_SKIP_TYPECHECK: '1' } : {}),
          },
          output,
        ),
      { beside },
    );
  let buildOk = false;

  if (wantUnit) {
    const lint = step(
      'lint (eslint)',
      (output) => single(bin('eslint'), ['--max-warnings', '0', '.'], undefined, output),
      { beside: true },
    );
    const besideLint = (async () => {
      const types = await step('type check (tsc)', (output) => single(bin('tsc'), ['--noEmit'], undefined, output), {
        beside: true,
      });
      await step(
        'format (prettier --check)',
        (output) => single(bin('prettier'), ['--check', '--log-level', 'warn', '.'], undefined, output),
        { beside: true },
      );
      if (wantE2e) buildOk = (await build(types.failed === 0, true)).failed === 0;
    })();
    await Promise.all([lint, besideLint]);
    await step('unit + integration (vitest)', async () => {
      const out = path.join(reports, 'vitest.json');
      const code = await run(
        bin('vitest'),
        [
          'run',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${out}`,
          // `npx tsx scripts/test.ts --only unit lib/x/y.test.ts` runs just those files.
          ...process.argv.slice(2).filter((a) => a.endsWith('.test.ts')),
        ],
        testEnv,
      );
      if (!existsSync(out)) return { passed: 0, failed: 1, note: `vitest exited ${code} without a report` };
      const report = JSON.parse(readFileSync(out, 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
        numFailedTestSuites: number;
      };
      const failed = report.numFailedTests + (report.numFailedTests === 0 && code !== 0 ? 1 : 0);
      return { passed: report.numPassedTests, failed };
    });
  }

  if (wantE2e) {
    if (!wantUnit) buildOk = (await build(false, false)).failed === 0;
    await step('end-to-end (playwright, chromium)', async () => {
      if (!buildOk) return { passed: 0, failed: 1, note: 'skipped: the build failed' };
      const { database, error } = (await e2eDatabase)!;
      if (!database) {
        console.error(error);
        return { passed: 0, failed: 1, note: 'the demo could not be seeded' };
      }
      const out = path.join(reports, 'playwright.json');
      const code = await run(
        bin('playwright'),
        ['test', ...process.argv.slice(2).filter((a) => a.startsWith('--grep') || a.endsWith('.spec.ts'))],
        {
          ...testEnv,
          E2E_DATABASE_URL: database.url,
          E2E_PORT: String(await freePort(3100)),
          PLAYWRIGHT_JSON_OUTPUT_NAME: out,
          ...(chromium?.executablePath ? { CHROMIUM_PATH: chromium.executablePath } : {}),
        },
      );
      if (!existsSync(out)) return { passed: 0, failed: 1, note: `playwright exited ${code} without a report` };
      const stats = (
        JSON.parse(readFileSync(out, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } }
      ).stats;
      const failed = stats.unexpected + (stats.unexpected === 0 && code !== 0 ? 1 : 0);
      return { passed: stats.expected + stats.flaky, failed };
    });
  }
  exitCode = results.some((r) => r.failed > 0) ? 1 : 0;
} finally {
  await cluster.stop().catch(() => {});
}

console.log('\n━━ summary ━━');
// In the order of the pipeline, whichever of the steps side by side ended first.
const ORDER = ['type check', 'lint', 'format', 'build', 'unit', 'end-to-end'];
const rank = (r: Result) => ORDER.findIndex((prefix) => r.step.startsWith(prefix));
for (const r of results.sort((a, b) => rank(a) - rank(b))) {
  console.log(
    `${r.failed ? '✗' : '✓'} ${r.step.padEnd(36)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1).padStart(6)} s${r.note ? `  (${r.note})` : ''}`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
