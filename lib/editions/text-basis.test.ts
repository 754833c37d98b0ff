import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeTeam, makeUser, makeWin } from '../../prisma/factories';
import { loadCatalog, writeMonthTx } from '../figures/figures';
import type { MonthChange } from '../figures/state';
import { rewriteBlocks } from './basis';
import { listPublishedDrift } from './drift';
import { loadContent } from './load';
import { loadComposer } from '../publishing/pages';
import { readEdition, readershipFor, recordEditionView } from '../readership/readers';
import {
  confirmReviewText,
  getReviewDraft,
  publishReview,
  rewriteReviewText,
  saveReview,
  StaleTextError,
  startReview,
} from '../publishing/reviews';

async function setup() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, { kpis: [{ name: 'CSAT', unit: 'PERCENT', target: 90 }] });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id, name: 'Lead Writer' });
  const catalog = await loadCatalog(db, team.id);
  const id = (list: { id: string; name: string }[], name: string) => list.find((i) => i.name === name)!.id;
  const write = (month: string, phone: number, billing: number, csat: number) => {
    const change: MonthChange = {
      volumes: { [id(catalog.channels, 'Phone')]: { received: phone, handled: phone } },
      reasons: { [id(catalog.reasons, 'Billing')]: billing },
      segments: {},
      kpis: { [id(catalog.kpis, 'CSAT')]: csat },
    };
    return db.$transaction((tx) =>
      writeMonthTx(tx, { actor: leader, teamId: team.id, month, change, mode: 'replace', catalog, source: 'test' }),
    );
  };
  await write('2025-04', 1000, 300, 91);
  await write('2025-05', 1100, 600, 88);
  return { team: { id: team.id, name: team.name, slug: team.slug }, leader, write };
}

const MINE = 'Our own words: the team pulled together during the storm.';

/** The draft's fields as the composer would send them back, with the leader's paragraph added. */
async function fieldsWithMyParagraph(s: Awaited<ReturnType<typeof setup>>) {
  const draft = (await getReviewDraft(s.leader, s.team, '2025-05'))!;
  return {
    version: draft.version,
    title: draft.title,
    highlights: `${draft.highlights}\n\n${MINE}`,
    asks: draft.asks,
    distribution: '',
    featured: [] as string[],
  };
}

