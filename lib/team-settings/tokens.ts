import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { NotFoundError } from '../errors';
import { assertCanManageTeam } from '../team-access';

const PREFIX = 'srv_';
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function listApiTokens(actor: Actor, teamId: string) {
  assertCanManageTeam(actor, teamId);
  return db.apiToken.findMany({
    where: { teamId },
    orderBy: [{ revokedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'desc' }],
    select: {
      id: true,
      name: true,
      prefix: true,
      lastUsedAt: true,
      revokedAt: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
}

/** Returns the token once; only its SHA-256 is kept. */
export async function createApiToken(actor: Actor, teamId: string, name: string) {
  assertCanManageTeam(actor, teamId);
  const token = PREFIX + randomBytes(32).toString('base64url');
  await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { teamId, name, tokenHash: hashToken(token), prefix: token.slice(0, 10), createdById: actor.id },
    });
    await recordAudit(tx, {
      actor,
      action: 'api_token.create',
      entityType: 'ApiToken',
      entityId: created.id,
      after: { teamId, name, prefix: created.prefix },
    });
  });
  return token;
}

export async function revokeApiToken(actor: Actor, teamId: string, tokenId: string) {
  assertCanManageTeam(actor, teamId);
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, teamId } });
    if (!token) throw new NotFoundError('No such token.');
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      action: 'api_token.revoke',
      entityType: 'ApiToken',
      entityId: tokenId,
      before: { revoked: false },
      after: { revoked: true },
    });
  });
}

/** The team a bearer token may write to, or null; records when it was last used. */
export async function authenticateApiToken(
  token: string,
): Promise<{ tokenId: string; teamId: string; name: string } | null> {
  if (!token.startsWith(PREFIX)) return null;
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, teamId: true, name: true, revokedAt: true },
  });
  if (!found || found.revokedAt) return null;
  await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  return { tokenId: found.id, teamId: found.teamId, name: found.name };
}
