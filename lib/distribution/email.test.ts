import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeQuote, makeTeam, makeUser } from '../../prisma/factories';
import { ConflictError, ForbiddenError } from '../errors';
import { setEmailOptOut } from '../readership/readers';
import { deliverDueEmails, listReviewEmails, retryReviewEmail, sendTestEmail, type SmtpSettings } from './email';
import { unsubscribeByToken } from './unsubscribe';
import { publishReview, startReview } from '../publishing/reviews';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../scripts/testing/smtp';
import { stopSharedBoss } from '../jobs/queue';

let server: TestSmtp;
let smtp: SmtpSettings;
let received: ReceivedMail[];

beforeAll(async () => {
  server = await startTestSmtp();
  received = server.messages;
  smtp = { host: server.host, port: server.port, secure: false, from: 'Service Review <review@example.test>' };
});

afterAll(async () => {
  // Publishing hands each email to the job queue: this file's client of it.
  await stopSharedBoss();
  await server.close();
});

/** The raw message with quoted-printable soft breaks undone, so phrases can be searched. */
const decoded = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

async function publishedEdition(distribution = '') {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const quote = await makeQuote(db, {
    teamId: team.id,
    submitterId: leader.id,
    status: 'APPROVED',
    receivedOn: new Date('2025-03-04'),
    attribution: 'ANONYMOUS',
    customerName: 'Ophelia Whistleblower',
    customerOrganisation: 'Confidential Widgets',
    text: 'You fixed it before I had finished explaining.',
  });
  const ref = { id: team.id, name: team.name, slug: team.slug };
  await startReview(leader, ref, '2025-03');
  const result = await publishReview(
    leader,
    ref,
    '2025-03',
    {
      version: 1,
      title: `March story ${team.slug}`,
      highlights: 'Calls **rose**.',
      asks: '',
      distribution,
      featured: [quote.id],
    },
    '',
  );
  return { team, leader, ref, emailId: result.emailId! };
}

const forTeam = (slug: string) => received.filter((m) => m.raw.includes(`March story ${slug}`));

