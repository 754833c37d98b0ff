import 'server-only';
import { db } from '../db';
import { recentlyUsed } from '../recent';
import { recordAudit } from '../audit';
import { ROLE_LABELS, hasRole, type Actor, assertSignedIn } from '../authz';
import { ForbiddenError, NotFoundError } from '../errors';
import { canManageTeam, findTeamBySlug, type TeamRef } from '../team-access';
import { canSeeReach } from './reach';
import { loadDepartmentGroupsUnchecked } from '../departments/groups';
import type { EditionSnapshot } from '../editions/content';

/** The team itself (its agents and leaders) and admins see readership and every note. */
export function canSeeReadership(actor: Actor, teamId: string): boolean {
  return hasRole(actor, 'ADMIN') || (hasRole(actor, 'LEADER', 'AGENT') && actor.teamId === teamId);
}

/** Every published edition, newest month first, then by team. */
export async function listArchive(actor: Actor) {
  assertSignedIn(actor);
  const reviews = await db.review.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ month: 'desc' }, { team: { name: 'asc' } }],
    select: {
      id: true,
      month: true,
      kind: true,
      publishedAt: true,
      team: { select: { name: true, slug: true } },
      revisions: {
        orderBy: { revision: 'desc' },
        take: 1,
        select: { revision: true, snapshot: true, createdAt: true },
      },
      _count: { select: { thanks: true } },
    },
  });
  return reviews.map((r) => {
    const latest = r.revisions[0];
    return {
      id: r.id,
      month: r.month,
      kind: r.kind,
      team: r.team,
      title: (latest?.snapshot as EditionSnapshot | undefined)?.title ?? '',
      publishedAt: r.publishedAt,
      updated: (latest?.revision ?? 1) > 1,
      thanks: r._count.thanks,
    };
  });
}

// A revision's snapshot never changes: a correction is a new revision. So snapshots are kept by
// (review, revision) — parsed, ready to render — and every instance of the app can keep its own
// without ever serving a stale one: the revision number read on each request names the one to show.
const snapshots = recentlyUsed<EditionSnapshot>(100);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * A revision's snapshot, frozen and kept. `updatedAt` is part of the key: erasure and a customer's
 * name being withdrawn rewrite published snapshots in place (lib/privacy), and the rewritten one
 * must be what every reader sees from then on.
 */
export async function revisionSnapshot(reviewId: string, revision: number, updatedAt: Date): Promise<EditionSnapshot> {
  const key = `${reviewId}:${revision}:${updatedAt.getTime()}`;
  const kept = snapshots.get(key);
  if (kept) return kept;
  const row = await db.reviewRevision.findUniqueOrThrow({
    where: { reviewId_revision: { reviewId, revision } },
    select: { snapshot: true },
  });
  // Shared by every request from now on: frozen, so no render can change it for the next reader.
  return snapshots.set(key, deepFreeze(row.snapshot) as EditionSnapshot);
}

/**
 * What a published edition's page shows one reader besides the edition itself — their thanks,
 * their email choice — read with the edition in the same query (`readerSelect`).
 */
function readerSelect(actor: Actor) {
  return {
    views: { where: { userId: actor.id }, select: { userId: true }, take: 1 },
    thanks: { where: { userId: actor.id }, select: { note: true, createdAt: true }, take: 1 },
    team: {
      select: {
        id: true,
        name: true,
        slug: true,
        reviewEmailOptOuts: { where: { userId: actor.id }, select: { userId: true }, take: 1 },
        reviewEmailAddressOptOuts: { where: { email: actor.email.toLowerCase() }, select: { email: true }, take: 1 },
      },
    },
  } as const;
}

type ReaderRows = {
  id: string;
  views: unknown[];
  thanks: { note: string | null; createdAt: Date }[];
  team: TeamRef & { reviewEmailOptOuts: unknown[]; reviewEmailAddressOptOuts: unknown[] };
};

