import 'server-only';
import { db, type Prisma } from '../db';
import { recordAudit } from '../audit';
import { assertSignedIn, type Actor } from '../authz';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { AskStatus } from '../generated/prisma/enums';
import { assertCanManageTeam, canManageTeam, type TeamRef } from '../team-access';
import { isClosed, type AnswerInput, type AskFields } from './schemas';

/** An edition holds a handful of asks; more is a list nobody answers. */
export const MAX_ASKS_PER_EDITION = 12;

/** The acting user's department, read from the database like their role. */
export async function departmentOf(actor: Actor): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { departmentId: true } });
  return user?.departmentId ?? null;
}

/**
 * Who may answer: the people of the department it is addressed to, admins, and the leaders of
 * the team that asked. Pure, so pages (to show the form) and commands (to refuse) agree.
 */
export function canAnswerAsk(
  actor: Actor,
  actorDepartmentId: string | null,
  ask: { teamId: string; departmentId: string },
): boolean {
  if (!actor.active) return false;
  return canManageTeam(actor, ask.teamId) || (actorDepartmentId !== null && actorDepartmentId === ask.departmentId);
}

/** Every department, for the composer's "addressed to" and the asks page's filter. */
export async function listDepartmentOptions(actor: Actor) {
  assertSignedIn(actor);
  return db.department.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

const draftAskSelect = {
  id: true,
  title: true,
  details: true,
  status: true,
  answer: true,
  departmentId: true,
  department: { select: { name: true } },
} as const satisfies Prisma.AskSelect;

/** The asks an edition raises, for its composer. */
export async function listEditionAsks(actor: Actor, team: TeamRef, reviewId: string) {
  assertCanManageTeam(actor, team.id);
  return db.ask.findMany({
    where: { reviewId, teamId: team.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: draftAskSelect,
  });
}

async function assertDepartment(client: Prisma.TransactionClient, departmentId: string) {
  const found = await client.department.findUnique({ where: { id: departmentId }, select: { id: true } });
  if (!found) throw new ValidationError({ departmentId: ['Choose one of the departments listed.'] });
}

/**
 * Raises a tracked ask in the team's edition for `month`. Allowed on a published edition too: the
 * department sees it on the asks page at once, readers in the edition from the next correction.
 */
export async function createAsk(actor: Actor, team: TeamRef, month: string, fields: AskFields) {
  assertCanManageTeam(actor, team.id);
  const review = await db.review.findUnique({
    where: { teamId_month: { teamId: team.id, month } },
    select: { id: true, status: true },
  });
  if (!review) throw new NotFoundError('Start the edition first.');
  return db.$transaction(async (tx) => {
    await assertDepartment(tx, fields.departmentId);
    if ((await tx.ask.count({ where: { reviewId: review.id } })) >= MAX_ASKS_PER_EDITION)
      throw new ValidationError({
        title: [`An edition holds up to ${MAX_ASKS_PER_EDITION} tracked asks: remove one first.`],
      });
    const ask = await tx.ask.create({
      data: { teamId: team.id, reviewId: review.id, raisedById: actor.id, ...fields },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'ask.create',
      entityType: 'Ask',
      entityId: ask.id,
      after: { reviewId: review.id, month, published: review.status === 'PUBLISHED', ...fields },
    });
    return ask;
  });
}

/** The ask behind a composer edit, refused unless the actor manages its team and it is a draft's. */
async function loadDraftAsk(actor: Actor, askId: string) {
  const ask = await db.ask.findUnique({
    where: { id: askId },
    select: {
      id: true,
      teamId: true,
      title: true,
      departmentId: true,
      details: true,
      review: { select: { status: true, month: true, team: { select: { slug: true } } } },
    },
  });
  if (!ask) throw new NotFoundError('That ask no longer exists.');
  assertCanManageTeam(actor, ask.teamId);
  if (ask.review.status === 'PUBLISHED')
    throw new ConflictError(
      'This edition is published: its asks keep their title and department, so readers and answers stay in step. Add a new ask instead.',
    );
  return ask;
}

export async function updateAsk(actor: Actor, askId: string, fields: AskFields) {
  const ask = await loadDraftAsk(actor, askId);
  await db.$transaction(async (tx) => {
    await assertDepartment(tx, fields.departmentId);
    await tx.ask.update({ where: { id: ask.id }, data: fields });
    await recordAudit(tx, {
      actor,
      action: 'ask.update',
      entityType: 'Ask',
      entityId: ask.id,
      before: { title: ask.title, departmentId: ask.departmentId, details: ask.details },
      after: fields,
    });
  });
  return { slug: ask.review.team.slug, month: ask.review.month };
}

export async function removeAsk(actor: Actor, askId: string) {
  const ask = await loadDraftAsk(actor, askId);
  await db.$transaction(async (tx) => {
    await tx.ask.delete({ where: { id: ask.id } });
    await recordAudit(tx, {
      actor,
      action: 'ask.remove',
      entityType: 'Ask',
      entityId: ask.id,
      before: { title: ask.title, departmentId: ask.departmentId, details: ask.details },
    });
  });
  return { slug: ask.review.team.slug, month: ask.review.month };
}

/** Someone answered between this form being shown and sent; nothing of this answer was saved. */
export class AskConflictError extends ConflictError {
  constructor(readonly latest: { status: AskStatus; answer: string | null; by: string | null; seen: string }) {
    super(
      `${latest.by ?? 'Someone'} answered this ask while you were writing: it is now “${latest.status.replace('_', ' ').toLowerCase()}”${latest.answer ? ` with “${latest.answer}”` : ''}. Nothing of yours was saved and your note is still here: read theirs, then send yours again if it still applies.`,
    );
  }
}

/**
 * Sets an ask's status with a note. Refused (typed error, nothing changed) for anyone but the
 * department's people, admins and the team's leaders; asks of an unpublished edition do not exist
 * for anyone but the team's leaders and admins. A conditional update on `updatedAt` keeps two
 * answerers from overwriting each other.
 */
export async function answerAsk(actor: Actor, input: AnswerInput) {
  assertSignedIn(actor);
  const ask = await db.ask.findUnique({
    where: { id: input.askId },
    select: {
      id: true,
      teamId: true,
      departmentId: true,
      status: true,
      answer: true,
      closedAt: true,
      updatedAt: true,
      review: { select: { status: true, month: true, team: { select: { slug: true } } } },
    },
  });
  if (!ask) throw new NotFoundError('That ask no longer exists.');
  if (ask.review.status !== 'PUBLISHED') {
    if (!canManageTeam(actor, ask.teamId)) throw new NotFoundError('That ask no longer exists.');
    throw new ConflictError('Publish the edition first: its asks are answered once the departments can read them.');
  }
  if (!canAnswerAsk(actor, await departmentOf(actor), ask)) throw new ForbiddenError();
  const seen = new Date(input.seen);
  const now = new Date();
  // Closing stamps the day it closed (what "You asked, we did" counts from); reopening clears it.
  const closedAt = isClosed(input.status) ? (input.status === ask.status ? ask.closedAt : now) : null;
  return db.$transaction(async (tx) => {
    const updated = Number.isNaN(seen.getTime())
      ? { count: 0 }
      : await tx.ask.updateMany({
          where: { id: ask.id, updatedAt: seen },
          data: { status: input.status, answer: input.answer, answeredById: actor.id, answeredAt: now, closedAt },
        });
    if (updated.count !== 1) {
      const latest = await tx.ask.findUniqueOrThrow({
        where: { id: ask.id },
        select: { status: true, answer: true, updatedAt: true, answeredBy: { select: { name: true } } },
      });
      throw new AskConflictError({
        status: latest.status,
        answer: latest.answer,
        by: latest.answeredBy?.name ?? null,
        seen: latest.updatedAt.toISOString(),
      });
    }
    await recordAudit(tx, {
      actor,
      action: 'ask.answer',
      entityType: 'Ask',
      entityId: ask.id,
      before: { status: ask.status, answer: ask.answer },
      after: { status: input.status, answer: input.answer, closed: closedAt !== null },
    });
    return { slug: ask.review.team.slug, month: ask.review.month };
  });
}
