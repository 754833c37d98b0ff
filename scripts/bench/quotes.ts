// `npm run bench:quotes`: seeds 100,000 quotes into a throwaway PostgreSQL cluster and measures
// the quote wall — the app's own page query (lib/quotes/wall-query.ts) for the first page, a
// deep page, searches and filters, then the /quotes page over HTTP from `next start` (built
// first if there is no build). Options: --quotes N (default 100000), --runs N (default 25).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';
import type { Prisma } from '../../lib/generated/prisma/client';
import { hashPassword } from '../../lib/password';
import { createDatabase, freePort, startThrowawayCluster } from '../embedded-postgres.ts';
import { applyMigrations } from '../migrations.ts';
import { wallIdsSql, wallQuoteSelect, type WallQuery } from '../../lib/quotes/wall-query';

const root = path.resolve(import.meta.dirname, '../..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const QUOTES = arg('quotes', 100_000);
const RUNS = arg('runs', 25);
const PAGE = 20;
const TEAMS = 8;
const PEOPLE_PER_TEAM = 25;
const PASSWORD = 'bench-password';

const WORDS = (
  'thank you so much for helping me with my order refund invoice delivery parcel account password payment plan ' +
  'the team was brilliant patient kind quick friendly professional helpful and sorted everything in minutes ' +
  'I was dreading this call but she explained it clearly he stayed on the chat until it worked ' +
  'excellent service really impressed five stars will recommend again replacement arrived next morning ' +
  'wrong address redirected direct debit mix-up fixed late fee waived tariff cheaper warranty repair booking ' +
  'weekend email answer twenty minutes Sunday complaint called back promised label card statement VAT purchase'
).split(' ');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const now = () => performance.now();

async function seed(client: pg.Client) {
  const started = now();
  const hash = await hashPassword(PASSWORD);
  await client.query(
    `INSERT INTO "Team" (id, name, slug, "updatedAt") SELECT 'team' || t, 'Bench team ' || t, 'bench-team-' || t, now() FROM generate_series(1, ${TEAMS}) t`,
  );
  await client.query(
    `INSERT INTO "User" (id, name, email, role, "teamId", "passwordHash", "updatedAt")
     SELECT 'user' || t || '_' || u, 'Person ' || t || '-' || u, 'p' || t || '-' || u || '@bench.test',
            (CASE WHEN u = 1 THEN 'LEADER' ELSE 'AGENT' END)::"Role", 'team' || t, $1, now()
     FROM generate_series(1, ${TEAMS}) t, generate_series(1, ${PEOPLE_PER_TEAM}) u`,
    [hash],
  );
  await client.query(
    `INSERT INTO "User" (id, name, email, role, "passwordHash", "updatedAt") VALUES ('reader', 'Bench Reader', 'reader@bench.test', 'COLLEAGUE', $1, now())`,
    [hash],
  );
  // One statement generates every quote server-side: 12–30 random words each, 95% approved,
  // spread over the last 36 months, so the planner sees a realistic mix.
  await client.query(
    `INSERT INTO "Quote" (id, "teamId", "submitterId", "submissionKey", text, attribution, "customerOrganisation", channel, "receivedOn", status, "moderatorId", "moderatedAt", "createdAt", "updatedAt")
     SELECT 'q' || lpad(g::text, 7, '0'), 'team' || t, 'user' || t || '_' || (2 + (g * 7) % ${PEOPLE_PER_TEAM - 1}), 'bench-' || g,
            (SELECT string_agg(($1::text[])[1 + floor(random() * array_length($1::text[], 1))::int], ' ') FROM generate_series(1, 12 + (g % 19)) w WHERE g > 0),
            (ARRAY['NAMED', 'ORGANISATION', 'ANONYMOUS'])[1 + g % 3]::"QuoteAttribution",
            CASE WHEN g % 3 = 1 THEN 'Organisation ' || (g % 500) END,
            (ARRAY['PHONE', 'EMAIL', 'CHAT', 'SOCIAL', 'MESSAGING', 'OTHER'])[1 + (g / 7) % 6]::"QuoteChannel",
            current_date - (random() * 1095)::int,
            (CASE WHEN g % 20 = 0 THEN 'PENDING' WHEN g % 50 = 1 THEN 'REJECTED' ELSE 'APPROVED' END)::"QuoteStatus",
            'user' || t || '_1', now(), now(), now()
     FROM (SELECT g, 1 + g % ${TEAMS} AS t FROM generate_series(1, ${QUOTES}) g) s`,
    [WORDS],
  );
  await client.query(
    `INSERT INTO "QuoteCredit" ("quoteId", "userId", "updatedAt") SELECT id, "submitterId", now() FROM "Quote"`,
  );
  await client.query(
    `INSERT INTO "QuoteCredit" ("quoteId", "userId", "updatedAt")
     SELECT id, 'user' || substr("teamId", 5) || '_' || (2 + (abs(hashtext(id)) % ${PEOPLE_PER_TEAM - 1})), now() FROM "Quote" WHERE abs(hashtext(id)) % 10 < 3
     ON CONFLICT DO NOTHING`,
  );
  await client.query('VACUUM ANALYZE');
  const counts = (
    await client.query(
      `SELECT (SELECT count(*) FROM "Quote") AS quotes, (SELECT count(*) FROM "Quote" WHERE status = 'APPROVED') AS approved, (SELECT count(*) FROM "QuoteCredit") AS credits`,
    )
  ).rows[0] as Record<string, string>;
  console.log(
    `Seeded ${counts.quotes} quotes (${counts.approved} approved, ${counts.credits} credits) in ${((now() - started) / 1000).toFixed(1)} s`,
  );
}

type Scenario = { name: string; query: Omit<WallQuery, 'limit'>; url: string };

async function scenarios(client: pg.Client): Promise<Scenario[]> {
  const ordered = async (offset: number) => {
    const row = (
      await client.query(
        `SELECT id, "receivedOn" FROM "Quote" WHERE status = 'APPROVED' ORDER BY "receivedOn" DESC, id DESC OFFSET $1 LIMIT 1`,
        [offset],
      )
    ).rows[0] as { id: string; receivedOn: Date };
    // pg returns a date at local midnight; the app's cursor is the calendar day.
    const day = `${row.receivedOn.getFullYear()}-${String(row.receivedOn.getMonth() + 1).padStart(2, '0')}-${String(row.receivedOn.getDate()).padStart(2, '0')}`;
    return { day, id: row.id, cursor: `${day}_${row.id}` };
  };
  const approved = Number((await client.query(`SELECT count(*) FROM "Quote" WHERE status = 'APPROVED'`)).rows[0].count);
  const deep = await ordered(Math.floor(approved / 2));
  const last = await ordered(approved - PAGE - 1);
  const month = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const range = { start: `${month}-01`, end: new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10) };
  return [
    { name: 'first page', query: {}, url: '/quotes' },
    {
      name: `deep page (~${Math.floor(approved / 2 / PAGE)})`,
      query: { after: deep },
      url: `/quotes?after=${deep.cursor}`,
    },
    {
      name: `last page (~${Math.floor(approved / PAGE)})`,
      query: { after: last },
      url: `/quotes?after=${last.cursor}`,
    },
    { name: 'newer from deep page', query: { before: deep }, url: `/quotes?before=${deep.cursor}` },
    { name: 'team', query: { teamId: 'team3' }, url: '/quotes?team=bench-team-3' },
    { name: 'team + month', query: { teamId: 'team3', range }, url: `/quotes?team=bench-team-3&month=${month}` },
    { name: 'channel', query: { channel: 'SOCIAL' }, url: '/quotes?channel=SOCIAL' },
    { name: 'credited person', query: { personId: 'user5_7' }, url: '/quotes?person=user5_7' },
    { name: 'search common word', query: { search: 'refund' }, url: '/quotes?q=refund' },
    { name: 'search two words', query: { search: 'patient invoice' }, url: '/quotes?q=patient+invoice' },
    { name: 'search rare word', query: { search: 'zebra' }, url: '/quotes?q=zebra' },
    {
      name: 'search + team + channel',
      query: { search: 'delivery', teamId: 'team2', channel: 'EMAIL' },
      url: '/quotes?q=delivery&team=bench-team-2&channel=EMAIL',
    },
  ];
}

