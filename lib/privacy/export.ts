import 'server-only';
import { db } from '../db';
import { assertRole, type Actor } from '../authz';
import { recordAudit } from '../audit';
import { NotFoundError } from '../errors';
import { findAddressEverywhere } from './columns';

/**
 * Everything the product holds about one person, for a subject-access request: their account
 * (never the password hash), what they wrote, what credits them, what they read and thanked, what
 * they changed, and the audit trail by or about them. The export itself is audited.
 */
export async function exportPersonData(actor: Actor, userId: string) {
  assertRole(actor, 'ADMIN');
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      passwordChangeRequired: true,
      passwordHash: true,
      lastSignInAt: true,
      createdAt: true,
      updatedAt: true,
      team: { select: { id: true, name: true, slug: true } },
      department: { select: { id: true, name: true } },
    },
  });
  if (!user) throw new NotFoundError('No such user.');
  const { passwordHash, ...account } = user;
  const [
    quotesSubmitted,
    quotesModerated,
    quoteCredits,
    winsRecorded,
    winCredits,
    projectsOwned,
    projectsCreated,
    projectUpdates,
    readership,
    thanks,
    emailOptOuts,
    monthFiguresSaved,
    apiTokens,
    revisionsPublished,
    signInBudgets,
    audit,
    asks,
  ] = await Promise.all([
    db.quote.findMany({
      where: { submitterId: userId },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        teamId: true,
        text: true,
        attribution: true,
        customerName: true,
        customerOrganisation: true,
        channel: true,
        receivedOn: true,
        sourceReference: true,
        status: true,
        moderationNote: true,
        createdAt: true,
      },
    }),
    db.quote.findMany({
      where: { moderatorId: userId },
      orderBy: { moderatedAt: 'asc' },
      select: { id: true, status: true, moderationNote: true, moderatedAt: true },
    }),
    db.quoteCredit.findMany({
      where: { userId },
      select: { createdAt: true, quote: { select: { id: true, text: true, receivedOn: true, status: true } } },
    }),
    db.win.findMany({
      where: { recordedById: userId },
      select: { id: true, teamId: true, title: true, story: true, occurredOn: true, deletedAt: true, createdAt: true },
    }),
    db.winCredit.findMany({
      where: { userId },
      select: { createdAt: true, win: { select: { id: true, title: true, occurredOn: true } } },
    }),
    db.project.findMany({ where: { ownerId: userId }, select: { id: true, name: true, status: true } }),
    db.project.findMany({ where: { createdById: userId }, select: { id: true, name: true, createdAt: true } }),
    db.projectUpdate.findMany({
      where: { authorId: userId },
      select: { id: true, projectId: true, postedOn: true, body: true },
    }),
    db.reviewView.findMany({
      where: { userId },
      select: { createdAt: true, review: { select: { id: true, month: true, team: { select: { slug: true } } } } },
    }),
    db.reviewThanks.findMany({
      where: { userId },
      select: {
        id: true,
        note: true,
        hiddenAt: true,
        createdAt: true,
        review: { select: { id: true, month: true, team: { select: { slug: true } } } },
      },
    }),
    db.reviewEmailOptOut.findMany({ where: { userId }, select: { createdAt: true, team: { select: { slug: true } } } }),
    db.monthFigures.findMany({
      where: { updatedById: userId },
      select: { teamId: true, month: true, version: true, updatedAt: true },
    }),
    db.apiToken.findMany({
      where: { createdById: userId },
      select: { id: true, teamId: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    }),
    db.reviewRevision.findMany({
      where: { publishedById: userId },
      select: { reviewId: true, revision: true, note: true, createdAt: true },
    }),
    // Sign-in attempts themselves are audit events (below); these are the live throttle budgets.
    db.signInLimit.findMany({
      where: { OR: [{ key: `email:${user.email}` }, { key: { startsWith: `pair:${user.email}|` } }] },
      orderBy: { key: 'asc' },
      select: { key: true, points: true, expiresAt: true },
    }),
    db.auditEvent.findMany({
      where: { OR: [{ actorId: userId }, { actorEmail: user.email }, { entityType: 'User', entityId: userId }] },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        ip: true,
        createdAt: true,
        actorId: true,
      },
    }),
    // Tracked asks they raised in an edition or answered for their department.
    db.ask.findMany({
      where: { OR: [{ raisedById: userId }, { answeredById: userId }] },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        teamId: true,
        title: true,
        details: true,
        status: true,
        answer: true,
        answeredAt: true,
        createdAt: true,
        raisedById: true,
        answeredById: true,
        department: { select: { name: true } },
        review: { select: { month: true } },
      },
    }),
  ]);
  // Their "Meet the team" profile, while they opt in.
  const profile = await db.teamProfile.findUnique({
    where: { userId },
    select: { title: true, bio: true, teamSince: true, createdAt: true, updatedAt: true },
  });
  const more = await exportByAddressAndAuthorship(userId, user.email);
  await recordAudit(db, { actor, action: 'user.export_data', entityType: 'User', entityId: userId });
  return {
    exportedAt: new Date().toISOString(),
    account: { ...account, signsInWithPassword: passwordHash !== null },
    profile,
    quotesSubmitted,
    quotesModerated,
    quoteCredits,
    winsRecorded,
    winCredits,
    projectsOwned,
    projectsCreated,
    projectUpdates,
    readership,
    thanks,
    emailOptOuts,
    monthFiguresSaved,
    apiTokens,
    revisionsPublished,
    signInBudgets,
    audit,
    ...more,
    asks: asks.map(({ raisedById, answeredById, ...ask }) => ({
      ...ask,
      raised: raisedById === userId,
      answered: answeredById === userId,
    })),
  };
}

