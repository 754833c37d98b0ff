import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeDepartment, makeTeam, makeUser } from '../../prisma/factories';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { exportPersonData } from '../privacy/export';
import { erasePerson } from '../privacy/erase';
import { publishReview, startReview } from '../publishing/reviews';
import type { EditionSnapshot } from '../editions/content';
import { answerAsk, AskConflictError, createAsk, listEditionAsks, removeAsk, updateAsk } from './asks';
import { listAsks } from './list';
import { answerAskSchema, askFieldsSchema } from './schemas';

const ref = (t: { id: string; name: string; slug: string }) => ({ id: t.id, name: t.name, slug: t.slug });

/** A team with a draft, two departments with one colleague each, another team's leader, an admin. */
async function setup(month = '2025-05') {
  const team = ref(await makeTeam(db));
  const other = ref(await makeTeam(db));
  const finance = await makeDepartment(db, `Finance ${team.slug}`);
  const sales = await makeDepartment(db, `Sales ${team.slug}`);
  const people = {
    leader: await makeUser(db, { role: 'LEADER', teamId: team.id, name: `Lead ${team.slug}` }),
    agent: await makeUser(db, { role: 'AGENT', teamId: team.id }),
    otherLeader: await makeUser(db, { role: 'LEADER', teamId: other.id }),
    admin: await makeUser(db, { role: 'ADMIN' }),
    financeColleague: await makeUser(db, { role: 'COLLEAGUE', departmentId: finance.id, name: `Mei ${team.slug}` }),
    salesColleague: await makeUser(db, { role: 'COLLEAGUE', departmentId: sales.id }),
    financeExec: await makeUser(db, { role: 'EXEC', departmentId: finance.id }),
  };
  const draft = await startReview(people.leader, team, month);
  const publish = () =>
    publishReview(
      people.leader,
      team,
      month,
      {
        version: draft.version,
        title: draft.title,
        highlights: 'The month.',
        asks: 'We need three things.',
        distribution: '',
        featured: [],
      },
      '',
    );
  return { team, other, finance, sales, draft, publish, month, ...people };
}

const answer = async (askId: string, status: 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'DECLINED', text: string) => {
  const { updatedAt } = await db.ask.findUniqueOrThrow({ where: { id: askId } });
  return answerAskSchema.parse({ askId, seen: updatedAt.toISOString(), status, answer: text });
};

const snapshotOf = async (reviewId: string, revision = 1) =>
  (await db.reviewRevision.findFirstOrThrow({ where: { reviewId, revision } })).snapshot as unknown as EditionSnapshot;

