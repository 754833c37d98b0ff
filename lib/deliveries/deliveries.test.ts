import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeQuote, makeTeam, makeUser } from '../../prisma/factories';
import { startBoss, stopSharedBoss, type Boss } from '../jobs/queue';
import { workQueues } from '../workers';
import { publishReview, saveReview, startReview } from '../publishing/reviews';
import { publishDueReviews, scheduleInstant, scheduleReview, unscheduleReview } from '../publishing/schedule';
import { createDestination, listDestinations, sendDestinationTest } from './destinations';
import { runDelivery } from './deliveries';
import { describeErrorCause } from '../error-cause';
import type { Network } from './connect';
import { signBody } from './messages';
import { postPayload } from './post';
import { checkDestinationUrl } from './url';
import { pollUntil } from '../../scripts/testing/poll';

// Real HTTP receivers standing in for Slack, Teams and a customer's webhook endpoint. The guard is
// on (ALLOW_PRIVATE_WEBHOOKS unset), as in production: each receiver is reached by a name that the
// test-only routes resolve to a public address, which the guard vets; only the socket goes to the
// receiver on 127.0.0.1 (lib/deliveries/connect.ts).
type Hit = { path: string; status: number; body: string; headers: IncomingMessage['headers'] };
const hits: Hit[] = [];
const failNext = new Map<string, number>();
let server: Server;
let port: number;
let connections = 0;
const bosses: Boss[] = [];
const routesDir = mkdtempSync(path.join(os.tmpdir(), 'webhook-routes-'));
// A public address (the guard lets it through); nothing ever connects to it: the route sends the
// socket to the receiver on 127.0.0.1.
const PUBLIC_ADDRESS = '11.22.33.44';

/** A name for the receiver that resolves to `address` (public unless a test says otherwise). */
function route(name: string, address = PUBLIC_ADDRESS, routePort = port) {
  const host = `${name}.receiver.test`;
  writeFileSync(path.join(routesDir, `${host}.json`), JSON.stringify({ address, port: routePort }));
  return host;
}
/** The receiver's address for a path, through a route of its own. */
const hookUrl = (name: string, pathname: string) => `http://${route(name)}:${port}${pathname}`;

beforeAll(async () => {
  delete process.env.ALLOW_PRIVATE_WEBHOOKS;
  process.env.TEST_ONLY_WEBHOOK_ROUTES_DIR = routesDir;
  process.env.DELIVERY_RETRY_SECONDS = '1';
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      if (path.endsWith('/moved')) {
        hits.push({ path, status: 302, body: '', headers: req.headers });
        res.writeHead(302, { location: path.replace(/moved$/, 'landing') }).end();
        return;
      }
      const fail = failNext.get(path) ?? 0;
      const status = fail > 0 ? 500 : 200;
      if (fail > 0) failNext.set(path, fail - 1);
      hits.push({ path, status, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status === 200 ? 'ok' : 'db01.corp.internal: password authentication failed for user "billing"');
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  // Two workers on one database, as two app instances would be.
  for (let i = 0; i < 2; i++) {
    const boss = await startBoss(process.env.DATABASE_URL);
    await workQueues(boss, { pollingIntervalSeconds: 0.5 });
    bosses.push(boss);
  }
});

afterAll(async () => {
  for (const boss of bosses) await boss.stop({ graceful: false, wait: true, timeout: 2000 });
  await stopSharedBoss();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  delete process.env.TEST_ONLY_WEBHOOK_ROUTES_DIR;
  rmSync(routesDir, { recursive: true, force: true });
});

const until = <T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 20_000) => pollUntil(read, ok, ms);