/** The reader's part, and — for the team and admins — the readership. Never names other readers to anyone outside the team. */
async function readerState(actor: Actor, review: ReaderRows) {
  const team = { id: review.team.id, name: review.team.name, slug: review.team.slug };
  return {
    id: review.id,
    team,
    myThanks: review.thanks[0] ?? null,
    viewed: review.views.length > 0,
    optedOut: review.team.reviewEmailOptOuts.length + review.team.reviewEmailAddressOptOuts.length > 0,
    readership: canSeeReadership(actor, team.id) ? await readershipFor(actor, review.id) : null,
    canModerate: canManageTeam(actor, team.id),
    reachHref: canSeeReach(actor, team.id) ? `/reviews/${team.slug}/reach` : null,
  };
}

/**
 * A published edition for any signed-in reader, with its revision history. The page records the
 * view with recordEditionView once it has been sent.
 */
export async function readEdition(actor: Actor, slug: string, month: string) {
  assertSignedIn(actor);
  const review = await db.review.findFirst({
    where: { team: { slug }, month },
    select: {
      id: true,
      status: true,
      publishedAt: true,
      revisions: {
        orderBy: { revision: 'desc' },
        select: { revision: true, note: true, createdAt: true, updatedAt: true },
      },
      ...readerSelect(actor),
    },
  });
  const latest = review?.revisions[0];
  if (!review || review.status !== 'PUBLISHED' || !latest)
    throw new NotFoundError('This edition has not been published.');
  const [snapshot, state] = await Promise.all([
    revisionSnapshot(review.id, latest.revision, latest.updatedAt),
    readerState(actor, review),
  ]);
  return {
    ...state,
    month,
    publishedAt: review.publishedAt,
    snapshot,
    revision: latest.revision,
    history: review.revisions.map((r) => ({ revision: r.revision, note: r.note, at: r.createdAt })),
  };
}

/**
 * The reader's part of a published edition's page, for the page the proxy's gate serves from the
 * per-version cache (lib/readership/edition-cache.ts), which cannot know who reads it. Counts the
 * reader, as the dynamic page does after sending itself.
 */
export async function readEditionReaderState(actor: Actor, reviewId: string) {
  assertSignedIn(actor);
  const review = await db.review.findUnique({
    where: { id: reviewId },
    select: { id: true, status: true, ...readerSelect(actor) },
  });
  if (!review || review.status !== 'PUBLISHED') throw new NotFoundError('This edition has not been published.');
  const state = await readerState(actor, review);
  await recordEditionView(actor, state);
  return state;
}

/** Who wrote an edition: whoever published a revision of it or saved it last. */
async function authorIds(reviewId: string): Promise<Set<string>> {
  const [revisions, review] = await Promise.all([
    db.reviewRevision.findMany({ where: { reviewId }, select: { publishedById: true } }),
    db.review.findUnique({ where: { id: reviewId }, select: { updatedById: true } }),
  ]);
  return new Set(
    [...revisions.map((r) => r.publishedById), review?.updatedById].filter((id): id is string => Boolean(id)),
  );
}

/**
 * A reader's first view of an edition counts them as a reader; later views change nothing. The
 * edition's own authors checking their work are not readers.
 */
export async function recordEditionView(
  actor: Actor,
  edition: { id: string; team: { id: string }; viewed?: boolean },
): Promise<void> {
  // Most page views are readers coming back: counted already, nothing to write.
  if (edition.viewed) return;
  if ((await authorIds(edition.id)).has(actor.id)) return;
  await db.reviewView.createMany({
    data: [{ reviewId: edition.id, userId: actor.id, teamId: edition.team.id }],
    skipDuplicates: true,
  });
}

/**
 * Unique readers, readers by department, team and role, thanks by department, and the thanks notes
 * (hidden ones only for managers).
 */
