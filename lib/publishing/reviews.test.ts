import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeQuote, makeTeam, makeUser, makeWin } from '../../prisma/factories';
import { ForbiddenError, ValidationError } from '../errors';
import { loadCatalog, writeMonthTx } from '../figures/figures';
import type { MonthChange } from '../figures/state';
import { hideThanks, listArchive, readEdition, recordEditionView, thankReview } from '../readership/readers';
import { chartSvg, chartTableMarkup } from '../charts/svg-markup';
import { publishReview, ReviewConflictError, saveReview, startReview } from './reviews';

async function setup() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, { kpis: [{ name: 'CSAT', unit: 'PERCENT', target: 90 }] });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id, name: 'Lead One' });
  const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
  const catalog = await loadCatalog(db, team.id);
  const id = (list: { id: string; name: string }[], name: string) => list.find((i) => i.name === name)!.id;
  const ids = {
    phone: id(catalog.channels, 'Phone'),
    chat: id(catalog.channels, 'Chat'),
    billing: id(catalog.reasons, 'Billing'),
    delivery: id(catalog.reasons, 'Delivery'),
    csat: id(catalog.kpis, 'CSAT'),
  };
  const write = (month: string, phone: number, chat: number, billing: number, csat: number) => {
    const change: MonthChange = {
      volumes: { [ids.phone]: { received: phone, handled: phone }, [ids.chat]: { received: chat, handled: chat } },
      reasons: { [ids.billing]: billing, [ids.delivery]: 100 },
      segments: {},
      kpis: { [ids.csat]: csat },
    };
    return db.$transaction((tx) =>
      writeMonthTx(tx, { actor: leader, teamId: team.id, month, change, mode: 'replace', catalog, source: 'test' }),
    );
  };
  await write('2024-05', 800, 100, 200, 89);
  await write('2025-04', 1000, 200, 300, 91);
  await write('2025-05', 900, 400, 600, 88);
  return { team: { id: team.id, name: team.name, slug: team.slug }, leader, agent, ids, write };
}

const fields = (version: number, featured: string[] = []) => ({
  version,
  title: 'May at a glance',
  highlights: 'We did **well**.',
  asks: '- Finance, can we talk?',
  distribution: '',
  featured,
});

