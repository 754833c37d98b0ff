import 'server-only';
import { z } from 'zod';
import { db, type Prisma, type DbClient } from './db';
import { assertRole, type Actor } from './authz';
import { log } from './log';
import { currentRequestId } from './request-id';

export type AuditInput = {
  actor: Pick<Actor, 'id' | 'email'> | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  /** For events without a signed-in actor (a failed sign-in): who it was about. */
  actorEmail?: string | null;
};

// JSON round-trip: Dates become ISO strings and undefined fields drop out, as Prisma's Json needs.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/** Call inside the same transaction as the change, so the change and its record commit together. */
export async function recordAudit(tx: DbClient, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actor?.id ?? null,
      actorEmail: input.actor?.email ?? input.actorEmail ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      before: toJson(input.before),
      after: toJson(input.after),
      ip: input.ip ?? null,
    },
  });
  // Sign-in events (succeeded, failed, throttled, signed out) also go to the log, where an
  // operator's alerting can watch them.
  if (input.action.startsWith('auth.')) {
    log.info(
      {
        event: input.action,
        requestId: await currentRequestId(),
        userId: input.actor?.id ?? null,
        email: input.actor?.email ?? input.actorEmail ?? null,
        ip: input.ip ?? null,
        detail: input.after ?? null,
      },
      'sign-in event',
    );
  }
}

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(200).optional().catch(undefined),
  entity: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

const PAGE_SIZE = 50;

export async function listAuditEvents(actor: Actor, filter: AuditFilter) {
  assertRole(actor, 'ADMIN');
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.actor
      ? {
          OR: [
            { actorId: filter.actor },
            { actorEmail: { contains: filter.actor.toLowerCase(), mode: 'insensitive' } },
          ],
        }
      : {}),
    ...(filter.entity ? { entityType: filter.entity } : {}),
  };
  const [events, total, entityTypes] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: { actor: { select: { id: true, name: true, email: true } } },
    }),
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ distinct: ['entityType'], select: { entityType: true }, orderBy: { entityType: 'asc' } }),
  ]);
  return {
    events,
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
}
