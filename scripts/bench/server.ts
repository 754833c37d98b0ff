// The benchmarks' server: the benchmark data set (scripts/bench/seed.ts) in a throwaway PostgreSQL,
// a leader's year of editions on it through the app's own code, and the production server
// `npm start` runs, on loopback. Shared by `npm run bench` (scripts/bench/site.ts) and
// `npm run bench:flood` (scripts/bench/flood.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, startThrowawayCluster } from '../embedded-postgres.ts';
import { createTestDatabase, prepareTemplate } from '../testing/template.ts';
import { BENCH_AUTH_SECRET, BENCH_PASSWORD, seedBenchData } from './seed.ts';

export const root = path.resolve(import.meta.dirname, '../..');

/** What the seeded data set offers to measure, by address. */
export type BenchPaths = {
  /** A published edition, and what each reader's browser asks for beside it. */
  edition: string;
  editionReader: string;
  /** A leader's pages: the composer of a draft, the figures list, a month's form, the import page. */
  composer: string;
  figures: string;
  monthForm: string;
  importPage: string;
  /** Team slugs, first the leader's. */
  teams: string[];
};

/**
 * One published edition for last month, and for the leader's team eleven more before it (a year of
 * editions, as a leader has), a draft a year back, and figures corrected since under two published
 * editions: what "Needs you" reports as drift.
 */
async function seedEditions(quotes: number, months: number): Promise<BenchPaths> {
  const { teams, agents } = await seedBenchData(process.env.DATABASE_URL!, quotes, months);
  const { startReview, publishReview } = await import('../../lib/publishing/reviews');
  const { addMonths, currentMonth } = await import('../../lib/dates/month');
  const { db } = await import('../../lib/db');
  const { loadCatalog, writeMonthTx } = await import('../../lib/figures/figures');
  const leader = agents[0]!;
  const team = teams[0]!;
  const last = addMonths(currentMonth(), -1);
  let editionId = '';
  for (let i = 11; i >= 0; i--) {
    const month = addMonths(last, -i);
    const draft = await startReview(leader, team, month);
    const fields = {
      version: draft.version,
      title: draft.title,
      highlights: draft.highlights,
      asks: draft.asks,
      distribution: '',
      featured: [],
    };
    await publishReview(leader, team, month, fields, '');
    if (i === 0) editionId = draft.id;
  }
  const draftMonth = addMonths(last, -12);
  await startReview(leader, team, draftMonth);
  const catalog = await loadCatalog(db, team.id);
  const kpi = catalog.kpis[0]!;
  for (const month of [addMonths(last, -2), addMonths(last, -14)])
    await db.$transaction((tx) =>
      writeMonthTx(tx, {
        actor: null,
        actorLabel: 'bench',
        teamId: team.id,
        month,
        change: { volumes: {}, reasons: {}, segments: {}, kpis: { [kpi.id]: 42 } },
        mode: 'merge',
        catalog,
        source: 'bench',
      }),
    );
  await db.$disconnect();
  // Publishing handed work to the job queue from this process: its client would keep the bench
  // alive (and retrying a database that is gone) after the run.
  const { stopSharedBoss } = await import('../../lib/jobs/queue');
  await stopSharedBoss();
  return {
    edition: `/reviews/${team.slug}/${last}`,
    editionReader: `/api/editions/${editionId}/reader`,
    composer: `/manage/${team.slug}/reviews/${draftMonth}`,
    figures: `/manage/${team.slug}`,
    monthForm: `/manage/${team.slug}/figures/${addMonths(last, -2)}`,
    importPage: `/manage/${team.slug}/import`,
    teams: teams.map((t) => t.slug),
  };
}

/** CPU seconds (user + system) used so far by a process and its children: what a request costs
 * the server, whatever else the machine is doing (requests/s also depends on that). */
export function cpuSeconds(pid: number): number {
  return procSum(pid, (fields) => Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory of a process and its children, in MB. */
export function rssMb(pid: number): number {
  return (procSum(pid, (fields) => Number(fields[21])) * 4096) / 1024 / 1024;
}

function procSum(pid: number, value: (fields: string[]) => number): number {
  let sum = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(entry) === pid || Number(fields[1]) === pid) sum += value(fields);
  }
  return sum;
}

export async function signInCookie(base: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const jar = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c!.includes('session-token'));
  if (!session) throw new Error(`Could not sign in ${email}`);
  return session;
}

export type BenchServer = {
  base: string;
  server: ChildProcess;
  paths: BenchPaths;
  stop(): Promise<void>;
};

/**
 * Seeds, builds when there is no build, and starts the server. `extraArgs` go to node before the
 * entry (e.g. --cpu-prof). Call stop() in a finally: it ends the server, the database and PostgreSQL.
 */
export async function startBenchServer(options: {
  quotes: number;
  /** Months of figures per team (60 unless said). */
  months?: number;
  nodeArgs?: string[];
}): Promise<BenchServer> {
  const cluster = await startThrowawayCluster();
  let server: ChildProcess | null = null;
  const stop = async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await cluster.stop();
  };
  try {
    await prepareTemplate(cluster.adminUrl);
    const database = await createTestDatabase(cluster.adminUrl, 'bench');
    const started = performance.now();
    process.env.DATABASE_URL = database.url;
    const months = options.months ?? 60;
    const paths = await seedEditions(options.quotes, months);
    console.log(
      `Seeded 3 teams × ${months} months of figures, 12 published editions and ${options.quotes.toLocaleString('en-GB')} quotes in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    if (!existsSync(path.join(root, '.next', 'BUILD_ID')))
      spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // The server `npm start` runs (Next inside scripts/serve.mjs), not bare `next start`.
    server = spawn(
      process.execPath,
      [...(options.nodeArgs ?? []), 'scripts/serve.mjs', '-p', String(port), '-H', '127.0.0.1'],
      {
        cwd: root,
        stdio: 'ignore',
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          AUTH_SECRET: BENCH_AUTH_SECRET,
          NODE_ENV: 'production',
          NEXT_TELEMETRY_DISABLED: '1',
        },
      },
    );
    for (let i = 0; i < 300; i++) {
      if ((await fetch(`${base}/api/health`).catch(() => null))?.ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return { base, server, paths, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
