import 'server-only';
import { db, type Tx } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { NotFoundError, ValidationError } from '../errors';
import { dayString } from '../dates/day';
import { getManagedTeam, type TeamRef } from '../team-access';
import type { OutcomeInput, UpdateOutcomeInput } from './schemas';

const outcomeSelect = {
  id: true,
  teamId: true,
  kind: true,
  occurredOn: true,
  text: true,
  askId: true,
  reviewId: true,
  createdAt: true,
  recordedBy: { select: { name: true } },
  ask: { select: { title: true, department: { select: { name: true } } } },
  review: { select: { month: true } },
} as const;

const auditView = (o: {
  kind: string;
  occurredOn: Date;
  text: string;
  askId: string | null;
  reviewId: string | null;
}) => ({
  kind: o.kind,
  occurredOn: dayString(o.occurredOn),
  text: o.text,
  askId: o.askId,
  reviewId: o.reviewId,
});

/**
 * What an outcome may point at: the team's own asks, and the team's published editions (a draft
 * has not been read by anyone, so nothing came of it yet). Anything else is a field error.
 */
async function assertLinks(tx: Tx, teamId: string, input: { askId: string | null; reviewId: string | null }) {
  const errors: Record<string, string[]> = {};
  if (input.askId && !(await tx.ask.findFirst({ where: { id: input.askId, teamId }, select: { id: true } })))
    errors.askId = ['Choose one of this team’s asks, or none.'];
  if (
    input.reviewId &&
    !(await tx.review.findFirst({ where: { id: input.reviewId, teamId, status: 'PUBLISHED' }, select: { id: true } }))
  )
    errors.reviewId = ['Choose one of this team’s published editions, or none.'];
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** The outcomes page: the team's outcomes newest first, and what a new one may come from. */
export async function getOutcomesPage(actor: Actor, slug: string) {
  const team = await getManagedTeam(actor, slug);
  const [outcomes, asks, editions] = await Promise.all([
    db.outcome.findMany({
      where: { teamId: team.id, deletedAt: null },
      orderBy: [{ occurredOn: 'desc' }, { createdAt: 'desc' }],
      take: 500,
      select: outcomeSelect,
    }),
    db.ask.findMany({
      where: { teamId: team.id },
      orderBy: [{ createdAt: 'desc' }],
      take: 200,
      select: { id: true, title: true, department: { select: { name: true } }, review: { select: { month: true } } },
    }),
    db.review.findMany({
      where: { teamId: team.id, status: 'PUBLISHED' },
      orderBy: { month: 'desc' },
      take: 36,
      select: { id: true, month: true, title: true },
    }),
  ]);
  return { team, outcomes, asks, editions };
}

export type OutcomesPage = Awaited<ReturnType<typeof getOutcomesPage>>;

async function loadForManager(tx: Tx, team: TeamRef, outcomeId: string) {
  const outcome = await tx.outcome.findFirst({
    where: { id: outcomeId, teamId: team.id, deletedAt: null },
    select: outcomeSelect,
  });
  if (!outcome) throw new NotFoundError('No such outcome.');
  return outcome;
}

export async function getOutcomeForEdit(actor: Actor, slug: string, outcomeId: string) {
  const page = await getOutcomesPage(actor, slug);
  const outcome = page.outcomes.find((o) => o.id === outcomeId);
  if (!outcome) throw new NotFoundError('No such outcome.');
  return { ...page, outcome };
}

/** A leader of the team (or an admin) records something the organisation did. */
export async function createOutcome(actor: Actor, input: OutcomeInput) {
  const team = await getManagedTeam(actor, input.team);
  return db.$transaction(async (tx) => {
    await assertLinks(tx, team.id, input);
    const outcome = await tx.outcome.create({
      data: {
        teamId: team.id,
        kind: input.kind,
        occurredOn: input.occurredOn,
        text: input.text,
        askId: input.askId,
        reviewId: input.reviewId,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'outcome.create',
      entityType: 'Outcome',
      entityId: outcome.id,
      after: auditView(input),
    });
    return { id: outcome.id, team };
  });
}

export async function updateOutcome(actor: Actor, input: UpdateOutcomeInput) {
  const team = await getManagedTeam(actor, input.team);
  return db.$transaction(async (tx) => {
    const before = await loadForManager(tx, team, input.outcomeId);
    await assertLinks(tx, team.id, input);
    await tx.outcome.update({
      where: { id: before.id },
      data: {
        kind: input.kind,
        occurredOn: input.occurredOn,
        text: input.text,
        askId: input.askId,
        reviewId: input.reviewId,
      },
    });
    await recordAudit(tx, {
      actor,
      action: 'outcome.update',
      entityType: 'Outcome',
      entityId: before.id,
      before: auditView(before),
      after: auditView(input),
    });
    return { team };
  });
}

/** Removed outcomes leave every list, chart and future edition; published editions keep theirs. */
export async function deleteOutcome(actor: Actor, input: { team: string; outcomeId: string }) {
  const team = await getManagedTeam(actor, input.team);
  return db.$transaction(async (tx) => {
    const before = await loadForManager(tx, team, input.outcomeId);
    const deletedAt = new Date();
    await tx.outcome.update({ where: { id: before.id }, data: { deletedAt } });
    await recordAudit(tx, {
      actor,
      action: 'outcome.delete',
      entityType: 'Outcome',
      entityId: before.id,
      before: auditView(before),
      after: { deletedAt },
    });
    return { team };
  });
}
