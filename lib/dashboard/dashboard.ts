import 'server-only';
import { db } from '../db';
import { hasRole, type Actor } from '../authz';
import { ForbiddenError } from '../errors';
import { addMonths, currentMonth } from '../figures/month';
import { countPendingQuotes, toWallQuote } from '../quotes/quotes';
import { wallQuoteSelect } from '../quotes/wall-query';
import { canManageTeam } from '../team-access';
import { teamHeadlines } from './headlines';

export async function getDashboard(actor: Actor) {
  if (!hasRole(actor, 'ADMIN', 'LEADER', 'AGENT', 'EXEC', 'COLLEAGUE')) throw new ForbiddenError();
  const teams = await db.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true } });
  // The reader's own team first: it is the one they came to see.
  teams.sort((a, b) => Number(b.id === actor.teamId) - Number(a.id === actor.teamId));
  const latestComplete = addMonths(currentMonth(), -1);
  const cards = await Promise.all(
    teams.map(async (team) => {
      const [headlines, quotes, projects] = await Promise.all([
        teamHeadlines(team.id),
        db.quote.findMany({ where: { teamId: team.id, status: 'APPROVED' }, orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }], take: 3, select: wallQuoteSelect }),
        db.project.findMany({
          where: { teamId: team.id, status: 'IN_PROGRESS' },
          orderBy: { updatedAt: 'desc' },
          take: 4,
          select: { id: true, name: true, targetOn: true, updates: { orderBy: { postedOn: 'desc' }, take: 1, select: { postedOn: true, body: true } } },
        }),
      ]);
      return { team, headlines, quotes: quotes.map(toWallQuote), projects };
    }),
  );
  let needs: { pendingQuotes: number; missingFigures: { team: string; slug: string; month: string }[] } | null = null;
  if (hasRole(actor, 'LEADER', 'ADMIN')) {
    const managed = teams.filter((t) => canManageTeam(actor, t.id));
    const withFigures = await db.monthFigures.findMany({ where: { teamId: { in: managed.map((t) => t.id) }, month: latestComplete }, select: { teamId: true } });
    const has = new Set(withFigures.map((f) => f.teamId));
    needs = {
      pendingQuotes: hasRole(actor, 'LEADER') ? await countPendingQuotes(actor) : 0,
      missingFigures: managed.filter((t) => !has.has(t.id)).map((t) => ({ team: t.name, slug: t.slug, month: latestComplete })),
    };
  }
  return { cards, needs, latestComplete };
}
