import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '../db';
import { makeQuote, makeTeam, makeUser, makeWin } from '../../prisma/factories';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { addMonths, currentMonth } from '../dates/month';
import type { EditionSnapshot } from '../editions/content';
import { renderEditionEmail } from '../editions/email-render';
import { buildSnapshotUnchecked } from '../editions/snapshot';
import { getReviewDraft, publishReview, startReview } from '../publishing/reviews';
import { erasePerson } from '../privacy/erase';
import { exportPersonData } from '../privacy/export';
import { getMeetTheTeamChoice, setMeetTheTeam } from './meet-the-team';
import { getOwnProfile, removeProfile, saveProfile } from './profiles';
import { profileSchema } from './schemas';

const MONTH = '2025-05';

async function setup() {
  const team = await makeTeam(db);
  const other = await makeTeam(db);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const agent = await makeUser(db, { role: 'AGENT', teamId: team.id, name: `Amira Haddad ${team.slug}` });
  const quiet = await makeUser(db, { role: 'AGENT', teamId: team.id });
  const otherLeader = await makeUser(db, { role: 'LEADER', teamId: other.id });
  const admin = await makeUser(db, { role: 'ADMIN' });
  const colleague = await makeUser(db, { role: 'COLLEAGUE' });
  const ref = { id: team.id, name: team.name, slug: team.slug };
  return { team, ref, other, leader, agent, quiet, otherLeader, admin, colleague };
}

const input = (over: Partial<Record<string, string>> = {}) =>
  profileSchema.parse({
    title: 'Billing specialist',
    bio: 'I untangle invoices.\nAsk me about payment plans: I set up most of them.',
    teamSince: '2021-04',
    consent: 'yes',
    ...over,
  });

const fields = (version: number) => ({
  version,
  title: 'May at a glance',
  highlights: 'A busy month.',
  asks: '',
  distribution: '',
  featured: [],
});

const snapshotOf = async (reviewId: string, revision: number) =>
  (await db.reviewRevision.findFirstOrThrow({ where: { reviewId, revision } })).snapshot as unknown as EditionSnapshot;

