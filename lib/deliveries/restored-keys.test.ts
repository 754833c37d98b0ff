// Keys travel with backups: a database whose destinations were saved under another AUTH_SECRET
// (restored or moved without its key) is named at start-up, and each delivery to such a
// destination fails once with a sentence that says what to do, instead of five retries of GCM's
// "Unsupported state or unable to authenticate data".
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeQuote, makeTeam, makeUser } from '../../prisma/factories';
import { startBoss, type Boss } from '../jobs/queue';
import { workQueues } from '../workers';
import { publishReview, startReview } from '../publishing/reviews';
import { backupDatabase } from '../../scripts/backup.ts';
import { createDatabase, dropDatabase } from '../../scripts/embedded-postgres.ts';
import {
  backupKeyAdvice,
  describeUnreadableDestinations,
  findUnreadableDestinations,
} from '../../scripts/key-check.ts';
import { restoreDatabase } from '../../scripts/restore.ts';
import { createDestination, sendDestinationTest } from './destinations';
import { sealSecret } from './secret-box';
import { pollUntil } from '../../scripts/testing/poll';

const OTHER_SECRET = 'the-other-installation-secret-0123456789';
const PLAIN = /saved under another AUTH_SECRET .* Start the app with that AUTH_SECRET .* or remove the destination/;
const hits: string[] = [];
let server: Server;
let base: string;
let boss: Boss;
const dir = mkdtempSync(path.join(os.tmpdir(), 'restored-keys-'));
const adminUrl = inject('pgAdminUrl');
const restoredName = `restored_keys_${process.pid}`;

beforeAll(async () => {
  process.env.ALLOW_PRIVATE_WEBHOOKS = '1';
  process.env.DELIVERY_RETRY_SECONDS = '1';
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push(req.url ?? '');
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  boss = await startBoss(process.env.DATABASE_URL);
  await workQueues(boss, { pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true, timeout: 2000 });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await dropDatabase(adminUrl, restoredName);
  rmSync(dir, { recursive: true, force: true });
  delete process.env.ALLOW_PRIVATE_WEBHOOKS;
});

const until = <T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 30_000) => pollUntil(read, ok, ms);

/** A team with a draft edition, a destination saved here and one saved under another AUTH_SECRET. */
async function teamWithMovedDestination() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const quote = await makeQuote(db, {
    teamId: team.id,
    submitterId: leader.id,
    status: 'APPROVED',
    receivedOn: new Date('2025-05-04'),
  });
  const here = await createDestination(leader, team.id, {
    kind: 'SLACK',
    name: 'Here',
    url: `${base}/${team.slug}/here`,
  });
  const moved = await createDestination(leader, team.id, {
    kind: 'WEBHOOK',
    name: 'Moved',
    url: `${base}/${team.slug}/moved`,
  });
  // As a database restored from another installation holds it: sealed under that one's key.
  await db.deliveryDestination.update({
    where: { id: moved.id },
    data: {
      urlEncrypted: sealSecret(OTHER_SECRET, `${base}/${team.slug}/moved`),
      secretEncrypted: sealSecret(OTHER_SECRET, moved.secret!),
    },
  });
  return { team, leader, quote, here, moved };
}

