import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import {
  makeCatalog,
  makeDepartment,
  makeProject,
  makeQuote,
  makeTeam,
  makeUser,
  makeWin,
} from '../../prisma/factories';
import { recordAudit } from '../audit';
import { answerAskSchema } from '../asks/schemas';
import { answerAsk, createAsk } from '../asks/asks';
import { loadCatalog, writeMonthTx } from '../figures/figures';
import { createOutcome } from '../outcomes/outcomes';
import { setMeetTheTeam } from '../profiles/meet-the-team';
import { saveProfile } from '../profiles/profiles';
import { addProjectUpdate } from '../projects/projects';
import { deliverDueEmails, type SmtpSettings } from '../distribution/email';
import { hideThanks, recordEditionView, setEmailOptOut, thankReview } from '../readership/readers';
import { publishReview, startReview } from '../publishing/reviews';
import { unsubscribeByToken, unsubscribeToken } from '../distribution/unsubscribe';
import { createApiToken } from '../team-settings/tokens';
import { deleteWin } from '../wins/wins';
import { startTestSmtp, type TestSmtp } from '../../scripts/testing/smtp';
import { listTextColumns, tableOf, textOf } from './columns';
import { erasePerson } from './erase';
import { exportPersonData } from './export';
import { ERASED_NAME } from './snapshots';

let server: TestSmtp;
let smtp: SmtpSettings;
beforeAll(async () => {
  server = await startTestSmtp();
  smtp = { host: server.host, port: server.port, secure: false, from: 'Service Review <review@example.test>' };
});
afterAll(() => server.close());

type Person = Awaited<ReturnType<typeof makeUser>>;

async function publish(actor: Person, team: { id: string; name: string; slug: string }, month: string, extra: object) {
  const draft = await startReview(actor, team, month);
  await publishReview(
    actor,
    team,
    month,
    {
      version: draft.version,
      title: draft.title,
      highlights: draft.highlights,
      asks: draft.asks,
      distribution: '',
      featured: [],
      ...extra,
    },
    '',
  );
  return db.review.findUniqueOrThrow({ where: { id: draft.id } });
}

/**
 * One person (a team leader with a department) who has put something in every table that can hold
 * a person's data, through the app's own functions where it has them.
 */