describe('the monthly edition', () => {
  it('starts a draft pre-filled from the month: numbers, story, asks and the month’s approved quotes', async () => {
    const s = await setup();
    const quote = await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.agent.id,
      status: 'APPROVED',
      receivedOn: new Date('2025-05-10'),
      pullQuote: null,
    });
    await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.agent.id,
      status: 'PENDING',
      receivedOn: new Date('2025-05-11'),
    });
    const draft = await startReview(s.leader, s.team, '2025-05');
    expect(draft.status).toBe('DRAFT');
    expect(draft.version).toBe(1);
    expect(draft.title).toContain('May 2025');
    expect(draft.quotes.map((q) => q.quoteId)).toEqual([quote.id]);
    // Total 1,300: +8.3% on April (1,200), +44.4% on May 2024 (900).
    expect(draft.highlights).toContain('**1,300 contacts**, up 8.3% on April 2025 and 44.4% on May 2024.');
    // Chat moved most both ways (200 → 400 on April, 100 → 400 on May 2024): one subject, one sentence.
    expect(draft.highlights).toContain('Chat rose 100.0% on last month and 300.0% on last year.');
    expect(draft.highlights).toContain('CSAT was 88.0%, off target (target 90.0%).');
    expect(draft.highlights).toContain('Contacts about **Billing** moved most');
    expect(draft.asks).toContain('**Billing** caused 600 contacts (300 more than last month)');
    expect(await db.auditEvent.count({ where: { action: 'review.start', entityId: draft.id } })).toBe(1);
    // Starting again returns the same draft.
    expect((await startReview(s.leader, s.team, '2025-05')).id).toBe(draft.id);
    // The next month's edition keeps the distribution list.
    await saveReview(s.leader, s.team, '2025-05', { ...fields(1, [quote.id]), distribution: 'finance@example.test' });
    expect((await startReview(s.leader, s.team, '2025-06')).distribution).toBe('finance@example.test');
  });

  it('agents, execs, colleagues and another team’s leader cannot start, save or publish', async () => {
    const s = await setup();
    const other = await makeUser(db, { role: 'LEADER', teamId: (await makeTeam(db)).id });
    for (const actor of [
      s.agent,
      await makeUser(db, { role: 'EXEC' }),
      await makeUser(db, { role: 'COLLEAGUE' }),
      other,
    ]) {
      await expect(startReview(actor, s.team, '2025-05')).rejects.toBeInstanceOf(ForbiddenError);
    }
    await startReview(s.leader, s.team, '2025-05');
    await expect(saveReview(other, s.team, '2025-05', fields(1))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishReview(other, s.team, '2025-05', fields(1), '')).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.reviewRevision.count({ where: { teamId: s.team.id } })).toBe(0);
  });

  it('a stale save gets a conflict with the other leader’s text and changes nothing', async () => {
    const s = await setup();
    const second = await makeUser(db, { role: 'LEADER', teamId: s.team.id, name: 'Lead Two' });
    await startReview(s.leader, s.team, '2025-05');
    expect(await saveReview(second, s.team, '2025-05', { ...fields(1), title: 'Theirs' })).toEqual({ version: 2 });
    const stale = saveReview(s.leader, s.team, '2025-05', { ...fields(1), title: 'Mine' });
    await expect(stale).rejects.toBeInstanceOf(ReviewConflictError);
    const error = (await stale.then(
      () => null,
      (e: unknown) => e,
    )) as ReviewConflictError;
    expect(error.latest).toMatchObject({ title: 'Theirs', version: 2 });
    expect(error.message).toContain('Lead Two');
    expect((await db.review.findFirstOrThrow({ where: { teamId: s.team.id } })).title).toBe('Theirs');
    // A stale publish is refused the same way: nothing is published that the leader has not seen.
    await expect(publishReview(s.leader, s.team, '2025-05', fields(1), '')).rejects.toBeInstanceOf(ReviewConflictError);
    expect(await db.reviewRevision.count({ where: { teamId: s.team.id } })).toBe(0);
  });

  it('refuses featuring a quote that is not an approved quote of the team and month', async () => {
    const s = await setup();
    await startReview(s.leader, s.team, '2025-05');
    const pending = await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.agent.id,
      status: 'PENDING',
      receivedOn: new Date('2025-05-11'),
    });
    const april = await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.agent.id,
      status: 'APPROVED',
      receivedOn: new Date('2025-04-11'),
    });
    for (const id of [pending.id, april.id])
      await expect(saveReview(s.leader, s.team, '2025-05', fields(1, [id]))).rejects.toBeInstanceOf(ValidationError);
  });

  it('publishing freezes a snapshot: a later figures correction does not change the page until a correction revision', async () => {
    const s = await setup();
    const anonymous = await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.agent.id,
      status: 'APPROVED',
      receivedOn: new Date('2025-05-03'),
      attribution: 'ANONYMOUS',
      customerName: 'Secret Person',
      customerOrganisation: 'Hidden Ltd',
      text: 'You saved my week.',
    });
    const win = await makeWin(db, {
      teamId: s.team.id,
      recordedById: s.agent.id,
      occurredOn: new Date('2025-05-20'),
      title: 'Backlog cleared',
    });
    await startReview(s.leader, s.team, '2025-05');
    const published = await publishReview(s.leader, s.team, '2025-05', fields(1, [anonymous.id]), '');
    expect(published).toMatchObject({ version: 2, revision: 1 });
    expect(published.emailId).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: 'review.publish', actorId: s.leader.id } })).toBe(1);

    const reader = await makeUser(db, { role: 'COLLEAGUE' });
    const first = await readEdition(reader, s.team.slug, '2025-05');
    expect(first.snapshot.title).toBe('May at a glance');
    expect(first.snapshot.content.kpis[0]).toMatchObject({ label: 'CSAT', value: 88, target: 90, meetsTarget: false });
    expect(first.snapshot.content.total).toMatchObject({ value: 1300, lastMonth: 1200, lastYear: 900 });
    expect(first.snapshot.content.wins.map((w) => w.id)).toEqual([win.id]);
    expect(first.snapshot.content.quotes).toEqual([expect.objectContaining({ id: anonymous.id, cite: 'A customer' })]);
    expect(JSON.stringify(first.snapshot)).not.toMatch(/Secret Person|Hidden Ltd/);

    // The month's figures are corrected afterwards: the published edition does not move.
    await s.write('2025-05', 900, 400, 600, 86);
    expect((await readEdition(reader, s.team.slug, '2025-05')).snapshot.content.kpis[0]?.value).toBe(88);

    // A correction needs a note, makes revision 2 and shows the history; it sends no second email.
    await expect(publishReview(s.leader, s.team, '2025-05', fields(2, [anonymous.id]), '')).rejects.toBeInstanceOf(
      ValidationError,
    );
    const corrected = await publishReview(
      s.leader,
      s.team,
      '2025-05',
      fields(2, [anonymous.id]),
      'CSAT corrected from 88% to 86%',
    );
    expect(corrected).toMatchObject({ revision: 2, emailId: null });
    const after = await readEdition(reader, s.team.slug, '2025-05');
    expect(after.snapshot.content.kpis[0]?.value).toBe(86);
    // Charts are drawn once per revision and kept: the correction is drawn anew, not served stale.
    const csat = (e: typeof first) => e.snapshot.content.charts.find((c) => c.id === 'kpi-csat')!;
    expect(chartTableMarkup(csat(first))).toMatch(/<th scope="row">2025-05<\/th><td>88.0<\/td>/);
    expect(chartTableMarkup(csat(after))).toMatch(/<th scope="row">2025-05<\/th><td>86.0<\/td>/);
    expect(chartSvg(csat(after)).markup).not.toBe(chartSvg(csat(first)).markup);
    expect(after.history.map((h) => [h.revision, h.note])).toEqual([
      [2, 'CSAT corrected from 88% to 86%'],
      [1, null],
    ]);
    expect(
      await db.auditEvent.count({ where: { action: 'review.correct', entityType: 'Review' } }),
    ).toBeGreaterThanOrEqual(1);
    expect(await db.reviewEmail.count({ where: { teamId: s.team.id } })).toBe(1);
    expect((await listArchive(reader)).find((r) => r.team.slug === s.team.slug)).toMatchObject({
      month: '2025-05',
      updated: true,
      title: 'May at a glance',
    });
  });

  it('drafts are not readable; readers are counted once each; thanks and notes reach the team; leaders hide notes', async () => {
    const s = await setup();
    await startReview(s.leader, s.team, '2025-05');
    const colleague = await makeUser(db, { role: 'COLLEAGUE' });
    await expect(readEdition(colleague, s.team.slug, '2025-05')).rejects.toThrow('not been published');
    await publishReview(s.leader, s.team, '2025-05', fields(1), '');
    const exec = await makeUser(db, { role: 'EXEC' });
    const otherTeam = await makeTeam(db, { name: `Finance ${Math.random().toString(36).slice(2, 6)}` });
    const finance = await makeUser(db, { role: 'AGENT', teamId: otherTeam.id });
    // What the edition page does: read, then record the view.
    const open = async (reader: typeof colleague) => {
      const read = await readEdition(reader, s.team.slug, '2025-05');
      await recordEditionView(reader, read);
      return read;
    };
    const edition = await open(colleague);
    await open(colleague);
    await open(exec);
    await open(finance);
    // Readers outside the team do not see the readership; the team does.
    expect(edition.readership).toBeNull();
    await thankReview(colleague, edition.id, '');
    await thankReview(colleague, edition.id, 'I didn’t realise how many calls the invoice change caused');
    await thankReview(exec, edition.id, 'Rude words here');
    await open(s.agent);
    const team = await readEdition(s.agent, s.team.slug, '2025-05');
    expect(team.readership).toMatchObject({ readers: 4, thanksCount: 2 });
    expect(team.readership?.byRole).toEqual(
      expect.arrayContaining([
        { label: 'Colleague', count: 1 },
        { label: 'Executive', count: 1 },
        { label: 'Agent', count: 2 },
      ]),
    );
    expect(team.readership?.byTeam).toEqual(
      expect.arrayContaining([
        { label: otherTeam.name, count: 1 },
        { label: 'No team', count: 2 },
        { label: s.team.name, count: 1 },
      ]),
    );
    expect(team.readership?.notes.map((n) => n.note)).toContain(
      'I didn’t realise how many calls the invoice change caused',
    );

    const rude = team.readership!.notes.find((n) => n.note === 'Rude words here')!;
    await expect(hideThanks(s.agent, rude.id)).rejects.toBeInstanceOf(ForbiddenError);
    await hideThanks(s.leader, rude.id);
    expect(
      await db.auditEvent.count({ where: { action: 'review.thanks.hide', entityId: rude.id, actorId: s.leader.id } }),
    ).toBe(1);
    const agentView = await readEdition(s.agent, s.team.slug, '2025-05');
    expect(agentView.readership?.notes.map((n) => n.note)).not.toContain('Rude words here');
    expect(agentView.readership?.thanksCount).toBe(1);
    const leaderView = await readEdition(s.leader, s.team.slug, '2025-05');
    expect(leaderView.readership?.notes.find((n) => n.id === rude.id)?.hidden).toBe(true);
  });
});