const team = { select: { slug: true } } as const;

/**
 * What holds their address rather than their id (edition emails sent to them, unsubscribes made by
 * the link in an email, distribution lists naming them), and what they set up for a team.
 * `addressElsewhere` lists every other column of the database that holds their address, so a
 * table added later is reported even before it has its own section here.
 */
async function exportByAddressAndAuthorship(userId: string, email: string) {
  const [
    emailsDelivered,
    unsubscribesByLink,
    distributionLists,
    destinationsCreated,
    outcomesRecorded,
    importMappingsSaved,
    figureSourcesSaved,
    editionsEdited,
    winsDeleted,
    thanksHidden,
    addressElsewhere,
  ] = await Promise.all([
    db.reviewEmailRecipient.findMany({
      where: { address: email },
      orderBy: { createdAt: 'asc' },
      select: {
        sentAt: true,
        createdAt: true,
        email: { select: { revision: true, review: { select: { month: true, team } } } },
      },
    }),
    db.reviewEmailAddressOptOut.findMany({ where: { email }, select: { createdAt: true, team } }),
    db.review
      .findMany({
        where: { distribution: { contains: email } },
        select: { month: true, distribution: true, team },
      })
      .then((rows) =>
        rows.filter((r) => r.distribution.split('\n').includes(email)).map((r) => ({ team: r.team, month: r.month })),
      ),
    db.deliveryDestination.findMany({
      where: { createdById: userId },
      select: { id: true, kind: true, name: true, urlHost: true, createdAt: true, team },
    }),
    db.outcome.findMany({
      where: { recordedById: userId },
      select: { id: true, kind: true, occurredOn: true, text: true, deletedAt: true, createdAt: true, team },
    }),
    db.importValueMapping.findMany({
      where: { updatedById: userId },
      select: { kind: true, value: true, choice: true, updatedAt: true, team },
    }),
    // Figures they entered or imported, named by their source (lib/figures/provenance.ts).
    db.figureSource.findMany({
      where: { actorId: userId },
      select: { month: true, part: true, kind: true, label: true, fileName: true, at: true },
    }),
    db.review.findMany({
      where: { OR: [{ updatedById: userId }, { scheduledById: userId }] },
      select: { id: true, month: true, status: true, updatedAt: true, scheduledAt: true, team },
    }),
    db.win.findMany({ where: { deletedById: userId }, select: { id: true, title: true, deletedAt: true } }),
    // Others' notes stay theirs: only that this person hid one, and when.
    db.reviewThanks.findMany({ where: { hiddenById: userId }, select: { id: true, reviewId: true, hiddenAt: true } }),
    findAddressEverywhere(db, email).then((found) =>
      found.filter((f) => !(f.table === 'User' && f.column === 'email')),
    ),
  ]);
  return {
    emailsDelivered,
    unsubscribesByLink,
    distributionLists,
    destinationsCreated,
    outcomesRecorded,
    importMappingsSaved,
    figureSourcesSaved,
    editionsEdited,
    winsDeleted,
    thanksHidden,
    addressElsewhere,
  };
}
