import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeQuote, makeTeam, makeUser } from '../../prisma/factories';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { citeFor } from './attribution';
import {
  approveQuoteSchema,
  rejectQuoteSchema,
  submitQuoteSchema,
  updateQuoteSchema,
  wallFilterSchema,
} from './schemas';
import {
  approveQuote,
  countPendingQuotes,
  listModerationQueue,
  MODERATION_PAGE_SIZE,
  MY_SUBMISSIONS_PAGE_SIZE,
  listMySubmissions,
  listWall,
  rejectQuote,
  submitQuote,
  updateQuote,
  WALL_PAGE_SIZE,
} from './quotes';
import { z } from 'zod';

async function makeTeamWithPeople() {
  const team = await makeTeam(db);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
  const agent2 = await makeUser(db, { role: 'AGENT', teamId: team.id });
  return { team, leader, agent, agent2 };
}

const today = new Date().toISOString().slice(0, 10);

function submission(fields: Record<string, string>) {
  return submitQuoteSchema.parse({
    submissionKey: crypto.randomUUID(),
    text: 'You were wonderful on the phone today.',
    attribution: 'ANONYMOUS',
    channel: 'PHONE',
    receivedOn: today,
    ...fields,
  });
}

describe('submitting quotes', () => {
  it('is idempotent: ten replays of one submission make one quote and one audit event', async () => {
    const { agent } = await makeTeamWithPeople();
    const input = submission({ creditIds: agent.id });
    const sequential = [];
    for (let i = 0; i < 5; i++) sequential.push(await submitQuote(agent, input));
    // A double click arrives as concurrent requests: they race on the unique key.
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => submitQuote(agent, input)));
    const ids = new Set([...sequential, ...concurrent].map((r) => r.id));
    expect(ids.size).toBe(1);
    expect(await db.quote.count({ where: { submitterId: agent.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'quote.submit', entityId: [...ids][0] } })).toBe(1);
    expect(sequential.filter((r) => !r.replayed)).toHaveLength(1);
    // A new form (new key) is a new quote.
    await submitQuote(agent, submission({ creditIds: agent.id }));
    expect(await db.quote.count({ where: { submitterId: agent.id } })).toBe(2);
  });

  it('names a customer only with recorded consent, and stores nothing about an anonymous one', () => {
    const named = submitQuoteSchema.safeParse({
      submissionKey: crypto.randomUUID(),
      text: 'Lovely.',
      attribution: 'NAMED',
      customerName: 'Ada Lovelace',
      channel: 'EMAIL',
      receivedOn: today,
      creditIds: 'u1',
    });
    expect(named.success).toBe(false);
    expect(z.flattenError(named.error!).fieldErrors.consent?.[0]).toMatch(/consent/);

    const anonymous = submission({
      customerName: 'Ada Lovelace',
      customerOrganisation: 'Analytical Engines Ltd',
      consent: 'on',
      creditIds: 'u1',
    });
    expect(anonymous).toMatchObject({ customerName: null, customerOrganisation: null, consent: false });
    const organisation = submission({
      attribution: 'ORGANISATION',
      customerName: 'Ada Lovelace',
      customerOrganisation: 'Analytical Engines Ltd',
      creditIds: 'u1',
    });
    expect(organisation).toMatchObject({ customerName: null, customerOrganisation: 'Analytical Engines Ltd' });
  });

  it('enforces length limits, dates and the credit list on the server', async () => {
    const tooLong = submitQuoteSchema.safeParse({
      submissionKey: crypto.randomUUID(),
      text: 'a'.repeat(2001),
      attribution: 'ANONYMOUS',
      channel: 'PHONE',
      receivedOn: today,
      creditIds: 'u1',
      sourceReference: 'x'.repeat(201),
    });
    expect(z.flattenError(tooLong.error!).fieldErrors.text?.[0]).toMatch(/2,000/);
    expect(z.flattenError(tooLong.error!).fieldErrors.sourceReference?.[0]).toMatch(/200/);
    const future = submitQuoteSchema.safeParse({
      submissionKey: crypto.randomUUID(),
      text: 'Great',
      attribution: 'ANONYMOUS',
      channel: 'PHONE',
      receivedOn: '2999-01-01',
      creditIds: '',
    });
    expect(z.flattenError(future.error!).fieldErrors.receivedOn?.[0]).toMatch(/future/);
    expect(z.flattenError(future.error!).fieldErrors.creditIds?.[0]).toMatch(/at least one/);
    expect(rejectQuoteSchema.safeParse({ quoteId: 'q', reason: 'x'.repeat(501) }).success).toBe(false);
    expect(approveQuoteSchema.safeParse({ quoteId: 'q', pullQuote: 'x'.repeat(301) }).success).toBe(false);

    const { agent } = await makeTeamWithPeople();
    const outsider = await makeUser(db, { role: 'AGENT', teamId: (await makeTeam(db)).id });
    const error = await submitQuote(agent, submission({ creditIds: `${agent.id},${outsider.id}` })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.creditIds).toBeTruthy();
    expect(await db.quote.count({ where: { submitterId: agent.id } })).toBe(0);
  });

  it('is for agents and leaders of a team only', async () => {
    const exec = await makeUser(db, { role: 'EXEC' });
    await expect(submitQuote(exec, submission({ creditIds: exec.id }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.quote.count({ where: { submitterId: exec.id } })).toBe(0);
  });
});

