import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeDepartment, makeReview, makeTeam, makeUser } from '../../prisma/factories';
import { addMonths, currentMonth } from '../dates/month';
import { NotFoundError } from '../errors';
import { impactCsv } from './csv';
import { getImpact } from './impact';

const now = new Date();
const month = (back: number) => addMonths(currentMonth(now), -back);
const dayIn = (m: string, d = 10) => new Date(`${m}-${String(d).padStart(2, '0')}T00:00:00Z`);

/**
 * A realistic year: three departments (Finance of three people, IT and Product of one each),
 * editions with readers and thanks, asks in every state, a draft whose asks must not count, an
 * edition older than the window, and a removed outcome.
 */
async function fixture() {
  const team = await makeTeam(db);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const tag = team.slug;
  const [finance, it, product] = await Promise.all(
    ['Finance', 'IT', 'Product'].map((n) => makeDepartment(db, `${n} ${tag}`)),
  );
  const reader = (departmentId: string | null) => makeUser(db, { role: 'COLLEAGUE', departmentId });
  const people = {
    f1: await reader(finance!.id),
    f2: await reader(finance!.id),
    f3: await reader(finance!.id),
    i1: await reader(it!.id),
    p1: await reader(product!.id),
    none: await reader(null),
  };
  const publish = async (m: string) => {
    const review = await makeReview(db, { teamId: team.id, month: m, status: 'PUBLISHED', publishedById: leader.id });
    await db.review.update({ where: { id: review.id }, data: { updatedById: leader.id } });
    return review;
  };
  const e1 = await publish(month(3));
  const e2 = await publish(month(2));
  const old = await publish(month(14));
  const draft = await makeReview(db, { teamId: team.id, month: month(1), status: 'DRAFT' });
  const view = (reviewId: string, userId: string) =>
    db.reviewView.create({ data: { teamId: team.id, reviewId, userId } });
  for (const u of [people.f1, people.f2, people.i1, people.none, leader]) await view(e1.id, u.id);
  for (const u of [people.f1, people.i1, people.p1]) await view(e2.id, u.id);
  await view(old.id, people.i1.id);
  const thank = (reviewId: string, userId: string, hidden = false) =>
    db.reviewThanks.create({
      data: { teamId: team.id, reviewId, userId, note: 'Thanks!', hiddenAt: hidden ? new Date() : null },
    });
  await thank(e1.id, people.f1.id);
  await thank(e1.id, people.i1.id);
  await thank(e1.id, people.p1.id, true);
  await thank(e2.id, people.f2.id);

  const ask = (
    reviewId: string,
    departmentId: string,
    status: 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'DECLINED',
    answered: boolean,
  ) =>
    db.ask.create({
      data: {
        teamId: team.id,
        reviewId,
        departmentId,
        title: `Ask ${status} ${Math.random().toString(36).slice(2, 6)}`,
        status,
        answer: answered ? 'We are on it.' : null,
        answeredAt: answered ? new Date() : null,
        closedAt: status === 'DONE' || status === 'DECLINED' ? new Date() : null,
      },
    });
  const done = await ask(e1.id, finance!.id, 'DONE', true);
  await ask(e1.id, finance!.id, 'IN_PROGRESS', true);
  await ask(e1.id, it!.id, 'OPEN', false);
  await ask(e2.id, it!.id, 'DECLINED', true);
  await ask(e2.id, finance!.id, 'DONE', false);
  await ask(e2.id, product!.id, 'OPEN', false);
  await ask(draft.id, product!.id, 'OPEN', false);
  await ask(old.id, product!.id, 'DONE', true);

  const outcome = (m: string, text: string, extra: { askId?: string; deletedAt?: Date } = {}) =>
    db.outcome.create({ data: { teamId: team.id, kind: 'PROJECT_FUNDED', occurredOn: dayIn(m), text, ...extra } });
  await outcome(month(2), 'Finance funded the refund tool.', { askId: done.id });
  await outcome(month(1), 'Removed by mistake.', { deletedAt: new Date() });
  await outcome(month(13), 'Before the window.');
  return { team, leader, people, finance: finance!, it: it!, product: product! };
}

