import 'server-only';
import { db, type Prisma } from '../db';
import { assertRole, type Actor } from '../authz';
import { recordAudit } from '../audit';
import { ConflictError, NotFoundError } from '../errors';
import { citeFor } from '../quotes/attribution';
import type { EditionSnapshot } from '../editions/content';
import { jsonText, recite } from './snapshots';

export const NAME_REMOVED_NOTE = 'A customer’s name was removed at their request.';

/** Quotes that name a customer, for the admin looking for one person's quotes. */
export async function findNamedQuotes(actor: Actor, customer: string) {
  assertRole(actor, 'ADMIN');
  const term = customer.trim();
  if (term.length < 2) return [];
  return db.quote.findMany({
    where: { customerName: { contains: term, mode: 'insensitive' } },
    orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
    take: 50,
    select: {
      id: true,
      text: true,
      customerName: true,
      customerOrganisation: true,
      receivedOn: true,
      team: { select: { name: true } },
      _count: { select: { featuredIn: true } },
    },
  });
}

/**
 * Removes a customer's name from a quote on their request: the quote keeps its words and, when
 * there is one, the organisation. Every published revision that showed the name is rewritten, and
 * each such edition gets a correction revision saying so, so readers see it changed; the audit
 * event records which editions, never the name.
 */
export async function removeCustomerName(actor: Actor, quoteId: string): Promise<{ editionsCorrected: number }> {
  assertRole(actor, 'ADMIN');
  const quote = await db.quote.findUnique({
    where: { id: quoteId },
    select: { id: true, customerName: true, customerOrganisation: true, attribution: true },
  });
  if (!quote) throw new NotFoundError('No such quote.');
  if (!quote.customerName) throw new ConflictError('This quote names no customer.');
  const name = quote.customerName;
  const attribution = quote.customerOrganisation ? ('ORGANISATION' as const) : ('ANONYMOUS' as const);
  const cite = citeFor({ attribution, customerName: null, customerOrganisation: quote.customerOrganisation });

  return db.$transaction(async (tx) => {
    await tx.quote.update({ where: { id: quote.id }, data: { customerName: null, attribution } });
    const revisions = await tx.$queryRaw<
      { id: string; reviewId: string; teamId: string; revision: number; snapshot: EditionSnapshot }[]
    >`
      SELECT id, "reviewId", "teamId", revision, snapshot FROM "ReviewRevision" WHERE snapshot::text LIKE ${`%${quote.id}%`} ORDER BY "reviewId", revision`;
    const latest = new Map<string, (typeof revisions)[number]>();
    for (const revision of revisions) {
      if (!revision.snapshot.content.quotes.some((q) => q.id === quote.id && q.cite !== cite)) continue;
      const fixed = recite(revision.snapshot, quote.id, cite);
      await tx.reviewRevision.update({
        where: { id: revision.id },
        data: { snapshot: fixed as unknown as Prisma.InputJsonValue },
      });
      latest.set(revision.reviewId, { ...revision, snapshot: fixed });
    }
    const corrected: string[] = [];
    for (const revision of latest.values()) {
      const last = await tx.reviewRevision.findFirstOrThrow({
        where: { reviewId: revision.reviewId },
        orderBy: { revision: 'desc' },
        select: { revision: true, snapshot: true },
      });
      await tx.reviewRevision.create({
        data: {
          teamId: revision.teamId,
          reviewId: revision.reviewId,
          revision: last.revision + 1,
          note: NAME_REMOVED_NOTE,
          snapshot: recite(
            last.snapshot as unknown as EditionSnapshot,
            quote.id,
            cite,
          ) as unknown as Prisma.InputJsonValue,
          publishedById: actor.id,
        },
      });
      corrected.push(revision.reviewId);
    }
    // Earlier audit records of the quote carried the name in their before/after.
    await tx.$executeRaw`
      UPDATE "AuditEvent" SET before = replace(before::text, ${`"${jsonText(name)}"`}, '"[removed]"')::jsonb, after = replace(after::text, ${`"${jsonText(name)}"`}, '"[removed]"')::jsonb
      WHERE "entityType" = 'Quote' AND "entityId" = ${quote.id}`;
    await recordAudit(tx, {
      actor,
      action: 'quote.remove_customer_name',
      entityType: 'Quote',
      entityId: quote.id,
      before: { attribution: quote.attribution },
      after: { attribution, editionsCorrected: corrected },
    });
    return { editionsCorrected: corrected.length };
  });
}
