// `npm run bench:flood`: is the kept-page cache bounded? A signed-in reader asks for 2,000 distinct
// addresses that parse but name nothing (trends of KPIs nobody has, the wall of people who are not
// there, spans of months before any figure), after the published edition is warm in the cache. It
// prints the server's memory (RSS) before and after, whether the edition is still served from the
// cache (HIT), and the time and size of very large custom trends (every team over the whole data,
// 20 years of figures by default). Goals: RSS grows by ≤ 300 MB, the edition stays a HIT, large
// trends answer within 1 s or are refused with a clear message.
// Options: --addresses N (default 2000), --years N (default 20), --quotes N (default 20000),
// --connections N (default 10).
import { randomBytes } from 'node:crypto';
import { rssMb, signInCookie, startBenchServer } from './server.ts';

const arg = (name: string, fallback: number) =>
  process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback;
const ADDRESSES = arg('addresses', 2000);
const YEARS = arg('years', 20);
const CONNECTIONS = arg('connections', 10);
const RSS_GOAL_MB = 300;
const LARGE_TRENDS_GOAL_MS = 1000;

const line = (label: string, value: string, verdict?: boolean) =>
  console.log(`${label.padEnd(44)} ${value}${verdict === undefined ? '' : verdict ? '  goal met' : '  goal NOT met'}`);

const bench = await startBenchServer({ quotes: arg('quotes', 20_000), months: YEARS * 12 });
try {
  const { base, server, paths } = bench;
  const cookie = await signInCookie(base, 'reader@bench.test');
  const get = (path: string) => fetch(base + path, { headers: { cookie }, redirect: 'manual' });
  const cacheOf = async (path: string) => {
    const res = await get(path);
    await res.arrayBuffer();
    return res.headers.get('x-nextjs-cache') ?? 'none';
  };

  // Warm: the edition (kept), the pages the flood hits, and the server's own caches and JIT.
  for (let i = 0; i < 3; i++) await cacheOf(paths.edition);
  for (const path of ['/', '/trends', '/quotes', `/trends?team=${paths.teams[0]}&range=36`])
    for (let i = 0; i < 5; i++) await (await get(path)).arrayBuffer();
  line('edition before the flood', await cacheOf(paths.edition), (await cacheOf(paths.edition)) === 'HIT');
  const before = rssMb(server.pid!);

  // The flood: every address distinct, each value well-formed, none naming anything that exists.
  const hostile = (i: number) => {
    const token = randomBytes(6).toString('hex');
    switch (i % 4) {
      case 0:
        return `/trends?kpi=${token}`;
      case 1:
        return `/quotes?person=${token}`;
      case 2: {
        // A span before the first figures (20 years back from now is 2006): distinct for each i.
        const k = (i - 2) / 4;
        const month = (m: number) => `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        return `/trends?team=${paths.teams[k % 3]}&range=custom&from=${month(k % 72)}&to=${month(72 + Math.floor(k / 72))}`;
      }
      default:
        return `/quotes?team=${token}`;
    }
  };
  const started = performance.now();
  const statuses = new Map<number, number>();
  let next = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < ADDRESSES) {
        const res = await get(hostile(next++));
        bytes += (await res.arrayBuffer()).byteLength;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = rssMb(server.pid!);
  line(
    `${ADDRESSES} hostile addresses`,
    `${seconds.toFixed(1)} s, ${(ADDRESSES / seconds).toFixed(0)} req/s, ${(bytes / ADDRESSES / 1024).toFixed(0)} KB each, statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`,
  );
  line(
    'server RSS before → after',
    `${before.toFixed(0)} MB → ${after.toFixed(0)} MB (+${(after - before).toFixed(0)} MB)`,
    after - before <= RSS_GOAL_MB,
  );
  const edition = await cacheOf(paths.edition);
  line('edition after the flood', edition, edition === 'HIT');

  // Very large custom trends: every team over all their months.
  const teams = paths.teams.map((t) => `team=${t}`).join('&');
  const last = new Date();
  const to = `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}`;
  for (const span of [`range=all`, `range=custom&from=2000-01&to=${to}`]) {
    const path = `/trends?${teams}&${span}`;
    await (await get(path)).arrayBuffer();
    const t0 = performance.now();
    const res = await get(path);
    const body = await res.text();
    const ms = performance.now() - t0;
    const refused = /too (much|many|long)|choose fewer|shorter/i.test(body);
    line(
      `trends, ${paths.teams.length} teams × ${YEARS} years (${span.split('&')[0]})`,
      `${res.status} in ${ms.toFixed(0)} ms, ${(body.length / 1024).toFixed(0)} KB${refused ? ', refused with a message' : ''}`,
      ms <= LARGE_TRENDS_GOAL_MS,
    );
  }
} finally {
  await bench.stop();
}