describe('tracked asks', () => {
  it('leaders raise, edit and remove a draft’s asks; others are refused; all audited', async () => {
    const s = await setup();
    const fields = { title: 'Warn us before price changes', departmentId: s.finance.id, details: 'Two weeks ahead.' };
    const ask = await createAsk(s.leader, s.team, s.month, fields);
    await expect(createAsk(s.agent, s.team, s.month, fields)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createAsk(s.otherLeader, s.team, s.month, fields)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createAsk(s.leader, s.team, '2019-01', fields)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createAsk(s.leader, s.team, s.month, { ...fields, departmentId: 'no-such-department' }),
    ).rejects.toBeInstanceOf(ValidationError);
    const tooLong = askFieldsSchema.safeParse({ title: 'x'.repeat(121), departmentId: '' });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error!.issues.map((i) => i.path[0]).sort()).toEqual(['departmentId', 'title']);

    await updateAsk(s.leader, ask.id, { ...fields, title: 'Warn us two weeks before price changes' });
    await expect(updateAsk(s.otherLeader, ask.id, fields)).rejects.toBeInstanceOf(ForbiddenError);
    const second = await createAsk(s.admin, s.team, s.month, { ...fields, departmentId: s.sales.id });
    await expect(removeAsk(s.agent, second.id)).rejects.toBeInstanceOf(ForbiddenError);
    await removeAsk(s.leader, second.id);
    const listed = await listEditionAsks(s.leader, s.team, s.draft.id);
    expect(listed.map((a) => a.title)).toEqual(['Warn us two weeks before price changes']);
    await expect(listEditionAsks(s.otherLeader, s.team, s.draft.id)).rejects.toBeInstanceOf(ForbiddenError);
    const actions = await db.auditEvent.findMany({
      where: { entityId: { in: [ask.id, second.id] } },
      orderBy: { createdAt: 'asc' },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(['ask.create', 'ask.update', 'ask.create', 'ask.remove']);
  });

  it('a draft’s asks are invisible to everyone but its leaders and admins, and nobody answers them', async () => {
    const s = await setup();
    const ask = await createAsk(s.leader, s.team, s.month, {
      title: 'Hidden',
      departmentId: s.finance.id,
      details: '',
    });
    const seen = await listAsks(s.financeColleague, { page: 1 });
    expect([...seen.mine, ...seen.groups.flatMap((g) => g.asks)].map((a) => a.id)).not.toContain(ask.id);
    await expect(answerAsk(s.financeColleague, await answer(ask.id, 'DONE', 'Sure'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(answerAsk(s.leader, await answer(ask.id, 'DONE', 'Sure'))).rejects.toBeInstanceOf(ConflictError);
    expect((await db.ask.findUniqueOrThrow({ where: { id: ask.id } })).status).toBe('OPEN');
  });

  it('only the department’s people, admins and the team’s leaders answer; a refusal changes nothing', async () => {
    const s = await setup();
    const ask = await createAsk(s.leader, s.team, s.month, {
      title: 'Explain the new invoice',
      departmentId: s.finance.id,
      details: '',
    });
    await s.publish();

    const forFinance = await listAsks(s.financeColleague, { page: 1 });
    expect(forFinance.myDepartment?.id).toBe(s.finance.id);
    expect(forFinance.mine.find((a) => a.id === ask.id)?.canAnswer).toBe(true);
    const forSales = await listAsks(s.salesColleague, { page: 1, department: s.finance.id });
    const row = forSales.groups.flatMap((g) => g.asks).find((a) => a.id === ask.id);
    expect(row?.canAnswer).toBe(false);
    expect(row?.edition.month).toBe(s.month);

    const before = await db.ask.findUniqueOrThrow({ where: { id: ask.id } });
    for (const outsider of [s.salesColleague, s.otherLeader, s.agent])
      await expect(answerAsk(outsider, await answer(ask.id, 'DONE', 'Not mine'))).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    expect(await db.ask.findUniqueOrThrow({ where: { id: ask.id } })).toEqual(before);
    expect(await db.auditEvent.count({ where: { entityId: ask.id, action: 'ask.answer' } })).toBe(0);

    await answerAsk(s.financeColleague, await answer(ask.id, 'IN_PROGRESS', 'Drafting a one-pager.'));
    let now = await db.ask.findUniqueOrThrow({ where: { id: ask.id } });
    expect(now).toMatchObject({ status: 'IN_PROGRESS', answeredById: s.financeColleague.id, closedAt: null });
    expect(now.answeredAt).toBeInstanceOf(Date);

    await answerAsk(s.financeExec, await answer(ask.id, 'DONE', 'One-pager sent to the team.'));
    now = await db.ask.findUniqueOrThrow({ where: { id: ask.id } });
    expect(now.status).toBe('DONE');
    expect(now.closedAt).toBeInstanceOf(Date);

    // Reopened by the team's leader: no longer closed; then an admin declines it.
    await answerAsk(s.leader, await answer(ask.id, 'OPEN', 'Customers still ask: not enough yet.'));
    expect((await db.ask.findUniqueOrThrow({ where: { id: ask.id } })).closedAt).toBeNull();
    await answerAsk(s.admin, await answer(ask.id, 'DECLINED', 'Out of scope this year.'));
    expect((await db.ask.findUniqueOrThrow({ where: { id: ask.id } })).closedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { entityId: ask.id, action: 'ask.answer' } })).toBe(4);

    // A published edition's asks keep their wording; a new one may still be added.
    await expect(
      updateAsk(s.leader, ask.id, { title: 'Changed', departmentId: s.sales.id, details: '' }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(removeAsk(s.leader, ask.id)).rejects.toBeInstanceOf(ConflictError);
    await createAsk(s.leader, s.team, s.month, { title: 'Later ask', departmentId: s.sales.id, details: '' });
  });

  it('an answer needs a note and a known status; bad input is refused field by field', () => {
    const parsed = answerAskSchema.safeParse({ askId: 'a1', seen: '', status: 'MAYBE', answer: '   ' });
    expect(parsed.success).toBe(false);
    expect(new Set(parsed.error!.issues.map((i) => i.path[0]))).toEqual(new Set(['status']));
    const empty = answerAskSchema.safeParse({ askId: 'a1', seen: '', status: 'DECLINED', answer: ' ' });
    expect(empty.error!.issues[0]).toMatchObject({ path: ['answer'], message: expect.stringContaining('declined') });
    expect(answerAskSchema.safeParse({ askId: 'a1', status: 'DONE', answer: 'x'.repeat(2001) }).success).toBe(false);
  });

  it('two answers at once: one is saved, the other is refused and told, never overwritten silently', async () => {
    const s = await setup();
    const ask = await createAsk(s.leader, s.team, s.month, { title: 'Race', departmentId: s.finance.id, details: '' });
    await s.publish();
    const first = await answer(ask.id, 'DONE', 'Done by Mei.');
    const second = { ...first, status: 'DECLINED' as const, answer: 'Declined by the exec.' };
    const results = await Promise.allSettled([answerAsk(s.financeColleague, first), answerAsk(s.financeExec, second)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AskConflictError);
    const saved = await db.ask.findUniqueOrThrow({ where: { id: ask.id } });
    const winner = results[0]!.status === 'fulfilled' ? first : second;
    expect(saved.answer).toBe(winner.answer);
    expect(await db.auditEvent.count({ where: { entityId: ask.id, action: 'ask.answer' } })).toBe(1);
    // Sent again on purpose with what the refusal reported, it goes through.
    const again = { ...(winner === first ? second : first), seen: (refused.reason as AskConflictError).latest.seen };
    await answerAsk(winner === first ? s.financeExec : s.financeColleague, again);
    expect((await db.ask.findUniqueOrThrow({ where: { id: ask.id } })).answer).toBe(again.answer);
  });

  it('publishing freezes the asks into the snapshot; later edits and answers do not change it', async () => {
    const s = await setup();
    await createAsk(s.leader, s.team, s.month, {
      title: 'Share the release calendar',
      departmentId: s.sales.id,
      details: 'So we can **staff up**.',
    });
    await s.publish();
    const snapshot = await snapshotOf(s.draft.id);
    expect(snapshot.trackedAsks).toEqual([
      expect.objectContaining({
        title: 'Share the release calendar',
        department: s.sales.name,
        details: 'So we can **staff up**.',
      }),
    ]);
    await createAsk(s.leader, s.team, s.month, { title: 'Added after', departmentId: s.finance.id, details: '' });
    await db.department.update({ where: { id: s.sales.id }, data: { name: `Renamed ${s.team.slug}` } });
    const frozen = await snapshotOf(s.draft.id);
    expect(frozen.trackedAsks?.map((a) => [a.title, a.department])).toEqual([
      ['Share the release calendar', s.sales.name],
    ]);
  });

  it('export lists the asks a person raised or answered; erasure unlinks them and keeps the text', async () => {
    const s = await setup();
    const ask = await createAsk(s.leader, s.team, s.month, {
      title: 'Tell us about outages',
      departmentId: s.finance.id,
      details: '',
    });
    await s.publish();
    await answerAsk(s.financeColleague, await answer(ask.id, 'DONE', 'Status page subscription set up.'));
    const exported = await exportPersonData(s.admin, s.financeColleague.id);
    expect(exported.asks).toEqual([
      expect.objectContaining({
        id: ask.id,
        answer: 'Status page subscription set up.',
        answered: true,
        raised: false,
      }),
    ]);
    expect((await exportPersonData(s.admin, s.leader.id)).asks).toEqual([
      expect.objectContaining({ id: ask.id, raised: true, answered: false }),
    ]);
    await erasePerson(s.admin, s.financeColleague.id, s.financeColleague.email);
    await erasePerson(s.admin, s.leader.id, s.leader.email);
    const after = await db.ask.findUniqueOrThrow({ where: { id: ask.id } });
    expect(after).toMatchObject({
      answeredById: null,
      raisedById: null,
      answer: 'Status page subscription set up.',
      title: 'Tell us about outages',
    });
  });
});