const openJobs = async () =>
  Number(
    (
      await db.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'edition-delivery' AND state IN ('created', 'retry', 'active')`
    )[0]!.n,
  );

async function teamWithDraft(month: string) {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const quote = await makeQuote(db, {
    teamId: team.id,
    submitterId: leader.id,
    status: 'APPROVED',
    receivedOn: new Date(`${month}-04`),
    attribution: 'ANONYMOUS',
    customerName: 'Priya Hidden',
    text: 'Sorted in one call, thank you.',
  });
  const ref = { id: team.id, name: team.name, slug: team.slug };
  await startReview(leader, ref, month);
  const fields = (version: number, title: string) => ({
    version,
    title,
    highlights: 'Calls rose.',
    asks: '',
    distribution: 'nobody@example.test',
    featured: [quote.id],
  });
  return { team, leader, ref, fields };
}

/** The error a promise rejects with; fails the test when it resolves. */
async function failure(promise: Promise<unknown>): Promise<Error & { cause?: unknown }> {
  return promise.then(
    () => {
      throw new Error('expected a failure, and it succeeded');
    },
    (error: unknown) => error as Error,
  );
}

const forPath = (path: string) => hits.filter((h) => h.path === path);

describe('deliveries beyond email', () => {
  it('announces a publish once to Slack, Teams and a signed webhook, retrying after a 500', async () => {
    const { team, leader, ref, fields } = await teamWithDraft('2025-05');
    const p = `/${team.slug}`;
    const slackUrl = hookUrl(`slack-${team.slug}`, `${p}/slack`);
    await createDestination(leader, team.id, { kind: 'SLACK', name: 'Slack #support', url: slackUrl });
    await createDestination(leader, team.id, {
      kind: 'TEAMS',
      name: 'Teams',
      url: hookUrl(`teams-${team.slug}`, `${p}/teams`),
    });
    const { secret } = await createDestination(leader, team.id, {
      kind: 'WEBHOOK',
      name: 'Intranet',
      url: hookUrl(`hook-${team.slug}`, `${p}/hook`),
    });
    expect(secret).toMatch(/^whsec_/);
    // Stored encrypted: neither the URL nor the secret appears in the row.
    const stored = await db.deliveryDestination.findMany({ where: { teamId: team.id } });
    expect(JSON.stringify(stored)).not.toContain(slackUrl);
    expect(JSON.stringify(stored)).not.toContain(secret!);
    failNext.set(`${p}/hook`, 1);

    // A title written to ping a whole channel, link elsewhere and format: shown as typed.
    const title = `May for ${team.slug} <!channel> & <@U0123> [log in](https://evil.example) *now*`;
    // The count the leader's confirmation names: "posted to 3 destinations".
    expect((await publishReview(leader, ref, '2025-05', fields(1, title), '')).deliveries).toBe(3);
    const rows = await until(
      () => db.editionDelivery.findMany({ where: { teamId: team.id } }),
      (r) => r.length === 3 && r.every((d) => d.status === 'SENT'),
    );
    // The other instance enqueues the same deliveries again: nothing more is sent.
    for (const row of rows) await runDelivery(row.id);
    await until(openJobs, (n) => n === 0);

    expect(forPath(`${p}/slack`)).toHaveLength(1);
    expect(forPath(`${p}/teams`)).toHaveLength(1);
    const hook = forPath(`${p}/hook`);
    expect(hook.map((h) => h.status)).toEqual([500, 200]);
    expect(rows.find((r) => r.attempts === 2)).toBeDefined();

    const ok = hook[1]!;
    const timestamp = String(ok.headers['x-service-review-timestamp']);
    expect(ok.headers['x-service-review-signature']).toBe(signBody(secret!, timestamp, ok.body));
    expect(ok.headers['x-service-review-signature']).not.toBe(signBody('whsec_wrong', timestamp, ok.body));
    const payload = JSON.parse(ok.body) as {
      event: string;
      title: string;
      url: string;
      headlines: { label: string; value: string; change: string }[];
      quote: { text: string; cite: string };
    };
    expect(payload.event).toBe('edition.published');
    expect(payload.title).toBe(title);
    expect(payload.url).toMatch(new RegExp(`/reviews/${team.slug}/2025-05$`));
    expect(payload.headlines).toHaveLength(3);
    expect(payload.headlines[0]!.change).toMatch(/vs last month$/);
    expect(payload.quote.text).toBe('Sorted in one call, thank you.');
    expect(ok.body).not.toContain('Priya Hidden');

    const slackBody = forPath(`${p}/slack`)[0]!.body;
    const slack = JSON.parse(slackBody) as {
      text: string;
      blocks: { type: string; text?: { type: string; text: string }; elements?: { text: string }[] }[];
    };
    expect(slack.text).toContain(`May for ${team.slug} &lt;!channel&gt; &amp; &lt;@U0123&gt;`);
    // Only the plain_text header (never parsed by Slack) carries the title as typed.
    const parsed = [
      slack.text,
      ...slack.blocks.flatMap((b) => (b.text?.type === 'mrkdwn' ? [b.text.text] : [])),
      ...slack.blocks.flatMap((b) => (b.elements ?? []).map((e) => e.text)),
    ];
    for (const text of parsed) expect(text).not.toMatch(/<[!@#]/);
    expect(slack.blocks[0]!.text).toMatchObject({ type: 'plain_text' });
    const teams = JSON.parse(forPath(`${p}/teams`)[0]!.body) as {
      attachments: {
        contentType: string;
        content: { type: string; body: { text?: string }[]; actions: { url: string }[] };
      }[];
    };
    const card = teams.attachments[0]!.content;
    expect(card.body[0]!.text).toContain(
      '&lt;!channel&gt; &amp; &lt;@U0123&gt; \\[log in\\](https://evil.example) \\*now\\*',
    );
    expect(teams.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(teams.attachments[0]!.content.actions[0]!.url).toBe(payload.url);
  }, 60_000);

  it('two workers claiming one delivery send it once', async () => {
    const { team, leader, ref, fields } = await teamWithDraft('2025-06');
    await createDestination(leader, team.id, {
      kind: 'SLACK',
      name: 'Slack',
      url: hookUrl(`race-${team.slug}`, `/${team.slug}/race`),
    });
    await publishReview(leader, ref, '2025-06', fields(1, 'June'), '');
    const [row] = await db.editionDelivery.findMany({ where: { teamId: team.id } });
    await Promise.all([runDelivery(row!.id), runDelivery(row!.id), runDelivery(row!.id)]);
    await until(
      () => db.editionDelivery.findUniqueOrThrow({ where: { id: row!.id } }),
      (d) => d.status === 'SENT',
    );
    await until(openJobs, (n) => n === 0);
    expect(forPath(`/${team.slug}/race`)).toHaveLength(1);
  }, 30_000);

  it('a scheduled edition is frozen and published once at its time, with two workers racing', async () => {
    const { team, leader, ref, fields } = await teamWithDraft('2025-07');
    await createDestination(leader, team.id, {
      kind: 'SLACK',
      name: 'Slack',
      url: hookUrl(`sched-${team.slug}`, `/${team.slug}/sched`),
    });
    const at = new Date(Date.now() + 2500);
    const { version } = await scheduleReview(leader, ref, '2025-07', fields(1, 'July as scheduled'), at);
    // Edited after scheduling: readers get what was saved last, frozen at the publish time.
    await saveReview(leader, ref, '2025-07', fields(version, 'July as edited'));
    expect(await db.review.findFirstOrThrow({ where: { teamId: team.id } })).toMatchObject({ status: 'DRAFT' });
    // Both queue workers wake for the job; two more sweeps race them.
    await until(
      () => Promise.resolve(Date.now()),
      (now) => now >= at.getTime(),
    );
    await Promise.all([publishDueReviews(), publishDueReviews()]);
    const review = await until(
      () => db.review.findFirstOrThrow({ where: { teamId: team.id }, include: { revisions: true } }),
      (r) => r.status === 'PUBLISHED',
    );
    expect(review.revisions).toHaveLength(1);
    expect((review.revisions[0]!.snapshot as { title: string }).title).toBe('July as edited');
    expect(review.revisions[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
    expect(review.scheduledAt).toBeNull();
    await until(
      () => Promise.resolve(forPath(`/${team.slug}/sched`).length),
      (n) => n >= 1,
    );
    await until(openJobs, (n) => n === 0);
    expect(forPath(`/${team.slug}/sched`)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: review.id, action: 'review.publish' } })).toBe(1);
  }, 30_000);

  it('an unscheduled edition stays a draft; bad schedules and URLs are refused field by field', async () => {
    const { team, leader, ref, fields } = await teamWithDraft('2025-08');
    await expect(
      scheduleReview(leader, ref, '2025-08', fields(1, 'Aug'), new Date(Date.now() - 1000)),
    ).rejects.toMatchObject({
      fieldErrors: { publishOn: ['Choose a time in the future.'] },
    });
    await scheduleReview(leader, ref, '2025-08', fields(1, 'Aug'), new Date(Date.now() + 1000));
    await unscheduleReview(leader, ref, '2025-08');
    await new Promise((r) => setTimeout(r, 1100));
    expect(await publishDueReviews()).toEqual([]);
    expect(await db.review.findFirstOrThrow({ where: { teamId: team.id } })).toMatchObject({ status: 'DRAFT' });

    for (const url of [
      'http://127.0.0.1:9/x',
      'https://10.1.2.3/x',
      'https://[::1]/x',
      'https://localhost/x',
      'ftp://example.com/x',
      'not a url',
    ])
      await expect(createDestination(leader, team.id, { kind: 'WEBHOOK', name: 'Bad', url })).rejects.toMatchObject({
        fieldErrors: { url: [expect.any(String)] },
      });
    expect(await listDestinations(leader, team.id)).toEqual([]);
    const other = await makeUser(db, { role: 'LEADER', teamId: (await makeTeam(db)).id });
    await expect(listDestinations(other, team.id)).rejects.toThrow();
  });

  it('"publish on … at …" is read in the team\'s zone; impossible days and times are refused', async () => {
    const team = await makeTeam(db);
    await db.team.update({ where: { id: team.id }, data: { timeZone: 'America/New_York' } });
    expect((await scheduleInstant(team.id, '2030-12-05', '09:00')).toISOString()).toBe('2030-12-05T14:00:00.000Z');
    expect((await scheduleInstant(team.id, '2030-07-05', '09:00')).toISOString()).toBe('2030-07-05T13:00:00.000Z');
    await expect(scheduleInstant(team.id, '2030-02-31', '09:00')).rejects.toMatchObject({
      fieldErrors: { publishOn: ['That is not a date.'] },
    });
    await expect(scheduleInstant(team.id, '', '25:00')).rejects.toMatchObject({
      fieldErrors: { publishOn: [expect.any(String)], publishAt: [expect.any(String)] },
    });
  });

  it('Send test posts a marked test message at once', async () => {
    const { team, leader } = await teamWithDraft('2025-09');
    const { id, secret } = await createDestination(leader, team.id, {
      kind: 'WEBHOOK',
      name: 'Test',
      url: hookUrl(`test-${team.slug}`, `/${team.slug}/test`),
    });
    await sendDestinationTest(leader, team.id, id);
    const [hit] = forPath(`/${team.slug}/test`);
    expect(JSON.parse(hit!.body)).toMatchObject({ event: 'edition.test' });
    const ts = String(hit!.headers['x-service-review-timestamp']);
    expect(hit!.headers['x-service-review-signature']).toBe(signBody(secret!, ts, hit!.body));
    failNext.set(`/${team.slug}/test`, 1);
    // The leader gets the status and a sentence; the destination's own words stay out.
    const refused = await failure(sendDestinationTest(leader, team.id, id));
    expect(refused.message).toBe(`test-${team.slug}.receiver.test:${port} answered 500: a fault at its end.`);
    expect(refused.message).not.toContain('password');
  });
});

describe('the guard, on as in production', () => {
  const INTERNAL = 'That address is on the internal network; use the service’s public webhook address.';

  it('accepts public addresses, in every form, and refuses internal ones, wrapped or resolved', async () => {
    const accepted = [
      'https://8.8.8.8/hook',
      'https://1.1.1.1/hook',
      'https://[2606:4700:4700::1111]/hook',
      'https://[::ffff:8.8.8.8]/hook',
      'https://[64:ff9b::8.8.8.8]/hook',
      'https://[2002:808:808::1]/hook',
      `https://${route('public-name')}/hook`,
    ];
    const refused = [
      'https://127.0.0.1/hook',
      'https://10.1.2.3/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
      'https://[fe80::1]/hook',
      // the four forms the review found passing, each 127.0.0.1
      'https://[::127.0.0.1]/hook',
      'https://[64:ff9b::127.0.0.1]/hook',
      'https://[2002:7f00:1::]/hook',
      'https://[::ffff:0:127.0.0.1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://[::ffff:169.254.169.254]/hook',
      'https://[64:ff9b::10.0.0.1]/hook',
      'https://[64:ff9b:1::808:808]/hook',
      // names whose answers are internal
      `https://${route('private-name', '10.0.0.5')}/hook`,
      `https://${route('mapped-name', '::ffff:127.0.0.1')}/hook`,
      `https://${route('metadata-name', '169.254.169.254')}/hook`,
    ];
    for (const url of accepted) expect(await checkDestinationUrl(url), url).toBeNull();
    for (const url of refused) expect(await checkDestinationUrl(url), url).toBe(INTERNAL);
  });

  it('resolves once per post and connects only to a vetted answer, however the answers change', async () => {
    const host = 'rebinding.receiver.test';
    const answers = [
      [PUBLIC_ADDRESS],
      ['127.0.0.1'],
      [PUBLIC_ADDRESS, '127.0.0.1'],
      ['::ffff:7f00:1'],
      [PUBLIC_ADDRESS],
    ];
    let calls = 0;
    const network: Network = {
      resolve: (name) => {
        expect(name).toBe(host);
        return Promise.resolve(answers[calls++]!);
      },
      routes: (name) => (name === host ? { address: PUBLIC_ADDRESS, port } : null),
      allowPrivate: false,
    };
    const url = `http://${host}:${port}/rebinding`;
    const before = connections;
    await postPayload(url, { n: 1 }, null, network);
    for (let i = 0; i < 3; i++)
      expect((await failure(postPayload(url, { n: 2 + i }, null, network))).message).toBe(INTERNAL);
    await postPayload(url, { n: 5 }, null, network);
    expect(calls).toBe(5);
    expect(forPath('/rebinding').map((h) => JSON.parse(h.body) as unknown)).toEqual([{ n: 1 }, { n: 5 }]);
    expect(connections - before).toBe(2);
  });

  it('a destination whose name turns to 127.0.0.1 after it was added is never reached again', async () => {
    const { team, leader, ref, fields } = await teamWithDraft('2025-10');
    const name = `rebind-${team.slug}`;
    const { id } = await createDestination(leader, team.id, {
      kind: 'SLACK',
      name: 'Rebinding',
      url: hookUrl(name, `/${team.slug}/rebind`),
    });
    await sendDestinationTest(leader, team.id, id);
    expect(forPath(`/${team.slug}/rebind`)).toHaveLength(1);
    route(name, '127.0.0.1');
    const before = connections;
    expect((await failure(sendDestinationTest(leader, team.id, id))).message).toBe(INTERNAL);
    // The queue's attempts are refused the same way.
    await publishReview(leader, ref, '2025-10', fields(1, 'October'), '');
    const delivery = await until(
      () => db.editionDelivery.findFirstOrThrow({ where: { teamId: team.id } }),
      (d) => d.attempts >= 2,
    );
    expect(delivery.lastError).toBe(INTERNAL);
    expect(connections).toBe(before);
    expect(forPath(`/${team.slug}/rebind`)).toHaveLength(1);
  }, 30_000);

  it('does not follow a redirect, and says why', async () => {
    const { team, leader } = await teamWithDraft('2025-11');
    const { id } = await createDestination(leader, team.id, {
      kind: 'WEBHOOK',
      name: 'Moved',
      url: hookUrl(`moved-${team.slug}`, `/${team.slug}/moved`),
    });
    const error = await failure(sendDestinationTest(leader, team.id, id));
    expect(error.message).toMatch(/answered 302: it redirects elsewhere, and redirects are not followed/);
    expect(forPath(`/${team.slug}/moved`)).toHaveLength(1);
    expect(forPath(`/${team.slug}/landing`)).toHaveLength(0);
  });

  it('a connection that fails keeps its cause', async () => {
    const { team, leader } = await teamWithDraft('2025-12');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const host = route(`closed-${team.slug}`, PUBLIC_ADDRESS, closedPort);
    const { id } = await createDestination(leader, team.id, {
      kind: 'WEBHOOK',
      name: 'Closed',
      url: `http://${host}:${closedPort}/x`,
    });
    const error = await failure(sendDestinationTest(leader, team.id, id));
    expect(error.message).toBe(
      `could not reach ${host}:${closedPort}: nothing accepted the connection (ECONNREFUSED).`,
    );
    expect(describeErrorCause(error)).toMatch(/ECONNREFUSED/);
  });

  it('test routes reach only their own receiver port, and unknown names are unknown', async () => {
    const { team, leader } = await teamWithDraft('2026-01');
    const host = route(`port-${team.slug}`, PUBLIC_ADDRESS, port + 1);
    const before = connections;
    const error = await failure(postPayload(`http://${host}:${port}/x`, {}, null));
    expect(error.message).toMatch(/test-only webhook routes, which list no route to it \(ENOTESTROUTE\)/);
    expect(connections).toBe(before);
    await expect(
      createDestination(leader, team.id, { kind: 'WEBHOOK', name: 'Nowhere', url: 'https://nowhere.receiver.test/x' }),
    ).rejects.toMatchObject({ fieldErrors: { url: ['No such host: nowhere.receiver.test.'] } });
  });

  it('ALLOW_PRIVATE_WEBHOOKS=1 lets an all-internal setup post to loopback; unset, the same is refused', async () => {
    const { team, leader } = await teamWithDraft('2026-02');
    const url = `http://127.0.0.1:${port}/${team.slug}/internal`;
    process.env.ALLOW_PRIVATE_WEBHOOKS = '1';
    let id: string;
    try {
      ({ id } = await createDestination(leader, team.id, { kind: 'WEBHOOK', name: 'Internal', url }));
      await sendDestinationTest(leader, team.id, id);
    } finally {
      delete process.env.ALLOW_PRIVATE_WEBHOOKS;
    }
    expect(forPath(`/${team.slug}/internal`)).toHaveLength(1);
    expect((await failure(sendDestinationTest(leader, team.id, id))).message).toBe(INTERNAL);
    await expect(createDestination(leader, team.id, { kind: 'WEBHOOK', name: 'Again', url })).rejects.toMatchObject({
      fieldErrors: { url: [INTERNAL] },
    });
    expect(forPath(`/${team.slug}/internal`)).toHaveLength(1);
  });
});
