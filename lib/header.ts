import 'server-only';
import { ROLE_LABELS, type Actor } from './authz';
import { navFor, type HeaderReader } from './navigation';
import { countPendingQuotes } from './quotes/quotes';

/** What the signed-in header shows this actor: their name and role, and their navigation with its badges. */
export async function headerFor(actor: Actor): Promise<HeaderReader> {
  const pendingQuotes = await countPendingQuotes(actor);
  return {
    name: actor.name,
    roleLabel: ROLE_LABELS[actor.role],
    items: navFor(actor.role).map(({ href, label }) => ({
      href,
      label,
      ...(href === '/quotes/moderation' ? { badge: pendingQuotes, badgeLabel: 'pending' } : {}),
    })),
  };
}
