// Edition emails survive the process that sends them: a sender killed (kill -9) or stopped
// (SIGTERM) after its first batch is followed by another that sends to the rest, and every address
// gets exactly one message. The sender is a real process running the job workers as the app does
// (scripts/testing/job-worker-process.ts), speaking SMTP to a real server.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeTeam, makeUser } from '../../prisma/factories';
import { enqueueEmail, sharedBoss, stopSharedBoss } from '../jobs/queue';
import { publishReview, startReview } from '../publishing/reviews';
import { startTestSmtp, type TestSmtp } from '../../scripts/testing/smtp';

const root = path.resolve(import.meta.dirname, '../..');
// Batches of 50: the first sent, the second held when the sender dies, two more after it.
const PEOPLE = 160;
let smtp: TestSmtp;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
});

afterAll(async () => {
  for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await stopSharedBoss();
  await smtp.close();
});

type Worker = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startWorker(): Worker {
  // One process, as the app is (the tsx command would run the script in a child of its own).
  const child = spawn(
    process.execPath,
    ['--import', './scripts/testing/no-server-only.mjs', '--import', 'tsx', 'scripts/testing/job-worker-process.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        SMTP_HOST: smtp.host,
        SMTP_PORT: String(smtp.port),
        SMTP_SECURE: 'false',
        MAIL_FROM: 'Service Review <review@example.test>',
        PUBLIC_URL: 'https://review.example.com',
        // A lease of 2 s instead of a minute, so a killed sender's row is free again soon.
        EMAIL_LEASE_SECONDS: '2',
        // And a sweep every 2 s instead of every minute, which is what hands a stalled email on.
        JOB_SWEEP_SECONDS: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  workers.push(child);
  const chunks: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => chunks.join(''), exited };
}

// Generous: a sender process starts in seconds, but in a minute or more on a loaded machine.
async function until(ok: () => boolean | Promise<boolean>, what: string, ms = 150_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function publishedToMany() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const ref = { id: team.id, name: team.name, slug: team.slug };
  await startReview(leader, ref, '2025-05');
  const list = Array.from(
    { length: PEOPLE },
    (_, i) => `p${String(i).padStart(3, '0')}-${team.slug}@crash.example.test`,
  );
  const title = `May story ${team.slug}`;
  const { emailId } = await publishReview(
    leader,
    ref,
    '2025-05',
    { version: 1, title, highlights: 'Calls rose.', asks: '', distribution: list.join('\n'), featured: [] },
    '',
  );
  // What the publish does where SMTP is configured (this test process has none): hand it to the queue.
  await enqueueEmail(await sharedBoss(), emailId!);
  const sent = () => db.reviewEmailRecipient.count({ where: { emailId: emailId!, sentAt: { not: null } } });
  const row = () => db.reviewEmail.findUniqueOrThrow({ where: { id: emailId! } });
  /** Messages the SMTP server accepted for this edition, per address. */
  const perAddress = () => {
    const counts = new Map<string, number>();
    for (const m of smtp.messages.filter((m) => m.raw.includes(title)))
      for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    return counts;
  };
  return { list, sent, row, perAddress };
}

function expectExactlyOnce(list: string[], counts: Map<string, number>) {
  expect([...counts.keys()].sort()).toEqual([...list].sort());
  expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
}

describe('edition emails across a sender that dies', () => {
  it('kill -9 after the first batch: the row is reclaimed when its lease ends and the rest are sent, once each', async () => {
    const { list, sent, row, perAddress } = await publishedToMany();
    // The relay accepts the first batch, then keeps the second waiting: the sender dies mid-batch.
    smtp.holdAfter(50);
    const first = startWorker();
    await until(
      async () => (await sent()) === 50 && smtp.held() > 0,
      'the first batch sent and the second in flight',
    ).catch((error: Error) => {
      throw new Error(`${error.message}; the sender said: ${first.output()}`);
    });
    first.child.kill('SIGKILL');
    await first.exited;
    // What it left: the row SENDING (what the drill found stranded for good), 50 recorded.
    expect(await row()).toMatchObject({ status: 'SENDING' });
    expect(await sent()).toBe(50);
    // The messages in flight were never accepted: their connections went with the process.
    await until(() => smtp.held() === 0, 'the dead sender’s connections to close');
    smtp.release();
    // Another sender (a restart) takes the row over once the lease has run out: its sweep offers it.
    await until(async () => (await row()).leaseUntil!.getTime() < Date.now(), 'the lease to run out');
    await finishWithAnotherSender(list, row, perAddress);
  }, 400_000);

  /** A restarted sender's sweep takes the email on; it ends SENT with each address sent to once. */
  async function finishWithAnotherSender(
    list: string[],
    row: () => Promise<{ status: string }>,
    perAddress: () => Map<string, number>,
  ) {
    const second = startWorker();
    await until(async () => (await row()).status === 'SENT', 'the email to be sent');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(await row()).toMatchObject({ status: 'SENT', recipients: PEOPLE });
    expectExactlyOnce(list, perAddress());
  }

  it('SIGTERM after the first batch: the batch in flight finishes, no more is taken, and a restart sends the rest, once each', async () => {
    const { list, sent, row, perAddress } = await publishedToMany();
    smtp.holdAfter(50);
    const first = startWorker();
    await until(async () => (await sent()) === 50 && smtp.held() > 0, 'the first batch sent and the second in flight');
    first.child.kill('SIGTERM');
    await until(() => first.output().includes('stopping'), 'the sender to take the signal');
    smtp.release();
    expect(await first.exited).toBe(0);
    // It waited for the batch in flight, started no other, and gave the row back, due at once.
    expect(await sent()).toBe(100);
    expect(await row()).toMatchObject({ status: 'PENDING', leaseUntil: null });
    // The next start's sweep offers it.
    await finishWithAnotherSender(list, row, perAddress);
  }, 400_000);
});