describe('destinations saved under another AUTH_SECRET', () => {
  it('a restored database names them at start-up, with what to do, and only under the wrong key', async () => {
    const { team } = await teamWithMovedDestination();
    const file = path.join(dir, 'keys.backup.gz');
    await backupDatabase(process.env.DATABASE_URL!, file);
    await createDatabase(adminUrl, restoredName);
    const url = new URL(adminUrl);
    url.pathname = `/${restoredName}`;
    await restoreDatabase(url.toString(), file);

    const found = await findUnreadableDestinations(url.toString(), process.env.AUTH_SECRET!);
    expect(found).toEqual([{ team: team.slug, name: 'Moved', kind: 'WEBHOOK' }]);
    const lines = describeUnreadableDestinations(found).join('\n');
    expect(lines).toContain(`team ${team.slug}: “Moved” (webhook)`);
    expect(lines).toMatch(/cannot be read with this AUTH_SECRET/);
    expect(lines).toMatch(/start\s+with the AUTH_SECRET \(or the DATA_DIR\/auth-secret file\)/);
    expect(lines).toMatch(/unsubscribe links/);
    // Under the key it was saved with, that one opens and the other does not.
    expect(await findUnreadableDestinations(url.toString(), OTHER_SECRET)).toEqual([
      { team: team.slug, name: 'Here', kind: 'SLACK' },
    ]);
    expect(describeUnreadableDestinations([])).toEqual([]);
  }, 120_000);

  it('a delivery there fails once with the plain sentence and is not retried; Send test says the same', async () => {
    const { team, leader, quote, moved } = await teamWithMovedDestination();
    const ref = { id: team.id, name: team.name, slug: team.slug };
    await startReview(leader, ref, '2025-05');
    await publishReview(
      leader,
      ref,
      '2025-05',
      {
        version: 1,
        title: 'May',
        highlights: 'Calls rose.',
        asks: '',
        distribution: 'nobody@example.test',
        featured: [quote.id],
      },
      '',
    );
    const rows = await until(
      () => db.editionDelivery.findMany({ where: { teamId: team.id }, include: { destination: true } }),
      (r) => r.length === 2 && r.every((d) => d.status === 'SENT' || d.status === 'FAILED'),
    );
    const failed = rows.find((r) => r.destinationId === moved.id)!;
    expect(rows.find((r) => r.destinationId !== moved.id)!.status).toBe('SENT');
    expect(failed.status).toBe('FAILED');
    expect(failed.lastError).toMatch(PLAIN);
    expect(failed.lastError).not.toMatch(/authenticate data/);
    // Its job ended as done, not as one to retry; the row was tried once and nothing was posted.
    const [job] = await until(
      () =>
        db.$queryRaw<{ state: string; retry_count: number }[]>`
          SELECT state::text, retry_count FROM pgboss.job WHERE name = 'edition-delivery' AND singleton_key = ${failed.id}`,
      (jobs) => jobs.length === 1 && jobs[0]!.state === 'completed',
    );
    expect(job!.retry_count).toBe(0);
    expect((await db.editionDelivery.findUniqueOrThrow({ where: { id: failed.id } })).attempts).toBe(1);
    expect(hits.filter((h) => h === `/${team.slug}/moved`)).toEqual([]);
    expect(hits.filter((h) => h === `/${team.slug}/here`)).toHaveLength(1);

    await expect(sendDestinationTest(leader, team.id, moved.id)).rejects.toThrow(PLAIN);
  }, 60_000);

  it('db:backup says to keep the key with the backup, and warns when AUTH_SECRET is not set', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const run = async (env: NodeJS.ProcessEnv) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', path.join(dir, 'cli.gz')], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const [code] = (await once(child, 'exit')) as [number | null];
      return { code, output };
    };
    const explicit = await run({ ...process.env });
    expect(explicit.code, explicit.output).toBe(0);
    expect(explicit.output).toMatch(/Keep AUTH_SECRET with your backups, stored apart from them/);
    expect(explicit.output).not.toMatch(/Warning/);

    // The embedded default with no AUTH_SECRET: its key is a file in DATA_DIR, which no backup holds.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'keys-data-'));
    chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user
    const bare: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete bare.DATABASE_URL;
    delete bare.AUTH_SECRET;
    const embedded = await run(bare);
    rmSync(dataDir, { recursive: true, force: true });
    expect(embedded.output).toContain(`Warning: AUTH_SECRET is not set, so this installation's key is the file`);
    expect(embedded.output).toContain('auth-secret, made on its first start. Copy it with your backups');
    expect(backupKeyAdvice(false, '/srv/sr').keep).toMatch(/^Keep \/srv\/sr\/auth-secret with your backups/);
  }, 120_000);
});
