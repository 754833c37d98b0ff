import 'server-only';
import { db, type Prisma, type Tx } from '../db';
import { assertRole, type Actor } from '../authz';
import { recordAudit } from '../audit';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { EditionSnapshot } from '../editions/content';
import { anonymiseCredits, ERASED_NAME, jsonText } from './snapshots';
import { eraseProfileTx } from '../profiles/erase';
import { replaceAddressEverywhere } from './columns';

export const ERASED_DOMAIN = 'erased.invalid';

export type EraseResult = {
  userId: string;
  revisionsAnonymised: number;
  thanksAnonymised: number;
  auditEventsScrubbed: number;
  /** Rows whose copy of the address was replaced by the pseudonym, by table and column. */
  addressesReplaced: Record<string, number>;
};

/**
 * Erases a person on request, in one transaction: name and email replaced, password removed and
 * the account deactivated (every session ends at its next request: the role and active flag are
 * read from the database each time), thanks notes cleared (in the audit trail too), credits in
 * published editions anonymised, sign-in attempts deleted, their address taken off every
 * distribution list, and their name and addresses scrubbed from the audit trail. Last, their email
 * address is replaced by the pseudonym in every text and JSON column of the database (recipient
 * records, opt-outs, errors, queued jobs, whatever table holds one), so no copy is left anywhere.
 * Quotes, wins and figures stay: they are the team's, now credited to nobody.
 * `lib/privacy/erase.test.ts` fills every table and scans the whole database afterwards.
 */
export async function erasePerson(actor: Actor, userId: string, confirmEmail: string): Promise<EraseResult> {
  assertRole(actor, 'ADMIN');
  if (userId === actor.id) throw new ConflictError('You cannot erase yourself: ask another admin.');
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true } });
  if (!user) throw new NotFoundError('No such user.');
  if (user.email.endsWith(`@${ERASED_DOMAIN}`)) throw new ConflictError('This person has already been erased.');
  if (confirmEmail.trim().toLowerCase() !== user.email)
    throw new ValidationError({ confirmEmail: [`Type ${user.email} to confirm.`] });
  const erasedEmail = `erased-${user.id}@${ERASED_DOMAIN}`;

  return db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: {
        name: ERASED_NAME,
        email: erasedEmail,
        passwordHash: null,
        active: false,
        passwordChangeRequired: false,
        lastSignInAt: null,
      },
    });
    // Sign-in budgets are keyed by email (lib/throttle.ts): the address stays in none of them.
    await tx.signInLimit.deleteMany({
      where: { OR: [{ key: `email:${user.email}` }, { key: { startsWith: `pair:${user.email}|` } }] },
    });
    await eraseProfileTx(tx, user.id);
    const thanked = await tx.reviewThanks.findMany({ where: { userId: user.id }, select: { id: true } });
    const thanks = await tx.reviewThanks.updateMany({
      where: { userId: user.id, note: { not: null } },
      data: { note: null },
    });
    // Every note they wrote, even one they later took back, was recorded as written ("review.thanks")
    // and maybe as hidden ("…hide").
    if (thanked.length)
      await tx.$executeRaw`
        UPDATE "AuditEvent" SET
          before = CASE WHEN before ? 'note' THEN jsonb_set(before, '{note}', 'null') ELSE before END,
          after = CASE WHEN after ? 'note' THEN jsonb_set(after, '{note}', 'null') ELSE after END
        WHERE "entityType" = 'ReviewThanks' AND "entityId" = ANY(${thanked.map((t) => t.id)})`;

    // No edition email goes to them again through a team's distribution list (stored lower-cased,
    // one address a line, by lib/publishing/schemas.ts).
    await tx.$executeRaw`
      UPDATE "Review" SET distribution = array_to_string(array_remove(string_to_array(distribution, E'\n'), ${user.email}), E'\n')
      WHERE ${user.email} = ANY(string_to_array(distribution, E'\n'))`;

    // Asks they raised or answered stay (the team's and the department's work), linked to nobody.
    await tx.ask.updateMany({ where: { raisedById: user.id }, data: { raisedById: null } });
    await tx.ask.updateMany({ where: { answeredById: user.id }, data: { answeredById: null } });

    // Published editions froze the person's name into their credits.
    const revisions = await tx.$queryRaw<{ id: string; snapshot: EditionSnapshot }[]>`
      SELECT id, snapshot FROM "ReviewRevision" WHERE snapshot::text LIKE ${`%${user.id}%`} OR snapshot::text LIKE ${`%${jsonText(user.name)}%`}`;
    let revisionsAnonymised = 0;
    for (const revision of revisions) {
      const next = anonymiseCredits(revision.snapshot, user.id, user.name);
      if (JSON.stringify(next) === JSON.stringify(revision.snapshot)) continue;
      await tx.reviewRevision.update({
        where: { id: revision.id },
        data: { snapshot: next as unknown as Prisma.InputJsonValue },
      });
      revisionsAnonymised++;
    }

    // The audit trail keeps what happened, not who it was: their email, name and addresses go.
    const scrubbed = await tx.$executeRaw`
      UPDATE "AuditEvent" SET
        "actorEmail" = CASE WHEN "actorEmail" = ${user.email} THEN ${erasedEmail} ELSE "actorEmail" END,
        ip = CASE WHEN "actorId" = ${user.id} OR "actorEmail" = ${user.email} THEN NULL ELSE ip END,
        before = replace(replace(before::text, ${jsonText(user.email)}, ${erasedEmail}), ${`"${jsonText(user.name)}"`}, ${`"${ERASED_NAME}"`})::jsonb,
        after = replace(replace(after::text, ${jsonText(user.email)}, ${erasedEmail}), ${`"${jsonText(user.name)}"`}, ${`"${ERASED_NAME}"`})::jsonb
      WHERE "actorId" = ${user.id} OR "actorEmail" = ${user.email} OR before::text LIKE ${`%${jsonText(user.email)}%`} OR after::text LIKE ${`%${jsonText(user.email)}%`}
        OR ("entityType" = 'User' AND "entityId" = ${user.id})`;

    await dropUnsentRecipientsTx(tx, user.email);
    // Everything else that copied the address: edition email recipients, unsubscribes by link,
    // errors, and any table added later (found in the catalogue, so nothing needs listing here).
    const addressesReplaced = await replaceAddressEverywhere(tx, user.email, erasedEmail);

    await recordAudit(tx, {
      actor,
      action: 'user.erase',
      entityType: 'User',
      entityId: user.id,
      after: { revisionsAnonymised, thanksAnonymised: thanks.count, addressesReplaced },
    });
    return {
      userId: user.id,
      revisionsAnonymised,
      thanksAnonymised: thanks.count,
      auditEventsScrubbed: scrubbed,
      addressesReplaced,
    };
  });
}

/**
 * Recipient records of messages not yet sent to the address are dropped, so no retry sends to the
 * pseudonym; sent ones stay (pseudonymised below) as the record of what went out. The one place
 * for recipient and send-record tables: a new one adds its "not yet sent" rows here.
 */
async function dropUnsentRecipientsTx(tx: Tx, address: string): Promise<void> {
  await tx.reviewEmailRecipient.deleteMany({ where: { address, sentAt: null } });
}