describe('edition emails', () => {
  it('sends exactly once per publish, after it commits, to the distribution list minus opt-outs', async () => {
    const optedOut = await makeUser(db, {
      role: 'COLLEAGUE',
      email: `out-${Math.random().toString(36).slice(2, 8)}@example.test`,
    });
    const { team, emailId } = await publishedEdition(`finance@example.test\n${optedOut.email}`);
    await setEmailOptOut(optedOut, team.slug, true);
    // Two workers at once, then another run: one message in all.
    await Promise.all([
      deliverDueEmails({ smtp, baseUrl: 'https://review.example.com' }),
      deliverDueEmails({ smtp, baseUrl: 'https://review.example.com' }),
    ]);
    await deliverDueEmails({ smtp, baseUrl: 'https://review.example.com' });
    const messages = forTeam(team.slug);
    expect(messages).toHaveLength(1);
    // Each recipient gets their own message, addressed to them alone.
    expect(messages[0]!.to).toEqual(['finance@example.test']);
    expect(messages[0]!.raw).toMatch(/^To: finance@example\.test\r?$/m);
    const body = decoded(messages[0]!.raw);
    expect(body).toContain(`https://review.example.com/reviews/${team.slug}/2025-03`);
    expect(body).toContain('You fixed it before I had finished explaining.');
    expect(body).toContain('<strong>rose</strong>');
    // The anonymous customer is never named, in any part or header.
    expect(body).not.toMatch(/Ophelia|Whistleblower|Confidential Widgets/);
    expect(await db.reviewEmail.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({
      status: 'SENT',
      attempts: 1,
      recipients: 1,
    });
  });

  it('the edition just published goes first, ahead of older emails waiting, and each is still sent once', async () => {
    const older = await publishedEdition('older@example.test');
    const newer = await publishedEdition('newer@example.test');
    const results = await deliverDueEmails({ smtp, first: newer.emailId });
    expect(results[0]).toMatchObject({ id: newer.emailId, status: 'SENT' });
    expect(results.map((r) => r.id)).toContain(older.emailId);
    // Asking for it again finds it sent: nothing twice.
    await deliverDueEmails({ smtp, first: newer.emailId });
    expect(forTeam(newer.team.slug)).toHaveLength(1);
    expect(forTeam(older.team.slug)).toHaveLength(1);
  });

  it('a failure is recorded with its reason and retried later, still sending once', async () => {
    const { team, leader, emailId } = await publishedEdition('ops@example.test');
    server.failNext(1);
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
    expect(await db.reviewEmail.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({
      status: 'SENT',
      attempts: 2,
      lastError: null,
    });
    // A sent email cannot be retried by hand, and another team's leader cannot try.
    await expect(retryReviewEmail(leader, emailId, { smtp })).rejects.toThrow('This email was sent already');
    await expect(
      retryReviewEmail(await makeUser(db, { role: 'LEADER', teamId: (await makeTeam(db)).id }), emailId, { smtp }),
    ).rejects.toBeInstanceOf(ForbiddenError);
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

describe('edition emails whose sender stopped', () => {
  /** An email whose sender recorded `sent` of `list` and then stopped, its row left SENDING. */
  async function strandedEmail(list: string[], sent: number, leaseUntil: Date | null) {
    const edition = await publishedEdition(list.join('\n'));
    const { emailId } = edition;
    await db.reviewEmailRecipient.createMany({
      data: list.map((address, i) => ({ emailId, address, sentAt: i < sent ? new Date() : null })),
    });
    await db.reviewEmail.update({ where: { id: emailId }, data: { status: 'SENDING', attempts: 1, leaseUntil } });
    const { reviewId } = await db.reviewEmail.findUniqueOrThrow({ where: { id: emailId } });
    return { ...edition, reviewId };
  }

  it('a row whose lease ran out is claimed again and resumes with those not yet sent; the leader sees progress', async () => {
    const list = Array.from({ length: 6 }, (_, i) => `stall${i}@stall.example.test`);
    const { team, leader, emailId, reviewId } = await strandedEmail(list, 2, new Date(Date.now() + 60_000));
    // Its sender's lease still runs: nobody takes the row, neither a worker nor the leader.
    expect((await deliverDueEmails({ smtp })).map((r) => r.id)).not.toContain(emailId);
    await expect(retryReviewEmail(leader, emailId, { smtp })).rejects.toBeInstanceOf(ConflictError);
    expect((await listReviewEmails(leader, team.id, reviewId))[0]).toMatchObject({
      status: 'SENDING',
      progress: { sent: 2, of: 6 },
      stalled: false,
    });
    // The lease ran out (the sender is gone): shown as stalled, and the worker resumes it.
    await db.reviewEmail.update({ where: { id: emailId }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect((await listReviewEmails(leader, team.id, reviewId))[0]).toMatchObject({ stalled: true });
    const results = await deliverDueEmails({ smtp });
    expect(results.find((r) => r.id === emailId)).toMatchObject({ status: 'SENT' });
    expect(
      forTeam(team.slug)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual(list.slice(2));
    expect(await db.reviewEmail.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({
      status: 'SENT',
      recipients: 6,
      leaseUntil: null,
    });
    expect((await listReviewEmails(leader, team.id, reviewId))[0]).toMatchObject({ progress: { sent: 6, of: 6 } });
  });

  it('a leader resumes a stalled email by hand, also one stranded before leases existed', async () => {
    const list = Array.from({ length: 4 }, (_, i) => `hand${i}@stall.example.test`);
    const { team, leader, emailId } = await strandedEmail(list, 1, null);
    // Given up by the worker (five attempts): only the leader's hand sends it now.
    await db.reviewEmail.update({ where: { id: emailId }, data: { attempts: 5 } });
    expect((await deliverDueEmails({ smtp })).map((r) => r.id)).not.toContain(emailId);
    const retried = await retryReviewEmail(leader, emailId, { smtp });
    expect(retried.status).toBe('SENT');
    expect(
      forTeam(team.slug)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual(list.slice(1));
    expect(await db.auditEvent.count({ where: { action: 'review.email.retry', entityId: emailId } })).toBe(1);
  });
});

/** The header block of a raw message, unfolded. */
const headersOf = (raw: string) => raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
/** A header's value with RFC 2047 encoded words (how "—" travels) decoded. */
const header = (raw: string, name: string) => {
  const value = new RegExp(`^${name}: (.*)$`, 'mi').exec(headersOf(raw))?.[1]?.trim() ?? null;
  return (
    value?.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    ) ?? null
  );
};

describe('edition emails done right', () => {
  it('says team and month once in the subject, carries RFC 8058 one-click unsubscribe, and an opt-out line in the text part', async () => {
    const { team } = await publishedEdition('list-a@example.test');
    await deliverDueEmails({ smtp, baseUrl: 'https://review.example.com' });
    const [message] = forTeam(team.slug);
    const raw = message!.raw;
    expect(header(raw, 'Subject')).toBe(`${team.name} — March 2025 review`);
    expect(header(raw, 'To')).toBe('list-a@example.test');
    const unsubscribe = header(raw, 'List-Unsubscribe')!;
    expect(unsubscribe).toMatch(/^<https:\/\/review\.example\.com\/api\/unsubscribe\/[\w-]+\.[\w-]+>$/);
    expect(header(raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const text = decoded(raw);
    expect(text).toMatch(
      /To stop .*editions by email \(one click, no sign-in\): https:\/\/review\.example\.com\/unsubscribe\/[\w-]+\.[\w-]+/,
    );
    // A tampered token is refused; the genuine one stops the next edition's email to that address.
    const token = unsubscribe.slice(unsubscribe.lastIndexOf('/') + 1, -1);
    await expect(unsubscribeByToken(`${token.slice(0, -2)}xx`)).rejects.toThrow('not valid');
    await unsubscribeByToken(token);
    await unsubscribeByToken(token);
    expect(await db.reviewEmailAddressOptOut.count({ where: { teamId: team.id, email: 'list-a@example.test' } })).toBe(
      1,
    );
    expect(await db.auditEvent.count({ where: { action: 'review.email.unsubscribe', entityId: team.id } })).toBe(1);
  });

  it('an unsubscribed distribution-list address gets no next edition; the others still do', async () => {
    const { team, leader, ref } = await publishedEdition('stay@example.test\ngo@example.test');
    await deliverDueEmails({ smtp, baseUrl: 'https://review.example.com' });
    const toGo = forTeam(team.slug).find((m) => m.to.includes('go@example.test'))!;
    const link = header(toGo.raw, 'List-Unsubscribe')!;
    await unsubscribeByToken(link.slice(link.lastIndexOf('/') + 1, -1));
    await startReview(leader, ref, '2025-04');
    await publishReview(
      leader,
      ref,
      '2025-04',
      {
        version: 1,
        title: `April story ${team.slug}`,
        highlights: 'Quiet month.',
        asks: '',
        distribution: 'stay@example.test\ngo@example.test',
        featured: [],
      },
      '',
    );
    await deliverDueEmails({ smtp, baseUrl: 'https://review.example.com' });
    const april = received.filter((m) => m.raw.includes(`April story ${team.slug}`));
    expect(april.map((m) => m.to).flat()).toEqual(['stay@example.test']);
  });

  it('sends a large list in batches, one message each, and a retry after a failure sends only to those still waiting', async () => {
    const list = Array.from({ length: 120 }, (_, i) => `person${String(i).padStart(3, '0')}@bulk.example.test`);
    const { team, emailId } = await publishedEdition(list.join('\n'));
    server.failNext(3);
    const [first] = await deliverDueEmails({ smtp });
    expect(first!.status).toBe('FAILED');
    expect((await db.reviewEmail.findUniqueOrThrow({ where: { id: emailId } })).lastError).toMatch(
      /^sent to \d+ of 120/,
    );
    await deliverDueEmails({ smtp, now: new Date(Date.now() + 2 * 60_000) });
    const to = forTeam(team.slug).flatMap((m) => m.to);
    expect(to).toHaveLength(120);
    expect(new Set(to).size).toBe(120);
    expect(await db.reviewEmail.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({
      status: 'SENT',
      recipients: 120,
    });
  });

  it('applies the page’s Markdown rule: no remote images, only http(s) and mailto links, no protocol-relative ones', async () => {
    const team = await makeTeam(db);
    await makeCatalog(db, team.id);
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const ref = { id: team.id, name: team.name, slug: team.slug };
    await startReview(leader, ref, '2025-03');
    const highlights = `Policy ${team.slug}. ![tracker](https://evil.example/pixel.png) [ok](https://intranet.example/a) [mail](mailto:care@example.test) [sneaky](//evil.example/x) [script](javascript:alert(1)) [inside](/trends)`;
    await publishReview(
      leader,
      ref,
      '2025-03',
      { version: 1, title: 'Policy', highlights, asks: '', distribution: 'policy@example.test', featured: [] },
      '',
    );
    await deliverDueEmails({ smtp, baseUrl: 'https://review.example.com' });
    const body = decoded(received.find((m) => m.raw.includes(`Policy ${team.slug}`))!.raw);
    expect(body).not.toContain('evil.example');
    expect(body).not.toContain('<img');
    expect(body).not.toContain('javascript:');
    expect(body).toContain('href="https://intranet.example/a"');
    expect(body).toContain('href="mailto:care@example.test"');
    expect(body).toContain('href="https://review.example.com/trends"');
    expect(body).toContain('tracker');
  });

  it('sends a test of the draft to the leader alone, marked as a test, and records nothing as sent', async () => {
    const team = await makeTeam(db);
    await makeCatalog(db, team.id);
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const ref = { id: team.id, name: team.name, slug: team.slug };
    await startReview(leader, ref, '2025-03');
    const { to } = await sendTestEmail(leader, ref, '2025-03', { smtp, baseUrl: 'https://review.example.com' });
    expect(to).toBe(leader.email);
    const mine = received.filter((m) => m.to.includes(leader.email.toLowerCase()) || m.to.includes(leader.email));
    expect(mine).toHaveLength(1);
    expect(decoded(mine[0]!.raw)).toContain('[Test]');
    expect(await db.reviewEmail.count({ where: { teamId: team.id } })).toBe(0);
    await expect(
      sendTestEmail(await makeUser(db, { role: 'AGENT', teamId: team.id }), ref, '2025-03', { smtp }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