describe('profiles with consent', () => {
  it('only the person writes their own profile; leaders, admins and people outside a team are refused and nothing is written', async () => {
    const s = await setup();
    await expect(saveProfile(s.leader, s.agent.id, input())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveProfile(s.admin, s.agent.id, input())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveProfile(s.quiet, s.agent.id, input())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveProfile(s.colleague, s.colleague.id, input())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.teamProfile.count({ where: { userId: { in: [s.agent.id, s.colleague.id] } } })).toBe(0);

    const saved = await saveProfile(s.agent, s.agent.id, input());
    expect(saved).toMatchObject({ title: 'Billing specialist', teamSince: '2021-04' });
    expect(await getOwnProfile(s.agent)).toMatchObject({ bio: input().bio });
    await saveProfile(s.agent, s.agent.id, input({ title: 'Payments lead' }));
    const events = await db.auditEvent.findMany({
      where: { entityType: 'TeamProfile', entityId: s.agent.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(['profile.create', 'profile.update']);
    expect(events[1]!.before).toMatchObject({ title: 'Billing specialist' });
    expect(events[1]!.after).toMatchObject({ title: 'Payments lead', consent: true });
  });

  it('refuses bad input field by field: no consent, role too long, too short a bio, a future or malformed month', () => {
    const result = profileSchema.safeParse({
      title: 'x'.repeat(81),
      bio: 'Hi',
      teamSince: addMonths(currentMonth(), 1),
    });
    expect(result.success).toBe(false);
    const errors = z.flattenError(result.error!).fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(['bio', 'consent', 'teamSince', 'title']);
    expect(errors.teamSince).toEqual(['That month has not started yet.']);
    expect(profileSchema.safeParse({ ...input(), teamSince: '2021-13' }).success).toBe(false);
    expect(profileSchema.safeParse({ ...input(), bio: 'y'.repeat(601) }).success).toBe(false);
    expect(profileSchema.safeParse({ ...input(), teamSince: currentMonth() }).success).toBe(true);
  });

  it('the person or an admin removes it; a teammate or leader cannot', async () => {
    const s = await setup();
    await saveProfile(s.agent, s.agent.id, input());
    await expect(removeProfile(s.leader, s.agent.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeProfile(s.quiet, s.agent.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.teamProfile.count({ where: { userId: s.agent.id } })).toBe(1);
    await removeProfile(s.admin, s.agent.id);
    expect(await db.teamProfile.count({ where: { userId: s.agent.id } })).toBe(0);
    await expect(removeProfile(s.agent, s.agent.id)).rejects.toBeInstanceOf(NotFoundError);
    await saveProfile(s.agent, s.agent.id, input());
    await removeProfile(s.agent, s.agent.id);
    expect(await getOwnProfile(s.agent)).toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: 'profile.remove', entityId: s.agent.id, actorId: s.admin.id } }),
    ).toBe(1);
  });
});

describe('meet the team in an edition', () => {
  it('freezes the featured, still-opted-in teammates with their praise; opting out removes them from the draft and the next publish but not from the earlier revision', async () => {
    const s = await setup();
    await saveProfile(s.agent, s.agent.id, input());
    // Praise: the approved quotes, newest first (two), never a pending one; wins that are not deleted.
    const older = await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.quiet.id,
      status: 'APPROVED',
      receivedOn: new Date('2025-03-02'),
      creditIds: [s.agent.id],
    });
    const newest = await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.quiet.id,
      status: 'APPROVED',
      attribution: 'ANONYMOUS',
      customerName: 'Hidden Name',
      receivedOn: new Date('2025-05-20'),
      creditIds: [s.agent.id],
    });
    await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.quiet.id,
      status: 'APPROVED',
      receivedOn: new Date('2024-01-02'),
      creditIds: [s.agent.id],
    });
    await makeQuote(db, { teamId: s.team.id, submitterId: s.quiet.id, status: 'PENDING', creditIds: [s.agent.id] });
    const win = await makeWin(db, { teamId: s.team.id, recordedById: s.leader.id, creditIds: [s.agent.id] });
    const gone = await makeWin(db, { teamId: s.team.id, recordedById: s.leader.id, creditIds: [s.agent.id] });
    await db.win.update({ where: { id: gone.id }, data: { deletedAt: new Date(), deletedById: s.leader.id } });

    const draft = await startReview(s.leader, s.ref, MONTH);
    // Only opted-in teammates of the team, only by the team's leaders (or admins).
    await expect(setMeetTheTeam(s.leader, s.ref, MONTH, [s.quiet.id])).rejects.toBeInstanceOf(ValidationError);
    await expect(setMeetTheTeam(s.otherLeader, s.ref, MONTH, [s.agent.id])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setMeetTheTeam(s.agent, s.ref, MONTH, [s.agent.id])).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getReviewDraft(s.leader, s.ref, MONTH))!.id).toBe(draft.id);
    await setMeetTheTeam(s.leader, s.ref, MONTH, [s.agent.id]);
    expect(await getMeetTheTeamChoice(s.leader, s.ref, MONTH)).toMatchObject({
      options: [{ id: s.agent.id, title: 'Billing specialist' }],
      selected: [s.agent.id],
    });

    await publishReview(s.leader, s.ref, MONTH, fields(draft.version), '');
    const first = await snapshotOf(draft.id, 1);
    expect(first.content.meetTheTeam).toEqual([
      {
        id: s.agent.id,
        name: s.agent.name,
        title: 'Billing specialist',
        bio: input().bio,
        teamSince: '2021-04',
        quotes: [
          { id: newest.id, text: newest.text, cite: 'A customer', receivedOn: '2025-05-20' },
          { id: older.id, text: older.text, cite: 'A customer', receivedOn: '2025-03-02' },
        ],
        wins: [{ id: win.id, title: win.title, occurredOn: expect.any(String) }],
      },
    ]);
    expect(JSON.stringify(first)).not.toContain('Hidden Name');
    const email = await renderEditionEmail(first, 'https://review.example.test/reviews/x/2025-05');
    expect(email.html).toContain('Meet the team');
    expect(email.html).toContain(`/people/${s.agent.id}`);
    expect(email.text).toContain(`${s.agent.name} (https://review.example.test/people/${s.agent.id})`);
    expect(email.text).toContain('Billing specialist · In the team since April 2021');
    expect(email.text).toContain('I untangle invoices.');

    // Opting out: gone from the saved choice, the preview and the correction; revision 1 stays as sent.
    await removeProfile(s.agent, s.agent.id);
    const after = (await getReviewDraft(s.leader, s.ref, MONTH))!;
    expect((await db.review.findUniqueOrThrow({ where: { id: draft.id } })).meetTheTeamIds).toEqual([]);
    expect((await buildSnapshotUnchecked(db, s.ref, MONTH, after)).content.meetTheTeam).toBeUndefined();
    await publishReview(s.leader, s.ref, MONTH, fields(after.version), 'Fixed a typo.');
    expect((await snapshotOf(draft.id, 2)).content.meetTheTeam).toBeUndefined();
    expect((await snapshotOf(draft.id, 1)).content.meetTheTeam?.map((p) => p.id)).toEqual([s.agent.id]);
  });

  it('someone who opts out between the choice and the publish is never frozen in, even if the choice still names them', async () => {
    const s = await setup();
    await saveProfile(s.agent, s.agent.id, input());
    const draft = await startReview(s.leader, s.ref, MONTH);
    await setMeetTheTeam(s.leader, s.ref, MONTH, [s.agent.id]);
    // As if the opt-out raced the choice: the row is gone but the id is still on the edition.
    await db.teamProfile.delete({ where: { userId: s.agent.id } });
    expect((await db.review.findUniqueOrThrow({ where: { id: draft.id } })).meetTheTeamIds).toEqual([s.agent.id]);
    await publishReview(s.leader, s.ref, MONTH, fields(draft.version), '');
    const snapshot = await snapshotOf(draft.id, 1);
    expect(snapshot.content.meetTheTeam).toBeUndefined();
    expect(JSON.stringify(snapshot)).not.toContain(s.agent.name);
  });
});

describe('profiles and data rights', () => {
  it('the export includes the profile; erasure deletes it and removes the person from published Meet the team', async () => {
    const s = await setup();
    await saveProfile(s.agent, s.agent.id, input());
    expect((await exportPersonData(s.admin, s.agent.id)).profile).toMatchObject({ title: 'Billing specialist' });
    const draft = await startReview(s.leader, s.ref, MONTH);
    await setMeetTheTeam(s.leader, s.ref, MONTH, [s.agent.id]);
    await publishReview(s.leader, s.ref, MONTH, fields(draft.version), '');

    await erasePerson(s.admin, s.agent.id, s.agent.email);
    expect(await db.teamProfile.count({ where: { userId: s.agent.id } })).toBe(0);
    expect((await snapshotOf(draft.id, 1)).content.meetTheTeam).toEqual([]);
    const text = JSON.stringify(await db.reviewRevision.findMany({ where: { reviewId: draft.id } }));
    expect(text).not.toContain('I untangle invoices');
    const audit = await db.auditEvent.findMany({ where: { entityType: 'TeamProfile', entityId: s.agent.id } });
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('I untangle invoices');
    expect((await exportPersonData(s.admin, s.agent.id)).profile).toBeNull();
  });
});