function toPg(sql: Prisma.Sql) {
  return { text: sql.text, values: sql.values as unknown[] };
}

async function measureQueries(client: pg.Client, prisma: PrismaClient, list: Scenario[]) {
  const rows: string[][] = [];
  for (const s of list) {
    const sql = toPg(wallIdsSql({ ...s.query, limit: PAGE }));
    const plan = (await client.query({ text: `EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, values: sql.values }))
      .rows[0]['QUERY PLAN'][0] as {
      'Execution Time': number;
      Plan: { 'Node Type': string; Plans?: { 'Node Type': string; 'Index Name'?: string }[] };
    };
    const nodes =
      JSON.stringify(plan.Plan)
        .match(/"Index Name":"([^"]+)"/g)
        ?.map((m) => m.slice(14, -1)) ?? [];
    const idsTimes: number[] = [];
    const pageTimes: number[] = [];
    let count = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = now();
      const ids = (await client.query<{ id: string }>(sql)).rows;
      const t1 = now();
      // The app's second query: the page's quotes with team and credited people.
      await prisma.quote.findMany({
        where: { id: { in: ids.slice(0, PAGE).map((r) => r.id) } },
        select: wallQuoteSelect,
      });
      const t2 = now();
      idsTimes.push(t1 - t0);
      pageTimes.push(t2 - t0);
      count = Math.min(ids.length, PAGE);
    }
    rows.push([
      s.name,
      String(count),
      ms(plan['Execution Time']),
      ms(median(idsTimes)),
      ms(p95(idsTimes)),
      ms(median(pageTimes)),
      [...new Set(nodes)].join(', ') || plan.Plan['Node Type'],
    ]);
  }
  return rows;
}

async function signIn(base: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, email: 'reader@bench.test', password: PASSWORD }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith('session-token'))) throw new Error(`Sign-in failed: ${res.status}`);
  return header();
}

async function measureHttp(url: string, list: Scenario[]) {
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) {
    console.log('No build found: running next build…');
    const built = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (built.status !== 0) throw new Error('next build failed');
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: root,
      stdio: 'ignore',
      env: {
        ...process.env,
        DATABASE_URL: url,
        AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  );
  try {
    for (let i = 0; ; i++) {
      const up = await fetch(`${base}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (up) break;
      if (i > 300) throw new Error('next start did not come up');
      await new Promise((r) => setTimeout(r, 100));
    }
    const cookie = await signIn(base);
    const rows: string[][] = [];
    for (const s of list) {
      const times: number[] = [];
      let bytes = 0;
      // Two warm-up requests (first render of a route compiles nothing, but warms caches and the pool).
      for (let i = 0; i < RUNS + 2; i++) {
        const t0 = now();
        const res = await fetch(`${base}${s.url}`, { headers: { cookie }, redirect: 'manual' });
        const body = await res.text();
        if (res.status !== 200) throw new Error(`${s.url} answered ${res.status}`);
        if (i >= 2) times.push(now() - t0);
        bytes = body.length;
      }
      rows.push([s.name, ms(median(times)), ms(p95(times)), `${Math.round(bytes / 1024)} KiB`]);
    }
    return rows;
  } finally {
    server.kill('SIGTERM');
  }
}

function table(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

const cluster = await startThrowawayCluster();
try {
  await createDatabase(cluster.adminUrl, 'bench');
  const url = cluster.urlFor('bench');
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seed(client);
    const list = await scenarios(client);
    console.log(
      `\nWall page query (lib/quotes/wall-query.ts), ${PAGE} per page, ${RUNS} runs each; goal: page query under 20 ms`,
    );
    table(
      ['scenario', 'rows', 'EXPLAIN exec', 'ids median', 'ids p95', 'ids+hydrate median', 'indexes used'],
      await measureQueries(client, prisma, list),
    );
    console.log(
      `\nGET /quotes over HTTP (next start, signed in as a colleague), ${RUNS} requests each after 2 warm-ups`,
    );
    table(['scenario', 'median', 'p95', 'size'], await measureHttp(url, list));
  } finally {
    await prisma.$disconnect();
    await client.end();
  }
} finally {
  await cluster.stop();
}