describe('text tied to its figures', () => {
  it('figures changing after the draft started show in the composer, and publishing is refused until the text is rewritten', async () => {
    const s = await setup();
    const draft = await startReview(s.leader, s.team, '2025-05');
    expect(draft.highlights).toContain('**1,100 contacts**, up 10.0% on April 2025');
    expect((await loadComposer(s.leader, s.team, '2025-05'))!.stale).toBeNull();
    const fields = await fieldsWithMyParagraph(s);
    await saveReview(s.leader, s.team, '2025-05', fields);

    await s.write('2025-05', 4000, 600, 88);
    const composer = (await loadComposer(s.leader, s.team, '2025-05'))!;
    expect(composer.stale).toEqual(
      expect.arrayContaining([
        { key: expect.stringMatching(/^total:/), label: 'Contacts received', before: '1,100', after: '4,000' },
      ]),
    );
    expect(composer.generated.highlights.length).toBeGreaterThan(0);

    const current = { ...fields, version: fields.version + 1 };
    const refused = await publishReview(s.leader, s.team, '2025-05', current, '').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StaleTextError);
    expect((refused as StaleTextError).message).toContain('The figures changed since the story was written');
    // Nothing was written: still a draft at the same version, no revision.
    expect(
      await db.review.findUniqueOrThrow({ where: { teamId_month: { teamId: s.team.id, month: '2025-05' } } }),
    ).toMatchObject({ status: 'DRAFT', version: current.version });
    expect(await db.reviewRevision.count({ where: { teamId: s.team.id } })).toBe(0);

    const rewritten = await rewriteReviewText(s.leader, s.team, '2025-05', current);
    expect(rewritten.highlights).toContain('**4,000 contacts**, up 300.0% on April 2025');
    expect(rewritten.highlights).not.toContain('1,100');
    expect(rewritten.highlights).toContain(MINE);
    expect((await loadComposer(s.leader, s.team, '2025-05'))!.stale).toBeNull();
    const published = await publishReview(
      s.leader,
      s.team,
      '2025-05',
      { ...current, version: rewritten.version, highlights: rewritten.highlights, asks: rewritten.asks },
      '',
    );
    expect(published.revision).toBe(1);
    expect((await readEdition(s.leader, s.team.slug, '2025-05')).snapshot.highlights).toContain('**4,000 contacts**');
  });

  it('the leader can confirm that the text stands instead; text that is all theirs is never stale', async () => {
    const s = await setup();
    await startReview(s.leader, s.team, '2025-05');
    await s.write('2025-05', 1200, 600, 88);
    const fields = await fieldsWithMyParagraph(s);
    const { version } = await confirmReviewText(s.leader, s.team, '2025-05', fields);
    expect((await loadComposer(s.leader, s.team, '2025-05'))!.stale).toBeNull();
    expect(
      await db.auditEvent.count({
        where: { action: 'review.save', after: { path: ['textConfirmedDigest'], not: 'null' } },
      }),
    ).toBeGreaterThan(0);
    // A further change needs the leader again.
    await s.write('2025-05', 1300, 600, 88);
    await expect(publishReview(s.leader, s.team, '2025-05', { ...fields, version }, '')).rejects.toBeInstanceOf(
      StaleTextError,
    );
    // Every word the leader's own: nothing generated is left to contradict the figures.
    await publishReview(s.leader, s.team, '2025-05', { ...fields, version, highlights: MINE, asks: '' }, '');
  });

  it('figures changing under a published edition are listed with the differences, until a correction publishes them', async () => {
    const s = await setup();
    await startReview(s.leader, s.team, '2025-05');
    const fields = { version: 1, title: 'May', highlights: MINE, asks: '', distribution: '', featured: [] };
    await publishReview(s.leader, s.team, '2025-05', fields, '');
    expect(await listPublishedDrift(s.leader, [s.team.id])).toEqual([]);
    await s.write('2025-05', 1100, 600, 86.5);
    await s.write('2025-04', 1000, 300, 91);
    const [drift, ...none] = await listPublishedDrift(s.leader, [s.team.id]);
    expect(none).toEqual([]);
    expect(drift).toMatchObject({
      month: '2025-05',
      revision: 1,
      changes: [{ label: 'CSAT', before: '88.0%', after: '86.5%' }],
    });
    const composer = (await loadComposer(s.leader, s.team, '2025-05'))!;
    expect(composer.drift?.changes).toHaveLength(1);
    expect(composer.values.note).toBe('Figures corrected: CSAT 88.0% → 86.5%.');
    // Another team's leader is told nothing about this team.
    expect(
      await listPublishedDrift(await makeUser(db, { role: 'LEADER', teamId: (await makeTeam(db)).id }), [s.team.id]),
    ).toEqual([]);
    await publishReview(s.leader, s.team, '2025-05', { ...fields, version: 2 }, composer.values.note!);
    expect(await listPublishedDrift(s.leader, [s.team.id])).toEqual([]);
  });

  it('a write of figures marks the editions stating them, the answer is kept, and a correction clears it', async () => {
    const s = await setup();
    await startReview(s.leader, s.team, '2025-05');
    const fields = { version: 1, title: 'May', highlights: MINE, asks: '', distribution: '', featured: [] };
    await publishReview(s.leader, s.team, '2025-05', fields, '');
    const stored = () =>
      db.review.findFirstOrThrow({
        where: { teamId: s.team.id, month: '2025-05' },
        select: { drift: true, driftEpoch: true, driftCheckedEpoch: true },
      });
    expect(await stored()).toEqual({ drift: null, driftEpoch: 0, driftCheckedEpoch: 0 });
    // A month the edition does not state (after it) marks nothing; last year's month does.
    await s.write('2025-06', 900, 100, 70);
    expect((await stored()).driftEpoch).toBe(0);
    await s.write('2024-05', 777, 100, 70);
    const marked = await stored();
    expect(marked.driftEpoch).toBe(1);
    expect(marked.driftCheckedEpoch).toBe(0);
    // Compared once, then kept: the flag is set and the next look reads it.
    const [drift] = await listPublishedDrift(s.leader, [s.team.id]);
    expect(drift?.month).toBe('2025-05');
    const kept = await stored();
    expect(kept).toMatchObject({ driftEpoch: 1, driftCheckedEpoch: 1 });
    expect(kept.drift).toEqual(drift!.changes);
    // The stored answer is what "Needs you" reads: changed by hand, the list follows it.
    await db.review.updateMany({
      where: { teamId: s.team.id, month: '2025-05' },
      data: { drift: [{ label: 'Stored', before: '1', after: '2' }] },
    });
    expect((await listPublishedDrift(s.leader, [s.team.id]))[0]?.changes).toEqual([
      { label: 'Stored', before: '1', after: '2' },
    ]);
    // A correction freezes the figures as they are: nothing has drifted.
    await publishReview(s.leader, s.team, '2025-05', { ...fields, version: 2 }, 'Last May corrected.');
    expect(await stored()).toEqual({ drift: null, driftEpoch: 1, driftCheckedEpoch: 1 });
    expect(await listPublishedDrift(s.leader, [s.team.id])).toEqual([]);
  });

  it('the author’s own visits do not count as readers', async () => {
    const s = await setup();
    await startReview(s.leader, s.team, '2025-05');
    await publishReview(
      s.leader,
      s.team,
      '2025-05',
      { version: 1, title: 'May', highlights: MINE, asks: '', distribution: '', featured: [] },
      '',
    );
    const colleague = await makeUser(db, { role: 'COLLEAGUE' });
    for (const reader of [s.leader, colleague, s.leader])
      await recordEditionView(reader, await readEdition(reader, s.team.slug, '2025-05'));
    const edition = await readEdition(s.leader, s.team.slug, '2025-05');
    expect((await readershipFor(s.leader, edition.id)).readers).toBe(1);
    expect(await db.reviewView.count({ where: { reviewId: edition.id } })).toBe(1);
  });

  it('a win entered twice is shown once; the leader leaves wins and project updates out', async () => {
    const s = await setup();
    const agent = await makeUser(db, { role: 'AGENT', teamId: s.team.id });
    await makeWin(db, {
      teamId: s.team.id,
      recordedById: agent.id,
      title: 'Chat wait time halved',
      story: 'Short.',
      occurredOn: new Date('2025-05-03'),
      creditIds: [agent.id],
    });
    await makeWin(db, {
      teamId: s.team.id,
      recordedById: s.leader.id,
      title: 'Chat  wait time halved!',
      story: 'The longer story of it.',
      occurredOn: new Date('2025-05-09'),
      creditIds: [s.leader.id],
    });
    const other = await makeWin(db, {
      teamId: s.team.id,
      recordedById: agent.id,
      title: 'Refunds in a day',
      occurredOn: new Date('2025-05-20'),
    });
    const all = await loadContent(db, s.team, '2025-05', []);
    expect(all.wins.map((w) => w.title)).toEqual(['Chat wait time halved', 'Refunds in a day']);
    expect(all.wins[0]).toMatchObject({
      story: 'The longer story of it.',
      credited: expect.arrayContaining([
        expect.objectContaining({ id: agent.id }),
        expect.objectContaining({ id: s.leader.id }),
      ]),
    });
    await startReview(s.leader, s.team, '2025-05');
    await saveReview(s.leader, s.team, '2025-05', {
      version: 1,
      title: 'May',
      highlights: MINE,
      asks: '',
      distribution: '',
      featured: [],
      omitWins: [other.id],
      omitUpdates: [],
    });
    await publishReview(
      s.leader,
      s.team,
      '2025-05',
      { version: 2, title: 'May', highlights: MINE, asks: '', distribution: '', featured: [] },
      '',
    );
    expect((await readEdition(s.leader, s.team.slug, '2025-05')).snapshot.content.wins.map((w) => w.title)).toEqual([
      'Chat wait time halved',
    ]);
  });
});