async function fillEveryTable() {
  const suffix = randomUUID().slice(0, 8);
  const department = await makeDepartment(db, `Billing ${suffix}`);
  const team = await makeTeam(db);
  const other = await makeTeam(db);
  await makeCatalog(db, team.id);
  const person = await makeUser(db, {
    role: 'LEADER',
    teamId: team.id,
    departmentId: department.id,
    name: `Rowan Erasable ${suffix}`,
    email: `rowan.erasable-${suffix}@example.test`,
  });
  const note = `Call me on +44 7700 900 ${suffix}`;
  const otherLeader = await makeUser(db, { role: 'LEADER', teamId: other.id });
  const colleague = await makeUser(db, { role: 'COLLEAGUE' });
  const admin = await makeUser(db, { role: 'ADMIN' });
  const ref = { id: team.id, name: team.name, slug: team.slug };
  const otherRef = { id: other.id, name: other.name, slug: other.slug };

  // Figures, a token and an import mapping they saved for their team.
  const catalog = await loadCatalog(db, team.id);
  const phone = catalog.channels.find((c) => c.name === 'Phone')!.id;
  await db.$transaction((tx) =>
    writeMonthTx(tx, {
      actor: person,
      teamId: team.id,
      month: '2025-05',
      change: { volumes: { [phone]: { received: 500, handled: 480 } }, reasons: {}, segments: {}, kpis: {} },
      mode: 'replace',
      catalog,
      source: 'test',
    }),
  );
  await createApiToken(person, team.id, `Help desk ${suffix}`);
  await db.importValueMapping.create({
    data: { teamId: team.id, kind: 'channel', valueKey: 'mail', value: 'Mail', itemId: phone, updatedById: person.id },
  });

  // Stories: a quote they submitted, moderated and are credited on; wins; a project and its update.
  const quote = await makeQuote(db, {
    teamId: team.id,
    submitterId: person.id,
    moderatorId: person.id,
    status: 'APPROVED',
    receivedOn: new Date('2025-05-10'),
  });
  await makeWin(db, { teamId: team.id, recordedById: person.id, occurredOn: new Date('2025-05-12') });
  const removed = await makeWin(db, { teamId: team.id, recordedById: colleague.id, creditIds: [person.id] });
  await deleteWin(person, removed.id);
  const project = await makeProject(db, { teamId: team.id, ownerId: person.id });
  await addProjectUpdate(person, { projectId: project.id, postedOn: new Date('2025-05-15'), body: 'Halfway there.' });
  await saveProfile(person, person.id, {
    title: `Billing specialist ${suffix}`,
    bio: `I untangle invoices and answer the phone (${suffix}).`,
    teamSince: '2020-01',
    consent: 'yes',
  });

  // Their own edition: featuring their quote and themself, with an ask to their department.
  await startReview(person, ref, '2025-05');
  await setMeetTheTeam(person, ref, '2025-05', [person.id]);
  await createAsk(person, ref, '2025-05', { title: 'Fix invoices', departmentId: department.id, details: '' });
  const own = await publish(person, ref, '2025-05', { featured: [quote.id] });
  const ask = await db.ask.findFirstOrThrow({ where: { reviewId: own.id } });
  await answerAsk(
    person,
    answerAskSchema.parse({ askId: ask.id, seen: ask.updatedAt.toISOString(), status: 'DONE', answer: 'Done.' }),
  );
  await createOutcome(person, {
    team: team.slug,
    kind: 'PROCESS_CHANGED',
    occurredOn: new Date('2025-06-01'),
    text: 'Invoices fixed.',
    askId: ask.id,
    reviewId: own.id,
  });
  await thankReview(colleague, own.id, 'Nice one');
  const colleagueThanks = await db.reviewThanks.findFirstOrThrow({ where: { reviewId: own.id } });
  await hideThanks(person, colleagueThanks.id);
  await db.deliveryDestination.create({
    data: {
      teamId: team.id,
      kind: 'SLACK',
      name: `Team channel ${suffix}`,
      urlEncrypted: 'x',
      urlHost: 'hooks.slack.com',
      createdById: person.id,
    },
  });

  // Another team's edition, emailed to them through its distribution list; read and thanked.
  const theirs = await publish(otherLeader, otherRef, '2025-05', {
    distribution: `list-${suffix}@example.test\n${person.email}`,
  });
  await deliverDueEmails({ smtp, baseUrl: 'https://review.example.com' });
  await recordEditionView(person, { id: theirs.id, team: { id: other.id } });
  // A note they took back stays in the audit trail; the one they kept is on the thanks too.
  await thankReview(person, own.id, `${note} (taken back)`);
  await thankReview(person, own.id, '');
  await thankReview(person, theirs.id, note);
  await setEmailOptOut(person, team.slug, true);
  await unsubscribeByToken(unsubscribeToken(other.id, person.email));

  // Sign-in: throttle budgets and an audited sign-in from an address.
  await db.signInLimit.createMany({
    data: [`email:${person.email}`, `pair:${person.email}|198.51.100.9`].map((key) => ({
      key,
      points: 2,
      expiresAt: new Date(Date.now() + 3_600_000),
    })),
  });
  await recordAudit(db, {
    actor: person,
    action: 'auth.sign_in',
    entityType: 'User',
    entityId: person.id,
    ip: '198.51.100.9',
  });
  return { person, note, admin, department, suffix, teamId: team.id, reviewId: own.id };
}

