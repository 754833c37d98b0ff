import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeQuote, makeTeam, makeUser } from '../../prisma/factories';
import { ForbiddenError } from '../errors';
import { setEmailOptOut } from './readers';
import { deliverDueEmails, retryReviewEmail, type SmtpSettings } from './email';
import { publishReview, startReview } from './reviews';

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let failNext = 0;
let server: SMTPServer;
let smtp: SmtpSettings;

beforeAll(async () => {
  // A real SMTP server in the test process: nodemailer speaks real SMTP to it.
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failNext > 0) {
          failNext--;
          const error = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 });
          return callback(error);
        }
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtp = { host: '127.0.0.1', port: (server.server.address() as AddressInfo).port, secure: false, from: 'Service Review <review@example.test>' };
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The raw message with quoted-printable soft breaks undone, so phrases can be searched. */
const decoded = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

async function publishedEdition(distribution = '') {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const quote = await makeQuote(db, { teamId: team.id, submitterId: leader.id, status: 'APPROVED', receivedOn: new Date('2025-03-04'), attribution: 'ANONYMOUS', customerName: 'Ophelia Whistleblower', customerOrganisation: 'Confidential Widgets', text: 'You fixed it before I had finished explaining.' });
  const ref = { id: team.id, name: team.name, slug: team.slug };
  await startReview(leader, ref, '2025-03');
  const result = await publishReview(leader, ref, '2025-03', { version: 1, title: `March story ${team.slug}`, highlights: 'Calls **rose**.', asks: '', distribution, featured: [quote.id] }, '');
  return { team, leader, ref, emailId: result.emailId! };
}

const forTeam = (slug: string) => received.filter((m) => m.raw.includes(`March story ${slug}`));

describe('edition emails', () => {
  it('sends exactly once per publish, after it commits, to the distribution list minus opt-outs', async () => {
    const optedOut = await makeUser(db, { role: 'COLLEAGUE', email: `out-${Math.random().toString(36).slice(2, 8)}@example.test` });
    const { team, emailId } = await publishedEdition(`finance@example.test\n${optedOut.email}`);
    await setEmailOptOut(optedOut, team.slug, true);
    // Two workers at once, then another run: one message in all.
    await Promise.all([deliverDueEmails({ smtp, baseUrl: 'https://review.example.com' }), deliverDueEmails({ smtp, baseUrl: 'https://review.example.com' })]);
    await deliverDueEmails({ smtp, baseUrl: 'https://review.example.com' });
    const messages = forTeam(team.slug);
    expect(messages).toHaveLength(1);
    // Recipients ride in Bcc; the visible To is the sender itself.
    expect(messages[0]!.to.sort()).toEqual(['finance@example.test', 'review@example.test']);
    expect(messages[0]!.raw).not.toContain('finance@example.test');
    const body = decoded(messages[0]!.raw);
    expect(body).toContain(`https://review.example.com/reviews/${team.slug}/2025-03`);
    expect(body).toContain('You fixed it before I had finished explaining.');
    expect(body).toContain('<strong>rose</strong>');
    // The anonymous customer is never named, in any part or header.
    expect(body).not.toMatch(/Ophelia|Whistleblower|Confidential Widgets/);
    expect(await db.reviewEmail.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: 'SENT', attempts: 1, recipients: 1 });
  });

  it('a failure is recorded with its reason and retried later, still sending once', async () => {
    const { team, leader, emailId } = await publishedEdition('ops@example.test');
    failNext = 1;
    const [first] = await deliverDueEmails({ smtp });
    expect(first).toMatchObject({ id: emailId, status: 'FAILED' });
    const failed = await db.reviewEmail.findUniqueOrThrow({ where: { id: emailId } });
    expect(failed.lastError).toContain('Mailbox busy');
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing happens.
    await deliverDueEmails({ smtp });
    expect(forTeam(team.slug)).toHaveLength(0);
    // Due later: sent once.
    await deliverDueEmails({ smtp, now: new Date(Date.now() + 2 * 60_000) });
    await deliverDueEmails({ smtp, now: new Date(Date.now() + 60 * 60_000) });
    expect(forTeam(team.slug)).toHaveLength(1);
    expect(await db.reviewEmail.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
    // A sent email cannot be retried by hand, and another team's leader cannot try.
    await expect(retryReviewEmail(leader, emailId, { smtp })).rejects.toThrow('Only a failed email');
    await expect(retryReviewEmail(await makeUser(db, { role: 'LEADER', teamId: (await makeTeam(db)).id }), emailId, { smtp })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('with SMTP off, publishing works and nothing is sent; a leader retries a failed email by hand', async () => {
    const { team, leader, emailId } = await publishedEdition('people@example.test');
    expect(await deliverDueEmails({ smtp: null })).toEqual([]);
    expect((await db.reviewEmail.findUniqueOrThrow({ where: { id: emailId } })).status).toBe('PENDING');
    const down = { ...smtp, port: 1 };
    await deliverDueEmails({ smtp: down });
    expect((await db.reviewEmail.findUniqueOrThrow({ where: { id: emailId } })).status).toBe('FAILED');
    const retried = await retryReviewEmail(leader, emailId, { smtp });
    expect(retried.status).toBe('SENT');
    expect(forTeam(team.slug)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: 'review.email.retry', entityId: emailId } })).toBe(1);
  });
});