describe('editing a pending quote', () => {
  it('is for its submitter only, and only until it is moderated', async () => {
    const { leader, agent, agent2, team } = await makeTeamWithPeople();
    const quote = await makeQuote(db, { teamId: team.id, submitterId: agent.id, text: 'Original words.' });
    const edit = (quoteId: string) =>
      updateQuoteSchema.parse({
        quoteId,
        text: 'Changed words.',
        attribution: 'ANONYMOUS',
        channel: 'CHAT',
        receivedOn: today,
        creditIds: `${agent.id},${agent2.id}`,
      });

    await expect(updateQuote(agent2, edit(quote.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateQuote(leader, edit(quote.id))).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).text).toBe('Original words.');

    await updateQuote(agent, edit(quote.id));
    const updated = await db.quote.findUniqueOrThrow({ where: { id: quote.id }, include: { credits: true } });
    expect(updated).toMatchObject({ text: 'Changed words.', channel: 'CHAT' });
    expect(updated.credits.map((c) => c.userId).sort()).toEqual([agent.id, agent2.id].sort());
    expect(
      await db.auditEvent.count({ where: { action: 'quote.update', entityId: quote.id, actorId: agent.id } }),
    ).toBe(1);

    await approveQuote(leader, { quoteId: quote.id, pullQuote: null });
    await expect(updateQuote(agent, edit(quote.id))).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('moderation', () => {
  it('is refused to agents and to leaders of another team, and changes nothing', async () => {
    const { team, agent } = await makeTeamWithPeople();
    const other = await makeTeamWithPeople();
    const quote = await makeQuote(db, { teamId: team.id, submitterId: agent.id });
    await expect(approveQuote(agent, { quoteId: quote.id, pullQuote: null })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(rejectQuote(agent, { quoteId: quote.id, reason: 'nope' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveQuote(other.leader, { quoteId: quote.id, pullQuote: null })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(rejectQuote(other.leader, { quoteId: quote.id, reason: 'nope' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe('PENDING');
    expect(await db.auditEvent.count({ where: { entityId: quote.id } })).toBe(0);
    expect((await listModerationQueue(other.leader)).items).not.toContainEqual(
      expect.objectContaining({ id: quote.id }),
    );
  });

  it('approves with a pull-quote only when it is the customer’s own words, never editing the original; audited', async () => {
    const { team, leader, agent } = await makeTeamWithPeople();
    const text = 'I rang expecting a fight. Instead Priya fixed my bill in five minutes and even rang back to check.';
    const quote = await makeQuote(db, { teamId: team.id, submitterId: agent.id, text });
    expect(await countPendingQuotes(leader)).toBe(1);
    expect(await countPendingQuotes(agent)).toBe(0);

    const rewrite = await approveQuote(leader, {
      quoteId: quote.id,
      pullQuote: 'Priya fixed my bill in 5 minutes',
    }).catch((e: unknown) => e);
    expect(rewrite).toBeInstanceOf(ValidationError);
    expect((rewrite as ValidationError).fieldErrors.pullQuote?.[0]).toMatch(/exact words/);
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe('PENDING');

    await approveQuote(leader, { quoteId: quote.id, pullQuote: 'Priya fixed my bill in five minutes' });
    const approved = await db.quote.findUniqueOrThrow({ where: { id: quote.id } });
    expect(approved).toMatchObject({
      status: 'APPROVED',
      pullQuote: 'Priya fixed my bill in five minutes',
      text,
      moderatorId: leader.id,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'quote.approve', entityId: quote.id } });
    expect(audit).toMatchObject({
      actorId: leader.id,
      before: { status: 'PENDING' },
      after: { status: 'APPROVED', pullQuote: 'Priya fixed my bill in five minutes' },
    });
    expect(await countPendingQuotes(leader)).toBe(0);

    // Moderated once: a second leader's click (or a replay) is a conflict, not a silent overwrite.
    await expect(rejectQuote(leader, { quoteId: quote.id, reason: 'Changed my mind' })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('rejects with a reason the submitter sees; audited', async () => {
    const { team, leader, agent } = await makeTeamWithPeople();
    const quote = await makeQuote(db, { teamId: team.id, submitterId: agent.id });
    await rejectQuote(leader, { quoteId: quote.id, reason: 'It names another customer.' });
    const mine = (await listMySubmissions(agent)).items;
    expect(mine.find((q) => q.id === quote.id)).toMatchObject({
      status: 'REJECTED',
      moderationNote: 'It names another customer.',
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'quote.reject', entityId: quote.id } });
    expect(audit).toMatchObject({
      actorId: leader.id,
      after: { status: 'REJECTED', reason: 'It names another customer.' },
    });
  });
});

describe('the quote wall', () => {
  it('never reveals an anonymous customer, whatever was typed, and search cannot find them by name', async () => {
    const { team, leader, agent } = await makeTeamWithPeople();
    const secret = `Zebedee${Date.now()}`;
    const input = submission({
      text: 'Quietly brilliant help with my pension forms.',
      customerName: secret,
      customerOrganisation: `${secret} Holdings`,
      consent: 'on',
      creditIds: agent.id,
    });
    const { id } = await submitQuote(agent, input);
    await approveQuote(leader, { quoteId: id, pullQuote: null });
    expect(await db.quote.findUniqueOrThrow({ where: { id } })).toMatchObject({
      customerName: null,
      customerOrganisation: null,
      consentRecordedAt: null,
    });

    const viewer = await makeUser(db, { role: 'COLLEAGUE' });
    const wall = await listWall(viewer, wallFilterSchema.parse({ team: team.slug }));
    expect(wall.quotes.map((q) => q.id)).toContain(id);
    expect(JSON.stringify(wall)).not.toContain(secret);
    expect(wall.quotes.find((q) => q.id === id)?.cite).toBe('A customer');
    expect((await listWall(viewer, wallFilterSchema.parse({ q: secret }))).quotes).toEqual([]);
    expect((await listWall(viewer, wallFilterSchema.parse({ q: 'pension' }))).quotes.map((q) => q.id)).toContain(id);

    // Even a row that somehow holds a name shows none while it is anonymous.
    expect(citeFor({ attribution: 'ANONYMOUS', customerName: secret, customerOrganisation: 'Acme' })).toBe(
      'A customer',
    );
    expect(citeFor({ attribution: 'ORGANISATION', customerName: secret, customerOrganisation: 'Acme' })).toBe(
      'A customer at Acme',
    );
    expect(citeFor({ attribution: 'NAMED', customerName: 'Ada', customerOrganisation: 'Acme' })).toBe('Ada, Acme');
  });

  it('shows only approved quotes, newest first, paging by keyset both ways', async () => {
    const { team, leader, agent } = await makeTeamWithPeople();
    const viewer = await makeUser(db, { role: 'EXEC' });
    const total = WALL_PAGE_SIZE * 2 + 5;
    for (let i = 0; i < total; i++) {
      await makeQuote(db, {
        teamId: team.id,
        submitterId: agent.id,
        status: 'APPROVED',
        moderatorId: leader.id,
        receivedOn: new Date(Date.UTC(2025, 0, 1 + (i % 30))),
      });
    }
    await makeQuote(db, { teamId: team.id, submitterId: agent.id, status: 'PENDING' });
    await makeQuote(db, { teamId: team.id, submitterId: agent.id, status: 'REJECTED' });

    const seen: string[] = [];
    const days: string[] = [];
    let page = await listWall(viewer, wallFilterSchema.parse({ team: team.slug }));
    expect(page.newer).toBeNull();
    const pages = [page];
    while (page.older) {
      page = await listWall(viewer, wallFilterSchema.parse({ team: team.slug, after: page.older }));
      pages.push(page);
    }
    for (const q of pages.flatMap((p) => p.quotes)) {
      seen.push(q.id);
      days.push(q.receivedOn.toISOString());
    }
    expect(pages).toHaveLength(3);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...days].sort().reverse()).toEqual(days);

    // "Newer" from the last page comes back to exactly the middle page.
    const back = await listWall(viewer, wallFilterSchema.parse({ team: team.slug, before: pages[2]!.newer! }));
    expect(back.quotes.map((q) => q.id)).toEqual(pages[1]!.quotes.map((q) => q.id));
  });

  it('filters by channel, month and credited person', async () => {
    const { team, leader, agent, agent2 } = await makeTeamWithPeople();
    const viewer = await makeUser(db, { role: 'COLLEAGUE' });
    const a = await makeQuote(db, {
      teamId: team.id,
      submitterId: agent.id,
      status: 'APPROVED',
      moderatorId: leader.id,
      channel: 'CHAT',
      receivedOn: new Date('2024-03-10'),
      creditIds: [agent.id],
    });
    const b = await makeQuote(db, {
      teamId: team.id,
      submitterId: agent.id,
      status: 'APPROVED',
      moderatorId: leader.id,
      channel: 'PHONE',
      receivedOn: new Date('2024-04-02'),
      creditIds: [agent2.id],
    });
    const ids = async (f: Record<string, string>) =>
      (await listWall(viewer, wallFilterSchema.parse({ team: team.slug, ...f }))).quotes.map((q) => q.id);
    expect(await ids({ channel: 'CHAT' })).toEqual([a.id]);
    expect(await ids({ month: '2024-04' })).toEqual([b.id]);
    expect(await ids({ person: agent2.id })).toEqual([b.id]);
    expect(await ids({})).toEqual([b.id, a.id]);
    expect(await ids({ team: 'no-such-team' })).toEqual([]);
    // Malformed filters are ignored rather than failing the page.
    expect(wallFilterSchema.parse({ channel: 'FAX', month: '2024-13', after: "x' OR 1=1" })).toEqual({});
  });
});

describe('the quote form’s validation', () => {
  it('reports attribution problems together with the other fields’ errors', () => {
    const result = submitQuoteSchema.safeParse({
      submissionKey: crypto.randomUUID(),
      text: 'Great',
      attribution: 'ORGANISATION',
      channel: '',
      receivedOn: today,
      creditIds: 'u1',
    });
    const errors = z.flattenError(result.error!).fieldErrors ?? {};
    expect(Object.keys(errors).sort()).toEqual(['channel', 'customerOrganisation']);
  });
});

describe('the moderation queue', () => {
  it('pages the team’s pending quotes oldest first and leaves out other teams and decided quotes', async () => {
    const { team, leader, agent } = await makeTeamWithPeople();
    const other = await makeTeamWithPeople();
    const pending = [];
    for (let i = 0; i < MODERATION_PAGE_SIZE + 1; i++) {
      pending.push(await makeQuote(db, { teamId: team.id, submitterId: agent.id }));
    }
    await makeQuote(db, { teamId: team.id, submitterId: agent.id, status: 'APPROVED', moderatorId: leader.id });
    await makeQuote(db, { teamId: other.team.id, submitterId: other.agent.id });
    const first = await listModerationQueue(leader);
    expect(first).toMatchObject({ total: MODERATION_PAGE_SIZE + 1, page: 1, pageCount: 2 });
    expect(first.items.map((q) => q.id)).toEqual(pending.slice(0, MODERATION_PAGE_SIZE).map((q) => q.id));
    const second = await listModerationQueue(leader, 2);
    expect(second.items.map((q) => q.id)).toEqual([pending[MODERATION_PAGE_SIZE]!.id]);
    expect((await listModerationQueue(leader, 50)).page).toBe(2);
  });
});

describe('my submissions', () => {
  it('pages the submitter’s own quotes newest first, and nobody else’s', async () => {
    const { team, agent, agent2 } = await makeTeamWithPeople();
    const mine = [];
    for (let i = 0; i < MY_SUBMISSIONS_PAGE_SIZE + 2; i++) {
      mine.push(await makeQuote(db, { teamId: team.id, submitterId: agent.id }));
    }
    await makeQuote(db, { teamId: team.id, submitterId: agent2.id });
    const newestFirst = mine.map((q) => q.id).reverse();
    const first = await listMySubmissions(agent);
    expect(first).toMatchObject({ total: MY_SUBMISSIONS_PAGE_SIZE + 2, page: 1, pageCount: 2 });
    expect(first.items.map((q) => q.id)).toEqual(newestFirst.slice(0, MY_SUBMISSIONS_PAGE_SIZE));
    expect((await listMySubmissions(agent, 2)).items.map((q) => q.id)).toEqual(
      newestFirst.slice(MY_SUBMISSIONS_PAGE_SIZE),
    );
  });
});