describe('the impact view', () => {
  it('counts editions, readers, departments and thanks; asks of published editions by department; live outcomes', async () => {
    const f = await fixture();
    const impact = await getImpact(f.people.none, f.team.slug, now);
    expect(impact.editions).toEqual([
      // The leader who published it is not a reader; readers without a department are readers.
      // IT and Product (one person each) are one department reached: "Other departments".
      { month: month(3), readers: 4, departments: 2, thanks: 2 },
      { month: month(2), readers: 3, departments: 2, thanks: 1 },
    ]);
    expect(impact.totals).toEqual({ editions: 2, readers: 5, thanks: 3, asksRaised: 6, asksDone: 2, outcomes: 1 });
    // Asks to IT and Product, departments of one, are counted together.
    expect(impact.askDepartments).toEqual([
      { name: f.finance.name, raised: 3, answered: 2, done: 2 },
      { name: 'Other departments', raised: 3, answered: 1, done: 0 },
    ]);
    expect(impact.outcomes.map((o) => [o.text, o.ask?.department])).toEqual([
      ['Finance funded the refund tool.', f.finance.name],
    ]);
    const readers = impact.charts.readers;
    expect(readers.rows).toHaveLength(12);
    expect(readers.rows.find((r) => r.month === month(3))).toEqual({
      month: month(3),
      readers: 4,
      departments: 2,
      thanks: 2,
    });
    expect(readers.rows.find((r) => r.month === month(1))).toEqual({
      month: month(1),
      readers: null,
      departments: null,
      thanks: null,
    });
    expect(readers.annotations).toEqual([
      { month: month(2), kind: 'outcome', label: 'Project funded: Finance funded the refund tool.' },
    ]);
    expect(impact.charts.asks.rows.find((r) => r.month === month(3))).toEqual({
      month: month(3),
      done: 1,
      answered: 1,
      waiting: 1,
    });
    // Nothing names a reader.
    expect(JSON.stringify(impact)).not.toMatch(
      new RegExp(
        Object.values(f.people)
          .map((p) => p.name)
          .join('|'),
      ),
    );
  });

  it('is open to every signed-in role, answers a missing team with not found, and downloads each table as CSV', async () => {
    const f = await fixture();
    for (const role of ['ADMIN', 'EXEC', 'COLLEAGUE', 'AGENT', 'LEADER'] as const) {
      const actor = await makeUser(db, {
        role,
        teamId: role === 'AGENT' || role === 'LEADER' ? (await makeTeam(db)).id : null,
      });
      expect((await getImpact(actor, f.team.slug, now)).totals.editions).toBe(2);
    }
    await expect(getImpact(f.leader, 'no-such-team', now)).rejects.toBeInstanceOf(NotFoundError);
    const impact = await getImpact(f.leader, f.team.slug, now);
    const rows = (table: Parameters<typeof impactCsv>[1]) => parse(impactCsv(impact, table).csv) as string[][];
    expect(rows('departments')).toEqual([
      ['Department', 'Asks raised', 'Answered', 'Done'],
      [f.finance.name, '3', '2', '2'],
      ['Other departments', '3', '1', '0'],
    ]);
    expect(impactCsv(impact, 'departments').csv).not.toMatch(new RegExp(`${f.it.name}|${f.product.name}`));
    expect(rows('editions')[0]).toEqual([
      'Month',
      'Unique readers',
      'Departments reached',
      'Thank-yous',
      'Change on previous month',
      'Outcomes',
    ]);
    expect(rows('editions').find((r) => r[0] === month(2))).toEqual([
      month(2),
      '3',
      '2',
      '1',
      expect.stringContaining('25'),
      '1. Project funded: Finance funded the refund tool.',
    ]);
    expect(rows('outcomes')).toEqual([
      ['Date', 'Kind', 'What happened', 'From ask', 'Ask department', 'From edition'],
      [
        `${month(2)}-10`,
        'Project funded',
        'Finance funded the refund tool.',
        expect.stringMatching(/^Ask DONE/),
        f.finance.name,
        '',
      ],
    ]);
    expect(impactCsv(impact, 'asks').filename).toBe(`${f.team.slug}-impact-asks-${month(11)}-to-${month(0)}.csv`);
  });

  it('a team with nothing published yet has empty figures, not an error', async () => {
    const team = await makeTeam(db);
    const reader = await makeUser(db, { role: 'COLLEAGUE' });
    const impact = await getImpact(reader, team.slug, now);
    expect(impact.totals).toEqual({ editions: 0, readers: 0, thanks: 0, asksRaised: 0, asksDone: 0, outcomes: 0 });
    expect(impact.askDepartments).toEqual([]);
  });
});
