import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeQuote, makeTeam, makeUser } from '../../prisma/factories';
import { startBoss, stopSharedBoss, type Boss } from '../jobs/queue';
import { workQueues } from '../jobs/workers';
import { publishReview, saveReview, startReview } from '../reviews/reviews';
import { publishDueReviews, scheduleInstant, scheduleReview, unscheduleReview } from '../reviews/schedule';
import { createDestination, listDestinations, sendDestinationTest } from './destinations';
import { runDelivery } from './deliveries';
import { signBody } from './messages';

// Real HTTP receivers standing in for Slack, Teams and a customer's webhook endpoint.
type Hit = { path: string; status: number; body: string; headers: IncomingMessage['headers'] };
const hits: Hit[] = [];
const failNext = new Map<string, number>();
let server: Server;
let base: string;
const bosses: Boss[] = [];

beforeAll(async () => {
  process.env.ALLOW_PRIVATE_WEBHOOKS = '1';
  process.env.DELIVERY_RETRY_SECONDS = '1';
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const fail = failNext.get(path) ?? 0;
      const status = fail > 0 ? 500 : 200;
      if (fail > 0) failNext.set(path, fail - 1);
      hits.push({ path, status, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'busy');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
  delete process.env.ALLOW_PRIVATE_WEBHOOKS;
});

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

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

const forPath = (path: string) => hits.filter((h) => h.path === path);

describe('deliveries beyond email', () => {
  it('announces a publish once to Slack, Teams and a signed webhook, retrying after a 500', async () => {
    const { team, leader, ref, fields } = await teamWithDraft('2025-05');
    const p = `/${team.slug}`;
    await createDestination(leader, team.id, { kind: 'SLACK', name: 'Slack #support', url: `${base}${p}/slack` });
    await createDestination(leader, team.id, { kind: 'TEAMS', name: 'Teams', url: `${base}${p}/teams` });
    const { secret } = await createDestination(leader, team.id, {
      kind: 'WEBHOOK',
      name: 'Intranet',
      url: `${base}${p}/hook`,
    });
    expect(secret).toMatch(/^whsec_/);
    // Stored encrypted: neither the URL nor the secret appears in the row.
    const stored = await db.deliveryDestination.findMany({ where: { teamId: team.id } });
    expect(JSON.stringify(stored)).not.toContain(base);
    expect(JSON.stringify(stored)).not.toContain(secret!);
    failNext.set(`${p}/hook`, 1);

    await publishReview(leader, ref, '2025-05', fields(1, `May for ${team.slug}`), '');
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
    expect(payload.title).toBe(`May for ${team.slug}`);
    expect(payload.url).toMatch(new RegExp(`/reviews/${team.slug}/2025-05$`));
    expect(payload.headlines).toHaveLength(3);
    expect(payload.headlines[0]!.change).toMatch(/vs last month$/);
    expect(payload.quote.text).toBe('Sorted in one call, thank you.');
    expect(ok.body).not.toContain('Priya Hidden');

    const slack = JSON.parse(forPath(`${p}/slack`)[0]!.body) as { text: string; blocks: unknown[] };
    expect(slack.text).toContain(`May for ${team.slug}`);
    const teams = JSON.parse(forPath(`${p}/teams`)[0]!.body) as {
      attachments: { contentType: string; content: { type: string; actions: { url: string }[] } }[];
    };
    expect(teams.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(teams.attachments[0]!.content.actions[0]!.url).toBe(payload.url);
  }, 60_000);

  it('two workers claiming one delivery send it once', async () => {
    const { team, leader, ref, fields } = await teamWithDraft('2025-06');
    await createDestination(leader, team.id, { kind: 'SLACK', name: 'Slack', url: `${base}/${team.slug}/race` });
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
    await createDestination(leader, team.id, { kind: 'SLACK', name: 'Slack', url: `${base}/${team.slug}/sched` });
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

    delete process.env.ALLOW_PRIVATE_WEBHOOKS;
    try {
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
    } finally {
      process.env.ALLOW_PRIVATE_WEBHOOKS = '1';
    }
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
      url: `${base}/${team.slug}/test`,
    });
    await sendDestinationTest(leader, team.id, id);
    const [hit] = forPath(`/${team.slug}/test`);
    expect(JSON.parse(hit!.body)).toMatchObject({ event: 'edition.test' });
    const ts = String(hit!.headers['x-service-review-timestamp']);
    expect(hit!.headers['x-service-review-signature']).toBe(signBody(secret!, ts, hit!.body));
    failNext.set(`/${team.slug}/test`, 1);
    await expect(sendDestinationTest(leader, team.id, id)).rejects.toThrow(/answered 500/);
  });
});
