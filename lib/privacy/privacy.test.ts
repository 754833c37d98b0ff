import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeQuote, makeTeam, makeUser } from '../../prisma/factories';
import { recordAudit } from '../audit';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { loadCatalog, writeMonthTx } from '../figures/figures';
import { publishReview, startReview } from '../publishing/reviews';
import { thankReview } from '../readership/readers';
import { NAME_REMOVED_NOTE, removeCustomerName } from './customer-name';
import { erasePerson } from './erase';
import { exportPersonData } from './export';
import { ERASED_NAME } from './snapshots';

/** A team with a published edition featuring a named customer's quote that credits an agent, thanked by a colleague. */
async function setup() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const agent = await makeUser(db, { role: 'AGENT', teamId: team.id, name: `Agent Rowan ${team.slug}` });
  const colleague = await makeUser(db, { role: 'COLLEAGUE', name: `Colleague Sam ${team.slug}` });
  const admin = await makeUser(db, { role: 'ADMIN' });
  const catalog = await loadCatalog(db, team.id);
  const phone = catalog.channels.find((c) => c.name === 'Phone')!.id;
  await db.$transaction((tx) =>
    writeMonthTx(tx, {
      actor: leader,
      teamId: team.id,
      month: '2025-05',
      change: { volumes: { [phone]: { received: 500, handled: 480 } }, reasons: {}, segments: {}, kpis: {} },
      mode: 'replace',
      catalog,
      source: 'test',
    }),
  );
  const customerName = `Priya Customer ${team.slug}`;
  const quote = await makeQuote(db, {
    teamId: team.id,
    submitterId: agent.id,
    status: 'APPROVED',
    attribution: 'NAMED',
    customerName,
    customerOrganisation: 'Acme Ltd',
    receivedOn: new Date('2025-05-10'),
    creditIds: [agent.id],
  });
  const ref = { id: team.id, name: team.name, slug: team.slug };
  const draft = await startReview(leader, ref, '2025-05');
  await publishReview(
    leader,
    ref,
    '2025-05',
    {
      version: draft.version,
      title: draft.title,
      highlights: draft.highlights,
      asks: draft.asks,
      distribution: '',
      featured: [quote.id],
    },
    '',
  );
  await thankReview(colleague, draft.id, 'Loved the story about Acme');
  await db.signInLimit.createMany({
    data: [`email:${colleague.email}`, `pair:${colleague.email}|198.51.100.4`].map((key) => ({
      key,
      points: 2,
      expiresAt: new Date(Date.now() + 3_600_000),
    })),
  });
  await recordAudit(db, {
    actor: colleague,
    action: 'auth.sign_in',
    entityType: 'User',
    entityId: colleague.id,
    ip: '198.51.100.4',
  });
  return { team, leader, agent, colleague, admin, quote, customerName, reviewId: draft.id };
}

const snapshotsText = async (reviewId: string) =>
  JSON.stringify(
    (await db.reviewRevision.findMany({ where: { reviewId }, orderBy: { revision: 'asc' } })).map((r) => r.snapshot),
  );

