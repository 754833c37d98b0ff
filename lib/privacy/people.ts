import 'server-only';
import { db } from '../db';
import { assertRole, type Actor } from '../authz';
import { ERASED_DOMAIN } from './erase';

/** Everyone, for the admin choosing whose data to export or erase. */
export async function listPeople(actor: Actor) {
  assertRole(actor, 'ADMIN');
  return db.user.findMany({
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    select: { id: true, name: true, email: true, active: true },
  });
}

/** What the product holds about one person, in counts: what an erase would touch. */
export async function getPersonOverview(actor: Actor, userId: string) {
  assertRole(actor, 'ADMIN');
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      createdAt: true,
      team: { select: { name: true } },
      _count: {
        select: {
          quotesSubmitted: true,
          quoteCredits: true,
          winCredits: true,
          projectUpdates: true,
          reviewViews: true,
          reviewThanks: true,
          auditEvents: true,
        },
      },
    },
  });
  if (!user) return null;
  return { ...user, erased: user.email.endsWith(`@${ERASED_DOMAIN}`), self: user.id === actor.id };
}
