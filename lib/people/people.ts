import 'server-only';
import type { Actor } from '../authz';
import { db } from '../db';
import { NotFoundError } from '../errors';
import { toWallQuote } from '../quotes/quotes';
import { wallQuoteSelect } from '../quotes/wall-query';
import { listWinsCrediting } from '../wins/wins';
import { assertSignedIn, hasRole } from '../authz';
import { readProfileUnchecked } from '../profiles/profiles';

/**
 * "Do you know your customer service representatives?": one person's praise, for every
 * signed-in reader. Only approved quotes; never a ranking or a count against colleagues.
 */
export async function getPersonPage(actor: Actor, userId: string) {
  assertSignedIn(actor);
  const person = await db.user.findFirst({
    where: { id: userId, role: { in: ['AGENT', 'LEADER'] }, teamId: { not: null } },
    select: { id: true, name: true, role: true, active: true, team: { select: { name: true, slug: true } } },
  });
  if (!person) throw new NotFoundError('No such person.');
  const [quotes, wins, profile] = await Promise.all([
    db.quote.findMany({
      where: { status: 'APPROVED', credits: { some: { userId } } },
      orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
      take: 100,
      select: wallQuoteSelect,
    }),
    listWinsCrediting(actor, userId),
    // Their profile, only while they opt in (the row exists only then).
    readProfileUnchecked(db, userId),
  ]);
  return {
    person,
    quotes: quotes.map(toWallQuote),
    wins,
    profile,
    isSelf: actor.id === userId,
    // Admins remove a profile on the person's request; only the person edits it.
    canRemoveProfile: hasRole(actor, 'ADMIN') && actor.id !== userId,
  };
}
