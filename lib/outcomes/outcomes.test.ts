import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '../db';
import { makeCatalog, makeDepartment, makeReview, makeTeam, makeUser } from '../../prisma/factories';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { loadCatalog } from '../figures/figures';
import { buildCharts, chartTable } from '../trends/charts';
import { outcomeNotes } from '../charts/chart-spec';
import { chartGeometry } from '../charts/geometry';
import { loadAnnotations } from '../trends/trends';
import { publishReview, startReview } from '../publishing/reviews';
import { renderEditionEmail } from '../editions/email-render';
import type { EditionSnapshot } from '../editions/content';
import { createOutcome, deleteOutcome, getOutcomesPage, updateOutcome } from './outcomes';
import { createOutcomeSchema } from './schemas';
import { listEditionOutcomesUnchecked } from './edition';

async function setup() {
  const team = await makeTeam(db);
  const other = await makeTeam(db);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  return {
    team: { id: team.id, name: team.name, slug: team.slug },
    other: { id: other.id, name: other.name, slug: other.slug },
    leader,
    agent: await makeUser(db, { role: 'AGENT', teamId: team.id }),
    otherLeader: await makeUser(db, { role: 'LEADER', teamId: other.id }),
    admin: await makeUser(db, { role: 'ADMIN' }),
    exec: await makeUser(db, { role: 'EXEC' }),
    colleague: await makeUser(db, { role: 'COLLEAGUE' }),
  };
}

const input = (team: string, over: Partial<Record<string, string>> = {}) =>
  createOutcomeSchema.parse({
    team,
    kind: 'PROJECT_FUNDED',
    occurredOn: '2025-05-12',
    text: 'Finance funded a second chat agent after the March edition.',
    ...over,
  });

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const snapshotOutcomeIds = async (teamId: string, month: string) => {
  const rev = await db.reviewRevision.findFirstOrThrow({
    where: { review: { teamId, month } },
    orderBy: { revision: 'desc' },
  });
  return ((rev.snapshot as unknown as EditionSnapshot).content.outcomes ?? []).map((o) => o.id);
};
const editionFields = {
  version: 1,
  title: 'The month',
  highlights: 'We did well.',
  asks: '',
  distribution: '',
  featured: [],
};

