import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeDepartment, makeTeam, makeUser } from '../../prisma/factories';
import { renderEditionEmail } from '../editions/email-render';
import type { EditionSnapshot } from '../editions/content';
import { publishReview, saveReview, startReview } from '../publishing/reviews';
import { answerAsk, createAsk } from './asks';
import { howLong, writeFollowUps } from './follow-ups';
import { answerAskSchema } from './schemas';

const DAY = 86_400_000;

async function setup() {
  const t = await makeTeam(db);
  const team = { id: t.id, name: t.name, slug: t.slug };
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const finance = await makeDepartment(db, `Finance ${team.slug}`);
  const it = await makeDepartment(db, `IT ${team.slug}`);
  const publish = async (month: string, followUps?: string) => {
    const draft = await startReview(leader, team, month);
    await publishReview(
      leader,
      team,
      month,
      {
        version: draft.version,
        title: draft.title,
        highlights: 'Story.',
        asks: '',
        distribution: '',
        featured: [],
        ...(followUps === undefined ? {} : { followUps }),
      },
      '',
    );
    return draft;
  };
  const ask = (month: string, title: string, departmentId: string) =>
    createAsk(leader, team, month, { title, departmentId, details: '' });
  const set = async (askId: string, status: 'IN_PROGRESS' | 'DONE' | 'DECLINED', note: string) => {
    const { updatedAt } = await db.ask.findUniqueOrThrow({ where: { id: askId } });
    await answerAsk(leader, answerAskSchema.parse({ askId, seen: updatedAt.toISOString(), status, answer: note }));
  };
  return { team, leader, finance, it, publish, ask, set };
}

