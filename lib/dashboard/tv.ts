import 'server-only';
import { db } from '../db';
import { hasRole, type Actor } from '../authz';
import { ForbiddenError } from '../errors';
import { monthLabel } from '../figures/month';
import { toWallQuote } from '../quotes/quotes';
import { wallQuoteSelect } from '../quotes/wall-query';
import { teamHeadlines } from './headlines';

/** Plain data for the wall screen: every team's headline numbers, trend and latest quotes. */
export async function getTvSlides(actor: Actor) {
  if (!hasRole(actor, 'ADMIN', 'LEADER', 'AGENT', 'EXEC', 'COLLEAGUE')) throw new ForbiddenError();
  const teams = await db.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true } });
  const slides = await Promise.all(
    teams.map(async (team) => {
      const [headlines, quotes] = await Promise.all([
        teamHeadlines(team.id),
        db.quote.findMany({ where: { teamId: team.id, status: 'APPROVED' }, orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }], take: 2, select: wallQuoteSelect }),
      ]);
      return {
        team: team.name,
        month: headlines ? monthLabel(headlines.month) : null,
        tiles: (headlines?.headlines ?? []).filter((h) => h.key === 'contacts' || h.key.startsWith('kpi-')).slice(0, 4),
        spark: headlines?.spark ?? [],
        quotes: quotes.map((q) => {
          const w = toWallQuote(q);
          return { id: w.id, text: w.pullQuote ?? w.text, cite: w.cite, credited: w.credited.map((c) => c.name) };
        }),
      };
    }),
  );
  return { slides, generatedAt: new Date().toISOString() };
}
export type TvSlide = Awaited<ReturnType<typeof getTvSlides>>['slides'][number];