describe('outcomes', () => {
  it('a leader records, edits and removes an outcome of their team, each step audited', async () => {
    const s = await setup();
    const { id } = await createOutcome(s.leader, input(s.team.slug));
    const page = await getOutcomesPage(s.leader, s.team.slug);
    expect(page.outcomes.map((o) => [o.id, o.kind, o.text])).toEqual([
      [id, 'PROJECT_FUNDED', 'Finance funded a second chat agent after the March edition.'],
    ]);
    await updateOutcome(s.leader, {
      ...input(s.team.slug, { kind: 'CONSULTED', text: 'Asked to the pricing review.' }),
      outcomeId: id,
    });
    expect(await db.outcome.findUniqueOrThrow({ where: { id } })).toMatchObject({
      kind: 'CONSULTED',
      text: 'Asked to the pricing review.',
    });
    await deleteOutcome(s.leader, { team: s.team.slug, outcomeId: id });
    expect((await db.outcome.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    expect((await getOutcomesPage(s.leader, s.team.slug)).outcomes).toEqual([]);
    const actions = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual(['outcome.create', 'outcome.update', 'outcome.delete']);
    // A removed outcome cannot be edited or removed again.
    await expect(deleteOutcome(s.leader, { team: s.team.slug, outcomeId: id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses agents, executives, colleagues and another team’s leader, writing nothing; admins may', async () => {
    const s = await setup();
    for (const actor of [s.agent, s.exec, s.colleague, s.otherLeader]) {
      await expect(createOutcome(actor, input(s.team.slug))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getOutcomesPage(actor, s.team.slug)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.outcome.count({ where: { teamId: s.team.id } })).toBe(0);
    const { id } = await createOutcome(s.admin, input(s.team.slug));
    for (const actor of [s.agent, s.otherLeader]) {
      await expect(
        updateOutcome(actor, { ...input(s.team.slug, { text: 'Changed' }), outcomeId: id }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteOutcome(actor, { team: s.team.slug, outcomeId: id })).rejects.toBeInstanceOf(ForbiddenError);
    }
    // Another team's leader naming their own team cannot reach this team's outcome either.
    await expect(
      updateOutcome(s.otherLeader, { ...input(s.other.slug, { text: 'Changed' }), outcomeId: id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.outcome.findUniqueOrThrow({ where: { id } })).toMatchObject({
      deletedAt: null,
      text: input('x').text,
    });
  });

  it('refuses a future date, an empty or overlong text, another team’s ask and a draft edition', async () => {
    const s = await setup();
    const tomorrowPlusOne = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const bad = createOutcomeSchema.safeParse({
      team: s.team.slug,
      kind: 'NOPE',
      occurredOn: tomorrowPlusOne,
      text: '  ',
    });
    expect(bad.success).toBe(false);
    const errors = z.flattenError(bad.error!).fieldErrors as Record<string, string[]>;
    expect(errors.occurredOn).toEqual(['The date it happened cannot be in the future.']);
    expect(errors.text).toEqual(['Say in a sentence what happened.']);
    expect(errors.kind).toEqual(['Choose what happened.']);
    expect(
      createOutcomeSchema.safeParse({ ...input(s.team.slug), occurredOn: '2025-05-12', text: 'x'.repeat(281) }).success,
    ).toBe(false);

    const department = await makeDepartment(db, `Finance ${s.other.slug}`);
    const otherEdition = await makeReview(db, { teamId: s.other.id, month: '2025-03', status: 'PUBLISHED' });
    const otherAsk = await db.ask.create({
      data: { teamId: s.other.id, reviewId: otherEdition.id, departmentId: department.id, title: 'Fix refunds' },
    });
    const draft = await makeReview(db, { teamId: s.team.id, month: '2025-04', status: 'DRAFT' });
    const refused = createOutcome(s.leader, input(s.team.slug, { askId: otherAsk.id, reviewId: draft.id }));
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({
      fieldErrors: { askId: [expect.any(String)], reviewId: [expect.any(String)] },
    });
    expect(await db.outcome.count({ where: { teamId: s.team.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: s.leader.id, action: { startsWith: 'outcome.' } } })).toBe(0);
  });

  it('an edition tells each outcome once: the first edition published after it, never a removed one', async () => {
    const s = await setup();
    const record = (occurredOn: string, text: string) =>
      createOutcome(s.leader, input(s.team.slug, { occurredOn, text })).then((o) => o.id);
    const early = await record('2025-04-10', 'Consulted on the new returns policy.');
    const tooOld = await db.outcome.create({
      data: {
        teamId: s.team.id,
        kind: 'OTHER',
        occurredOn: day('2024-01-15'),
        text: 'Long ago.',
        createdAt: day('2024-01-16'),
      },
    });
    await startReview(s.leader, s.team, '2025-04');
    await publishReview(s.leader, s.team, '2025-04', editionFields, '');
    expect(await snapshotOutcomeIds(s.team.id, '2025-04')).toEqual([early]);

    // Recorded after April went out, though it happened in April: May tells it.
    const late = await record('2025-04-25', 'Billing changed its refund letter.');
    const may = await record('2025-05-03', 'Headcount for two agents approved.');
    const june = await record('2025-06-01', 'Product asked us into the roadmap review.');
    const removed = await record('2025-05-10', 'Recorded by mistake.');
    await deleteOutcome(s.leader, { team: s.team.slug, outcomeId: removed });

    // The draft shows what the published edition will.
    expect((await listEditionOutcomesUnchecked(db, s.team.id, '2025-05')).map((o) => o.id)).toEqual([late, may]);
    await startReview(s.leader, s.team, '2025-05');
    await publishReview(s.leader, s.team, '2025-05', editionFields, '');
    expect(await snapshotOutcomeIds(s.team.id, '2025-05')).toEqual([late, may]);
    await startReview(s.leader, s.team, '2025-06');
    await publishReview(s.leader, s.team, '2025-06', editionFields, '');
    expect(await snapshotOutcomeIds(s.team.id, '2025-06')).toEqual([june]);
    expect(JSON.stringify(await snapshotOutcomeIds(s.team.id, '2025-06'))).not.toContain(tooOld.id);

    // The email carries them too, escaped, in both parts.
    const rev = await db.reviewRevision.findFirstOrThrow({
      where: { review: { teamId: s.team.id, month: '2025-05' } },
    });
    const email = await renderEditionEmail(
      rev.snapshot as unknown as EditionSnapshot,
      'https://example.test/reviews/x/2025-05',
    );
    expect(email.html).toContain('What changed');
    expect(email.html).toContain('Headcount for two agents approved.');
    expect(email.text).toContain('- Project funded: Billing changed its refund letter.');
  });

  it('an edition published before outcomes existed does not make the next one tell a year of them', async () => {
    const s = await setup();
    await makeReview(db, { teamId: s.team.id, month: '2025-04', status: 'PUBLISHED' });
    const before = new Date(Date.now() - 86_400_000);
    await db.outcome.create({
      data: {
        teamId: s.team.id,
        kind: 'OTHER',
        occurredOn: day('2025-03-10'),
        text: 'Before April.',
        createdAt: before,
      },
    });
    const afterApril = await db.outcome.create({
      data: { teamId: s.team.id, kind: 'CONSULTED', occurredOn: day('2025-05-02'), text: 'In May.', createdAt: before },
    });
    expect((await listEditionOutcomesUnchecked(db, s.team.id, '2025-05')).map((o) => o.id)).toEqual([afterApril.id]);
  });

  it('draws outcomes as numbered marks on the trends charts, listed in the table and CSV rows', async () => {
    const s = await setup();
    await makeCatalog(db, s.team.id, { kpis: [{ name: 'CSAT', unit: 'PERCENT', target: 90 }] });
    await createOutcome(
      s.leader,
      input(s.team.slug, { occurredOn: '2025-03-04', kind: 'CONSULTED', text: 'Asked into the pricing review.' }),
    );
    await createOutcome(s.leader, input(s.team.slug, { occurredOn: '2025-05-20' }));
    const gone = await createOutcome(s.leader, input(s.team.slug, { occurredOn: '2025-05-21', text: 'Removed one.' }));
    await deleteOutcome(s.leader, { team: s.team.slug, outcomeId: gone.id });
    const annotations = await loadAnnotations(s.colleague, s.team.id, '2025-01', '2025-06');
    const charts = buildCharts(await loadCatalog(db, s.team.id), [], '2025-01', '2025-06', [], [], annotations);
    for (const id of ['contacts', 'kpi-csat']) {
      const chart = charts.find((c) => c.id === id)!;
      expect(outcomeNotes(chart)).toEqual([
        { n: 1, month: '2025-03', label: 'Consulted on a decision: Asked into the pricing review.' },
        {
          n: 2,
          month: '2025-05',
          label: 'Project funded: Finance funded a second chat agent after the March edition.',
        },
      ]);
      const table = chartTable(chart);
      expect(table.header.at(-1)).toBe('Outcomes');
      expect(table.rows.map((r) => r.at(-1))).toEqual([
        null,
        null,
        '1. Consulted on a decision: Asked into the pricing review.',
        null,
        '2. Project funded: Finance funded a second chat agent after the March edition.',
        null,
      ]);
      const g = chartGeometry(chart);
      expect(g.outcomeMarkers.map((m) => [m.month, m.numbers])).toEqual([
        ['2025-03', [1]],
        ['2025-05', [2]],
      ]);
      expect(g.columns[4]!.lines).toContain(
        'Outcome 2: Project funded: Finance funded a second chat agent after the March edition.',
      );
    }
    expect(JSON.stringify(charts)).not.toContain('Removed one.');
  });
});