/** Every text, JSON and text-array column of every table, searched for `needle` in any letter case. */
async function findEverywhere(needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const column of await listTextColumns(db)) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM ${tableOf(column)} WHERE strpos(lower(${textOf(column)}), lower($1)) > 0`,
      needle,
    );
    if (Number(row!.n)) hits.push(`${column.table}.${column.column}`);
  }
  return hits;
}

// Which part of the export answers for each table that holds a person's id or address.
const EXPORT_SECTION: Record<string, string[]> = {
  User: ['account'],
  AuditEvent: ['audit'],
  SignInLimit: ['signInBudgets'],
  MonthFigures: ['monthFiguresSaved'],
  ApiToken: ['apiTokens'],
  ImportValueMapping: ['importMappingsSaved'],
  FigureSource: ['figureSourcesSaved'],
  Quote: ['quotesSubmitted', 'quotesModerated'],
  QuoteCredit: ['quoteCredits'],
  Win: ['winsRecorded', 'winsDeleted'],
  WinCredit: ['winCredits'],
  Project: ['projectsOwned', 'projectsCreated'],
  ProjectUpdate: ['projectUpdates'],
  TeamProfile: ['profile'],
  Review: ['editionsEdited', 'distributionLists'],
  ReviewRevision: ['revisionsPublished'],
  ReviewView: ['readership'],
  ReviewThanks: ['thanks', 'thanksHidden'],
  ReviewEmailOptOut: ['emailOptOuts'],
  ReviewEmailRecipient: ['emailsDelivered'],
  ReviewEmailAddressOptOut: ['unsubscribesByLink'],
  Ask: ['asks'],
  Outcome: ['outcomesRecorded'],
  DeliveryDestination: ['destinationsCreated'],
};

// Filling every table takes a few seconds alone, longer beside a build on a 2-core machine.
describe('erasure leaves no copy', { timeout: 120_000 }, () => {
  it('the export has a section for every table holding the person’s id or address, their department included', async () => {
    const s = await fillEveryTable();
    const holding = new Set(
      [...(await findEverywhere(s.person.id)), ...(await findEverywhere(s.person.email))].map((c) => c.split('.')[0]!),
    );
    const data = (await exportPersonData(s.admin, s.person.id)) as unknown as Record<string, unknown>;
    for (const table of holding) {
      expect(EXPORT_SECTION, `${table} holds their data: give it a section in the export`).toHaveProperty(table);
      const sections = EXPORT_SECTION[table]!.map((key) => data[key]);
      const filled = sections.some((v) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined));
      expect(filled, `the export's ${EXPORT_SECTION[table]!.join('/')} lists nothing from ${table}`).toBe(true);
    }
    expect(data.account).toMatchObject({ department: { name: s.department.name } });
    // Their own team's edition (to everyone) and the other team's (through its distribution list).
    expect(data.emailsDelivered).toEqual([
      expect.objectContaining({ sentAt: expect.any(Date) }),
      expect.objectContaining({ sentAt: expect.any(Date) }),
    ]);
    expect(data.unsubscribesByLink).toHaveLength(1);
    expect(data.destinationsCreated).toHaveLength(1);
    expect(data.outcomesRecorded).toHaveLength(1);
    expect(data.addressElsewhere).toEqual(
      expect.arrayContaining([{ table: 'ReviewEmailRecipient', column: 'address', rows: 2 }]),
    );
  });

  it('after erasing, no text or JSON column anywhere holds their name, email or note: only the pseudonym', async () => {
    const s = await fillEveryTable();
    // The scan sees what is there before: each kind of copy the erasure must reach.
    expect(await findEverywhere(s.person.email)).toEqual(
      expect.arrayContaining([
        'ReviewEmailRecipient.address',
        'ReviewEmailAddressOptOut.email',
        'Review.distribution',
        'AuditEvent.after',
      ]),
    );
    expect(await findEverywhere(s.note)).toEqual(expect.arrayContaining(['ReviewThanks.note', 'AuditEvent.after']));
    expect(await findEverywhere(s.person.name)).toEqual(
      expect.arrayContaining(['User.name', 'ReviewRevision.snapshot']),
    );

    // A message not yet sent to them (a retry waiting): nothing may go to the pseudonym later.
    const waiting = await db.reviewEmail.create({
      data: { teamId: s.teamId, reviewId: s.reviewId, revision: 2, status: 'FAILED' },
    });
    await db.reviewEmailRecipient.create({ data: { emailId: waiting.id, address: s.person.email } });

    const result = await erasePerson(s.admin, s.person.id, s.person.email);

    expect(await findEverywhere(s.person.name)).toEqual([]);
    expect(await findEverywhere(s.person.email)).toEqual([]);
    expect(await findEverywhere(s.note)).toEqual([]);
    expect(await findEverywhere(`Billing specialist ${s.suffix}`)).toEqual([]); // their profile's words
    const pseudonym = `erased-${s.person.id}@erased.invalid`;
    expect(await db.user.findUniqueOrThrow({ where: { id: s.person.id } })).toMatchObject({
      name: ERASED_NAME,
      email: pseudonym,
    });
    expect(await db.reviewEmailRecipient.count({ where: { address: pseudonym } })).toBe(2);
    expect(await db.reviewEmailRecipient.count({ where: { emailId: waiting.id } })).toBe(0);
    expect(result.addressesReplaced).toMatchObject({ 'ReviewEmailRecipient.address': 2 });
    // Off the distribution list, the rest of the list kept.
    const theirs = await db.review.findFirstOrThrow({ where: { distribution: { contains: `list-${s.suffix}` } } });
    expect(theirs.distribution).toBe(`list-${s.suffix}@example.test`);
  });
});
