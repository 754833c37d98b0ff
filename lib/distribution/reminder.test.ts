import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeTeam, makeUser } from '../../prisma/factories';
import { stopSharedBoss } from '../jobs/queue';
import type { SmtpSettings } from './email';
import { setEmailOptOut } from '../readership/readers';
import { remindNonReaders, setReminderDays, sweepDueReminders } from './reminder';
import { publishReview, startReview } from '../publishing/reviews';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../scripts/testing/smtp';

let server: TestSmtp;
let smtp: SmtpSettings;
let received: ReceivedMail[];

beforeAll(async () => {
  server = await startTestSmtp();
  received = server.messages;
  smtp = { host: server.host, port: server.port, secure: false, from: 'r@example.test' };
});

afterAll(async () => {
  await stopSharedBoss();
  await server.close();
});

const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@example.test`;

async function published(reminderDays: number | null) {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id, email: unique('leader') });
  await setReminderDays(leader, team.id, reminderDays);
  const ref = { id: team.id, name: team.name, slug: team.slug };
  await startReview(leader, ref, '2025-04');
  const fields = {
    version: 1,
    title: `April ${team.slug}`,
    highlights: 'Quiet month.',
    asks: '',
    distribution: '',
    featured: [],
  };
  await publishReview(leader, ref, '2025-04', fields, '');
  const review = await db.review.findFirstOrThrow({ where: { teamId: team.id } });
  return { team, leader, review };
}

describe('the gentle reminder', () => {
  it('goes once, N days on, only to non-readers who did not opt out', async () => {
    const reader = await makeUser(db, { role: 'AGENT', email: unique('reader') });
    const nonReader = await makeUser(db, { role: 'COLLEAGUE', email: unique('busy') });
    const optedOut = await makeUser(db, { role: 'EXEC', email: unique('optout') });
    const { team, leader, review } = await published(3);
    await setEmailOptOut(optedOut, team.slug, true);
    for (const user of [reader, leader])
      await db.reviewView.create({ data: { teamId: team.id, reviewId: review.id, userId: user.id } });

    // The job waits three days after the publish.
    const [job] = await db.$queryRaw<{ start_after: Date; singleton_key: string }[]>`
      SELECT start_after, singleton_key FROM pgboss.job WHERE name = 'edition-reminder' AND singleton_key = ${review.id}`;
    expect(job).toBeDefined();
    const days = (job!.start_after.getTime() - review.publishedAt!.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(3, 3);

    // Two workers at once, then a late retry: one reminder in all.
    const results = await Promise.all([remindNonReaders(review.id, { smtp }), remindNonReaders(review.id, { smtp })]);
    expect(results.filter(Boolean)).toEqual([{ sent: 1 }]);
    expect(await remindNonReaders(review.id, { smtp })).toBeNull();

    const mine = received.filter((m) => m.raw.includes(`April ${team.slug}`));
    expect(mine.map((m) => m.to)).toEqual([[nonReader.email.toLowerCase()]]);
    expect(mine[0]!.raw).toMatch(/^Subject: (=\?UTF-8\?Q\?)?Reminder(:|=3A)/m);
    expect(mine[0]!.raw).toMatch(/^List-Unsubscribe:\s+<http/m);
  });

  it('a lost job is made up by the sweep once its time comes, and not days too late', async () => {
    const { review, team } = await published(3);
    const publishedAt = review.publishedAt!.getTime();
    const day = 86_400_000;
    // Before its time: nothing.
    expect(await sweepDueReminders(new Date(publishedAt + 2 * day), { smtp })).toBe(0);
    // An hour after its time: sent, once, however often the sweep runs.
    expect(await sweepDueReminders(new Date(publishedAt + 3 * day + 3_600_000), { smtp })).toBe(1);
    expect(await sweepDueReminders(new Date(publishedAt + 3 * day + 7_200_000), { smtp })).toBe(0);
    expect(received.filter((m) => m.raw.includes(`April ${team.slug}`)).length).toBeGreaterThan(0);

    // Three days past its time, the news is old: skipped.
    const late = await published(3);
    expect(await sweepDueReminders(new Date(late.review.publishedAt!.getTime() + 6 * day), { smtp })).toBe(0);
    expect(received.filter((m) => m.raw.includes(`April ${late.team.slug}`))).toEqual([]);
  });

  it('is not sent when the team has reminders off', async () => {
    await makeUser(db, { role: 'AGENT', email: unique('nobody') });
    const { review, team } = await published(null);
    expect(await remindNonReaders(review.id, { smtp })).toBeNull();
    expect(received.filter((m) => m.raw.includes(`April ${team.slug}`))).toEqual([]);
    const jobs = await db.$queryRaw<unknown[]>`
      SELECT 1 FROM pgboss.job WHERE name = 'edition-reminder' AND singleton_key = ${review.id}`.catch(() => []);
    expect(jobs).toEqual([]);
  });
});
