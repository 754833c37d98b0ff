import 'server-only';
import { db, type DbClient } from '../db';
import { recordAudit } from '../audit';
import { assertRole, assertSignedIn, hasRole, type Actor } from '../authz';
import { ForbiddenError, NotFoundError } from '../errors';
import { monthOf, monthRange } from '../dates/month';
import { unfeatureTx } from './erase';
import type { ProfileInput } from './schemas';

/** A profile as pages show it: the month they joined as "YYYY-MM". */
export type ProfileView = { title: string; bio: string; teamSince: string; updatedAt: Date };

const profileSelect = { title: true, bio: true, teamSince: true, updatedAt: true } as const;

function toView(row: { title: string; bio: string; teamSince: Date; updatedAt: Date }): ProfileView {
  return { title: row.title, bio: row.bio, teamSince: monthOf(row.teamSince), updatedAt: row.updatedAt };
}

const auditView = (p: ProfileView) => ({ title: p.title, bio: p.bio, teamSince: p.teamSince });

/** Profiles belong to people in a team (agents and leaders): they are who an edition features. */
function assertCanHaveProfile(actor: Actor): void {
  assertRole(actor, 'AGENT', 'LEADER');
  // Profiles are for members of a team; the one refusal wording, as everywhere.
  if (!actor.teamId) throw new ForbiddenError();
}

export async function getOwnProfile(actor: Actor): Promise<ProfileView | null> {
  assertCanHaveProfile(actor);
  const row = await db.teamProfile.findUnique({ where: { userId: actor.id }, select: profileSelect });
  return row ? toView(row) : null;
}

/** A person's profile for their page; null when they have not opted in. */
export async function readProfileUnchecked(client: DbClient, userId: string): Promise<ProfileView | null> {
  const row = await client.teamProfile.findUnique({ where: { userId }, select: profileSelect });
  return row ? toView(row) : null;
}

/**
 * Creates or updates `userId`'s profile. Only the person themself may: a profile is their own
 * words, shown because they agreed (the schema insists on the consent tick). Nobody else, not a
 * leader, not an admin, writes it for them.
 */
export async function saveProfile(actor: Actor, userId: string, input: ProfileInput): Promise<ProfileView> {
  assertCanHaveProfile(actor);
  if (userId !== actor.id) throw new ForbiddenError();
  const data = { title: input.title, bio: input.bio, teamSince: monthRange(input.teamSince).start };
  return db.$transaction(async (tx) => {
    const before = await tx.teamProfile.findUnique({ where: { userId }, select: profileSelect });
    const after = toView(
      await tx.teamProfile.upsert({
        where: { userId },
        create: { userId, ...data },
        update: data,
        select: profileSelect,
      }),
    );
    await recordAudit(tx, {
      actor,
      action: before ? 'profile.update' : 'profile.create',
      entityType: 'TeamProfile',
      entityId: userId,
      before: before ? auditView(toView(before)) : undefined,
      after: { ...auditView(after), consent: true },
    });
    return after;
  });
}

/**
 * Opting out: the profile row goes, and every edition that chose to feature the person forgets
 * them, so no later publish (or correction) can freeze them in. Revisions already published are
 * records of what readers got and are not rewritten. The person themself, or an admin on request.
 */
export async function removeProfile(actor: Actor, userId: string): Promise<void> {
  assertSignedIn(actor);
  if (userId !== actor.id && !hasRole(actor, 'ADMIN')) throw new ForbiddenError();
  await db.$transaction(async (tx) => {
    const before = await tx.teamProfile.findUnique({ where: { userId }, select: profileSelect });
    if (!before) throw new NotFoundError('There is no profile to remove.');
    await tx.teamProfile.delete({ where: { userId } });
    const editionsUpdated = await unfeatureTx(tx, userId);
    await recordAudit(tx, {
      actor,
      action: 'profile.remove',
      entityType: 'TeamProfile',
      entityId: userId,
      before: auditView(toView(before)),
      after: { byAdmin: userId !== actor.id, editionsUpdated },
    });
  });
}