describe('rewriting generated paragraphs', () => {
  const old = [
    { key: 'total', text: 'Total was 1,100.' },
    { key: 'kpis', text: 'CSAT was 88%.' },
  ];
  const fresh = [
    { key: 'total', text: 'Total was 4,000.' },
    { key: 'kpis', text: 'CSAT was 86%.' },
    { key: 'reason', text: 'Billing moved most.' },
  ];
  it('replaces only untouched generated paragraphs in place, keeps the leader’s and their edits, and adds new ones after', () => {
    const text = 'Intro of mine.\n\nTotal was 1,100.\n\nCSAT was 88% — and we know why.\n\nOutro.';
    expect(rewriteBlocks(text, old, fresh, 'paragraph')).toBe(
      'Intro of mine.\n\nTotal was 4,000.\n\nBilling moved most.\n\nCSAT was 88% — and we know why.\n\nOutro.',
    );
  });
  it('keeps a deleted generated paragraph deleted', () => {
    expect(rewriteBlocks('CSAT was 88%.', old, fresh.slice(0, 2), 'paragraph')).toBe('CSAT was 86%.');
  });
});

describe('paragraphs as a browser sends them', () => {
  it('reads CRLF line breaks (how a textarea is submitted) like LF ones', () => {
    const old = [{ key: 'total', text: 'Total was 1,100.' }];
    expect(
      rewriteBlocks('Total was 1,100.\r\n\r\nMine.', old, [{ key: 'total', text: 'Total was 4,000.' }], 'paragraph'),
    ).toBe('Total was 4,000.\n\nMine.');
  });
});
