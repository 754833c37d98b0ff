import 'server-only';
import { db } from '../db';
import { type Actor, assertSignedIn } from '../authz';
import { monthLabel } from '../dates/month';
import { cachedTeamCard } from './dashboard';

/** Plain data for the wall screen: every team's headline numbers, trend and latest quotes. */
export async function getTvSlides(actor: Actor) {
  assertSignedIn(actor);
  const teams = await db.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true } });
  const slides = await Promise.all(
    teams.map(async (team) => {
      const { headlines, quotes } = await cachedTeamCard(actor, team.id);
      return {
        team: team.name,
        month: headlines ? monthLabel(headlines.month) : null,
        tiles: (headlines?.headlines ?? []).filter((h) => h.key === 'contacts' || h.key.startsWith('kpi-')).slice(0, 4),
        spark: headlines?.spark ?? [],
        quotes: quotes.slice(0, 2).map((w) => ({
          id: w.id,
          text: w.pullQuote ?? w.text,
          cite: w.cite,
          credited: w.credited.map((c) => c.name),
        })),
      };
    }),
  );
  return { slides, generatedAt: new Date().toISOString() };
}
export type TvSlide = Awaited<ReturnType<typeof getTvSlides>>['slides'][number];