export async function readershipFor(actor: Actor, reviewId: string) {
  const review = await db.review.findUnique({ where: { id: reviewId }, select: { teamId: true } });
  // Refuse the same way whether or not the edition exists, so ids cannot be probed.
  if (!review || !canSeeReadership(actor, review.teamId)) throw new ForbiddenError();
  const includeHidden = canManageTeam(actor, review.teamId);
  // Views recorded before authors were left out are left out here too.
  const authors = [...(await authorIds(reviewId))];
  const views = await db.reviewView.findMany({
    where: { reviewId, userId: { notIn: authors } },
    select: {
      user: { select: { role: true, team: { select: { name: true } }, departmentId: true } },
    },
  });
  // Departments of fewer than three people count under "Other departments".
  const groups = await loadDepartmentGroupsUnchecked();
  const departmentOf = (u: { departmentId: string | null }) => groups.of(u.departmentId);
  const count = (keys: string[]) =>
    [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())]
      .map(([label, n]) => ({ label, count: n }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const thanks = await db.reviewThanks.findMany({
    where: { reviewId, ...(includeHidden ? {} : { hiddenAt: null }) },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      note: true,
      createdAt: true,
      hiddenAt: true,
      user: {
        select: {
          name: true,
          role: true,
          departmentId: true,
          team: { select: { name: true } },
          department: { select: { name: true } },
        },
      },
    },
  });
  const shownThanks = thanks.filter((t) => !t.hiddenAt);
  return {
    readers: views.length,
    byDepartment: count(views.map((v) => departmentOf(v.user))),
    thanksByDepartment: count(shownThanks.map((t) => departmentOf(t.user))),
    byTeam: count(views.map((v) => v.user.team?.name ?? 'No team')),
    byRole: count(views.map((v) => ROLE_LABELS[v.user.role])),
    thanksCount: shownThanks.length,
    notes: thanks.map((t) => ({
      id: t.id,
      note: t.note,
      at: t.createdAt,
      hidden: Boolean(t.hiddenAt),
      by: t.user.name,
      role: ROLE_LABELS[t.user.role],
      team: t.user.team?.name ?? null,
      department: t.user.department?.name ?? null,
    })),
  };
}

/** One click says thanks; saying it again with a note updates the note. */
export async function thankReview(actor: Actor, reviewId: string, note: string) {
  assertSignedIn(actor);
  const review = await db.review.findUnique({
    where: { id: reviewId },
    select: { id: true, teamId: true, status: true, month: true, team: { select: { slug: true } } },
  });
  if (!review || review.status !== 'PUBLISHED') throw new NotFoundError('This edition has not been published.');
  await db.$transaction(async (tx) => {
    const thanks = await tx.reviewThanks.upsert({
      where: { reviewId_userId: { reviewId, userId: actor.id } },
      create: { reviewId, userId: actor.id, teamId: review.teamId, note: note || null },
      update: note ? { note } : {},
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'review.thanks',
      entityType: 'ReviewThanks',
      entityId: thanks.id,
      after: { reviewId, note: note || null },
    });
  });
  return review;
}

/** A leader of the team (or an admin) hides an inappropriate note; audited with the words hidden. */
export async function hideThanks(actor: Actor, thanksId: string) {
  const thanks = await db.reviewThanks.findUnique({
    where: { id: thanksId },
    select: {
      id: true,
      teamId: true,
      note: true,
      hiddenAt: true,
      review: { select: { month: true, team: { select: { slug: true } } } },
    },
  });
  if (!thanks) throw new NotFoundError('No such note.');
  if (!canManageTeam(actor, thanks.teamId)) throw new ForbiddenError();
  if (thanks.hiddenAt) return thanks.review;
  await db.$transaction(async (tx) => {
    await tx.reviewThanks.update({ where: { id: thanks.id }, data: { hiddenAt: new Date(), hiddenById: actor.id } });
    await recordAudit(tx, {
      actor,
      action: 'review.thanks.hide',
      entityType: 'ReviewThanks',
      entityId: thanks.id,
      before: { note: thanks.note, hidden: false },
      after: { hidden: true },
    });
  });
  return thanks.review;
}

export async function setEmailOptOut(actor: Actor, slug: string, optOut: boolean) {
  assertSignedIn(actor);
  const team = await findTeamBySlug(slug);
  await db.$transaction(async (tx) => {
    if (optOut)
      await tx.reviewEmailOptOut.createMany({ data: [{ userId: actor.id, teamId: team.id }], skipDuplicates: true });
    else {
      await tx.reviewEmailOptOut.deleteMany({ where: { userId: actor.id, teamId: team.id } });
      // An unsubscribe from an email's link is stored by address: signing in and asking again undoes it.
      await tx.reviewEmailAddressOptOut.deleteMany({ where: { teamId: team.id, email: actor.email.toLowerCase() } });
    }
    await recordAudit(tx, {
      actor,
      action: optOut ? 'review.email.opt_out' : 'review.email.opt_in',
      entityType: 'Team',
      entityId: team.id,
    });
  });
  return team;
}