describe('asks carried into the next draft', () => {
  it('says what was done since the last edition and what is still open, and the leader edits it', async () => {
    const s = await setup();
    await startReview(s.leader, s.team, '2025-03');
    const doneLongAgo = await s.ask('2025-03', 'Old fix', s.it.id);
    const doneNow = await s.ask('2025-03', 'Fix the refund form', s.it.id);
    const inProgress = await s.ask('2025-03', 'Price change notice', s.finance.id);
    const declined = await s.ask('2025-03', 'A bigger office', s.finance.id);
    await s.publish('2025-03');
    await s.set(doneLongAgo.id, 'DONE', 'Fixed in March.');
    await startReview(s.leader, s.team, '2025-04');
    await s.ask('2025-04', 'Status page for outages', s.it.id);
    await s.publish('2025-04');
    // The old fix closed before April's edition went out; the rest happen after it.
    const april = await db.review.findFirstOrThrow({ where: { teamId: s.team.id, month: '2025-04' } });
    await db.ask.update({
      where: { id: doneLongAgo.id },
      data: { closedAt: new Date(april.publishedAt!.getTime() - DAY) },
    });
    await s.set(doneNow.id, 'DONE', 'The form now\nchecks the IBAN.');
    await s.set(inProgress.id, 'IN_PROGRESS', 'Drafting the notice.');
    await s.set(declined.id, 'DECLINED', 'No budget.');
    // Another team's asks never appear.
    const other = await setup();
    await startReview(other.leader, other.team, '2025-03');
    await other.ask('2025-03', 'Someone else’s ask', other.it.id);
    await other.publish('2025-03');

    const may = await startReview(s.leader, s.team, '2025-05');
    const text = may.followUps;
    const [done, open] = text.split('**Still open**');
    expect(done).toContain('**You asked, we did**');
    expect(done).toContain(`- **Fix the refund form** (${s.it.name}): The form now checks the IBAN.`);
    expect(done).not.toContain('Old fix');
    expect(open).toContain(`**Price change notice** (${s.finance.name}, in progress for`);
    expect(open).toContain(`**Status page for outages** (${s.it.name}, open for`);
    expect(text).not.toContain('A bigger office');
    expect(text).not.toContain('Someone else');
    // May's own draft asks are not "still open" from earlier editions.
    await s.ask('2025-05', 'New in May', s.finance.id);
    expect((await startReview(s.leader, s.team, '2025-05')).followUps).not.toContain('New in May');

    // The leader edits it like the highlights; a save without the field keeps it.
    await saveReview(s.leader, s.team, '2025-05', {
      version: may.version,
      title: may.title,
      highlights: 'Story.',
      asks: '',
      distribution: '',
      featured: [],
      followUps: '**You asked, we did**\n\n- The refund form is fixed: thank you, IT!',
    });
    await saveReview(s.leader, s.team, '2025-05', {
      version: may.version + 1,
      title: may.title,
      highlights: 'Story.',
      asks: '',
      distribution: '',
      featured: [],
    });
    const saved = await db.review.findFirstOrThrow({ where: { teamId: s.team.id, month: '2025-05' } });
    expect(saved.followUps).toBe('**You asked, we did**\n\n- The refund form is fixed: thank you, IT!');
    const draft = await startReview(s.leader, s.team, '2025-05');
    await publishReview(
      s.leader,
      s.team,
      '2025-05',
      { version: draft.version, title: draft.title, highlights: 'Story.', asks: '', distribution: '', featured: [] },
      '',
    );
    const revision = await db.reviewRevision.findFirstOrThrow({ where: { reviewId: saved.id } });
    const snapshot = revision.snapshot as unknown as EditionSnapshot;
    expect(snapshot.followUps).toBe(saved.followUps);
    expect(snapshot.trackedAsks?.map((a) => a.title)).toEqual(['New in May']);
  });

  it('a team’s first edition starts with no follow-ups', async () => {
    const s = await setup();
    expect((await startReview(s.leader, s.team, '2025-01')).followUps).toBe('');
  });

  it('writes plain titles and one-line answers, and says how long an ask has been open', async () => {
    const now = new Date('2026-06-30T12:00:00Z');
    expect(howLong(new Date('2026-06-27T12:00:00Z'), now)).toBe('3 days');
    expect(howLong(new Date('2026-06-02T12:00:00Z'), now)).toBe('4 weeks');
    expect(howLong(new Date('2026-01-30T12:00:00Z'), now)).toBe('5 months');
    const text = writeFollowUps(
      [{ title: 'Fix *all* [links]', department: 'IT', answer: 'Done\n\nand tested' }],
      [],
      now,
    );
    expect(text).toBe('**You asked, we did**\n\n- **Fix \\*all\\* \\[links\\]** (IT): Done and tested');
    expect(writeFollowUps([], [], now)).toBe('');
  });

  it('the email carries the follow-ups and each tracked ask with its department; older snapshots still render', async () => {
    const content = {
      team: { name: 'Care', slug: 'care' },
      month: '2025-05',
      total: { key: 'total', label: 'Contacts received', value: null, lastMonth: null, lastYear: null },
      channels: [],
      kpis: [],
      reasons: [],
      segments: [],
      charts: [],
      quotes: [],
      wins: [],
      updates: [],
      note: null,
    };
    const old: EditionSnapshot = { title: 'May', highlights: 'Story.', asks: 'Help us.', content };
    const withAsks: EditionSnapshot = {
      ...old,
      followUps: '**Still open**\n\n- **Status page** (IT, open for 3 weeks)',
      trackedAsks: [
        { id: 'a1', title: 'Warn us <before> price changes', department: 'Finance', details: 'Two **weeks**.' },
      ],
    };
    const before = await renderEditionEmail(old, 'https://sr.example/reviews/care/2025-05');
    expect(before.html).toContain('How you can help');
    expect(before.html).not.toContain('Following up');
    const email = await renderEditionEmail(withAsks, 'https://sr.example/reviews/care/2025-05');
    expect(email.html).toContain('Following up on our asks');
    expect(email.html).toContain('To Finance');
    expect(email.html).toContain('Warn us &lt;before&gt; price changes');
    expect(email.html).toContain('<strong>weeks</strong>');
    expect(email.html).toContain('https://sr.example/asks?team=care');
    expect(email.text).toContain('To Finance\n\nWarn us <before> price changes');
    expect(email.text).toContain('Status page (IT, open for 3 weeks)');
  });
});
