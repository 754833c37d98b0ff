import 'server-only';
import { db } from '../db';
import { hasRole, type Actor } from '../authz';
import { recognitionSince } from './recognition-window';

/**
 * Fair recognition, for a team's leaders only: the active teammates (agents and the team's other
 * leaders) whom no approved quote and no win (not deleted) has credited in the last 90 days, so
 * praise reaches everyone. The date is the praise's own: the quote's "received on" and the win's
 * date, not when it was typed in or approved. Names only, alphabetical: no counts, no ranking.
 * Anyone else (admins included: they lead no team) gets an empty list. One query.
 */
export async function listUncreditedTeammates(actor: Actor, now: Date = new Date()) {
  if (!hasRole(actor, 'LEADER') || !actor.teamId) return [];
  const since = recognitionSince(now);
  return db.user.findMany({
    where: {
      teamId: actor.teamId,
      active: true,
      role: { in: ['AGENT', 'LEADER'] },
      id: { not: actor.id },
      quoteCredits: { none: { quote: { status: 'APPROVED', receivedOn: { gte: since } } } },
      winCredits: { none: { win: { deletedAt: null, occurredOn: { gte: since } } } },
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true },
  });
}
