import 'server-only';
import { db } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { NotFoundError, ValidationError } from '../errors';
import { assertCanManageTeam } from '../team-access';
import { publicBaseUrl } from '../distribution/email';
import { editionUrl } from '../editions/email-render';
import type { EditionSnapshot } from '../editions/content';
import { announcementFor, payloadFor, type Announcement, type DestinationKindName } from './messages';
import { postPayload } from './post';
import { decryptSecret, encryptSecret, newSigningSecret } from './secrets';
import { checkDestinationUrl } from './url';

export const DESTINATION_LABELS: Record<DestinationKindName, string> = {
  SLACK: 'Slack incoming webhook',
  TEAMS: 'Microsoft Teams workflow webhook',
  WEBHOOK: 'Signed JSON webhook',
};

export async function listDestinations(actor: Actor, teamId: string) {
  assertCanManageTeam(actor, teamId);
  return db.deliveryDestination.findMany({
    where: { teamId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, kind: true, name: true, urlHost: true, createdAt: true },
  });
}

/** Adds a destination; a signed webhook's secret is returned this once (then only stored encrypted). */
export async function createDestination(
  actor: Actor,
  teamId: string,
  input: { kind: DestinationKindName; name: string; url: string },
): Promise<{ id: string; secret: string | null }> {
  assertCanManageTeam(actor, teamId);
  const problem = await checkDestinationUrl(input.url);
  if (problem) throw new ValidationError({ url: [problem] });
  const secret = input.kind === 'WEBHOOK' ? newSigningSecret() : null;
  const id = await db.$transaction(async (tx) => {
    const created = await tx.deliveryDestination.create({
      data: {
        teamId,
        kind: input.kind,
        name: input.name,
        urlEncrypted: encryptSecret(input.url),
        urlHost: new URL(input.url).host,
        secretEncrypted: secret ? encryptSecret(secret) : null,
        createdById: actor.id,
      },
      select: { id: true, urlHost: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'destination.create',
      entityType: 'DeliveryDestination',
      entityId: created.id,
      after: { teamId, kind: input.kind, name: input.name, host: created.urlHost },
    });
    return created.id;
  });
  return { id, secret };
}

export async function deleteDestination(actor: Actor, teamId: string, id: string) {
  assertCanManageTeam(actor, teamId);
  await db.$transaction(async (tx) => {
    const found = await tx.deliveryDestination.findFirst({ where: { id, teamId } });
    if (!found) throw new NotFoundError('No such destination.');
    await tx.deliveryDestination.delete({ where: { id } });
    await recordAudit(tx, {
      actor,
      action: 'destination.delete',
      entityType: 'DeliveryDestination',
      entityId: id,
      before: { teamId, kind: found.kind, name: found.name, host: found.urlHost },
    });
  });
}

/**
 * Sends a test announcement now (not through the queue: the leader waits for the answer). It
 * carries the team's latest edition when there is one, marked as a test.
 */
export async function sendDestinationTest(actor: Actor, teamId: string, id: string, baseUrl = publicBaseUrl()) {
  assertCanManageTeam(actor, teamId);
  const destination = await db.deliveryDestination.findFirst({
    where: { id, teamId },
    select: { kind: true, name: true, urlEncrypted: true, secretEncrypted: true, team: true },
  });
  if (!destination) throw new NotFoundError('No such destination.');
  const latest = await db.reviewRevision.findFirst({
    where: { teamId, review: { status: 'PUBLISHED' } },
    orderBy: [{ review: { month: 'desc' } }, { revision: 'desc' }],
    select: { snapshot: true, review: { select: { month: true } } },
  });
  const team = destination.team;
  const announcement: Announcement = latest
    ? announcementFor(latest.snapshot as EditionSnapshot, editionUrl(baseUrl, team.slug, latest.review.month), true)
    : {
        team: { name: team.name, slug: team.slug },
        month: new Date().toISOString().slice(0, 7),
        title: 'Test message: editions will be announced here',
        url: new URL(`/reviews/${encodeURIComponent(team.slug)}`, baseUrl).toString(),
        headlines: [],
        quote: null,
        test: true,
      };
  await postPayload(
    decryptSecret(destination.urlEncrypted),
    payloadFor(destination.kind, announcement),
    destination.secretEncrypted ? decryptSecret(destination.secretEncrypted) : null,
  );
  return { name: destination.name };
}