describe('data rights', () => {
  it('an admin exports everything about a person as JSON, without the password hash; the export is audited; nobody else may', async () => {
    const s = await setup();
    const data = await exportPersonData(s.admin, s.agent.id);
    expect(data.account).toMatchObject({ id: s.agent.id, email: s.agent.email, signsInWithPassword: true });
    expect(JSON.stringify(data)).not.toContain('scrypt$');
    expect(data.quotesSubmitted.map((q) => q.id)).toEqual([s.quote.id]);
    expect(data.quoteCredits.map((c) => c.quote.id)).toEqual([s.quote.id]);
    const colleague = await exportPersonData(s.admin, s.colleague.id);
    expect(colleague.thanks.map((t) => t.note)).toEqual(['Loved the story about Acme']);
    expect(colleague.signInBudgets.map((b) => b.key)).toEqual([
      `email:${s.colleague.email}`,
      `pair:${s.colleague.email}|198.51.100.4`,
    ]);
    expect(colleague.audit.some((a) => a.action === 'auth.sign_in')).toBe(true);
    expect(
      await db.auditEvent.count({ where: { action: 'user.export_data', entityId: s.agent.id, actorId: s.admin.id } }),
    ).toBe(1);
    for (const actor of [s.leader, s.agent, s.colleague])
      await expect(exportPersonData(actor, s.agent.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('erasing replaces name and email, ends sign-in, anonymises credits in published editions and thanks, and scrubs the audit trail', async () => {
    const s = await setup();
    await expect(erasePerson(s.admin, s.agent.id, 'someone-else@example.test')).rejects.toBeInstanceOf(ValidationError);
    expect((await db.user.findUniqueOrThrow({ where: { id: s.agent.id } })).name).toBe(s.agent.name); // nothing changed
    await expect(erasePerson(s.admin, s.admin.id, s.admin.email)).rejects.toBeInstanceOf(ConflictError);
    await expect(erasePerson(s.leader, s.agent.id, s.agent.email)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshotsText(s.reviewId)).toContain(s.agent.name);

    const result = await erasePerson(s.admin, s.agent.id, s.agent.email.toUpperCase());
    expect(result.revisionsAnonymised).toBe(1);
    const agent = await db.user.findUniqueOrThrow({ where: { id: s.agent.id } });
    expect(agent).toMatchObject({
      name: ERASED_NAME,
      email: `erased-${s.agent.id}@erased.invalid`,
      passwordHash: null,
      active: false,
    });
    const snapshots = await snapshotsText(s.reviewId);
    expect(snapshots).not.toContain(s.agent.name);
    expect(snapshots).toContain(ERASED_NAME);
    // The quote and its credit stay with the team.
    expect(await db.quoteCredit.count({ where: { userId: s.agent.id } })).toBe(1);
    await expect(erasePerson(s.admin, s.agent.id, agent.email)).rejects.toThrow(/already been erased/);

    await erasePerson(s.admin, s.colleague.id, s.colleague.email);
    expect((await db.reviewThanks.findFirstOrThrow({ where: { userId: s.colleague.id } })).note).toBeNull();
    expect(await db.signInLimit.count({ where: { key: { contains: s.colleague.email } } })).toBe(0);
    for (const person of [s.agent, s.colleague]) {
      const [left] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "AuditEvent"
        WHERE coalesce("actorEmail", '') || coalesce(before::text, '') || coalesce(after::text, '') LIKE ${`%${person.email}%`}
           OR coalesce(before::text, '') || coalesce(after::text, '') LIKE ${`%${person.name}%`} OR ("actorId" = ${person.id} AND ip IS NOT NULL)`;
      expect(Number(left!.n)).toBe(0);
    }
    expect(
      await db.auditEvent.count({
        where: { action: 'user.erase', actorId: s.admin.id, entityId: { in: [s.agent.id, s.colleague.id] } },
      }),
    ).toBe(2);
  });

  it("removing a customer's name rewrites every published revision and adds a correction readers see, audited without the name", async () => {
    const s = await setup();
    expect(await snapshotsText(s.reviewId)).toContain(s.customerName);
    await expect(removeCustomerName(s.leader, s.quote.id)).rejects.toBeInstanceOf(ForbiddenError);

    expect(await removeCustomerName(s.admin, s.quote.id)).toEqual({ editionsCorrected: 1 });
    const quote = await db.quote.findUniqueOrThrow({ where: { id: s.quote.id } });
    expect(quote).toMatchObject({ customerName: null, attribution: 'ORGANISATION', customerOrganisation: 'Acme Ltd' });
    const revisions = await db.reviewRevision.findMany({
      where: { reviewId: s.reviewId },
      orderBy: { revision: 'asc' },
    });
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(revisions[1]!.note).toBe(NAME_REMOVED_NOTE);
    const text = await snapshotsText(s.reviewId);
    expect(text).not.toContain(s.customerName);
    expect(text).toContain('A customer at Acme Ltd');
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'quote.remove_customer_name', entityId: s.quote.id },
    });
    expect(JSON.stringify(audit)).not.toContain(s.customerName);
    const [left] = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "AuditEvent" WHERE coalesce(before::text, '') || coalesce(after::text, '') LIKE ${`%${s.customerName}%`}`;
    expect(Number(left!.n)).toBe(0);
    await expect(removeCustomerName(s.admin, s.quote.id)).rejects.toThrow(/names no customer/);
  });
});
