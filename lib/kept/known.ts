// What a kept page may be named after: values that exist. The gate (lib/kept/gate.ts) keeps a page
// per address, so an address made of values that parse but name nothing (a KPI nobody has, a
// person who is not there, a span of months before any figure) would be one more rendering kept
// for nobody: 2,000 of them grew the server by a gigabyte and pushed the edition out of the
// cache. Such addresses go to the dynamic page instead, which answers them as before and keeps
// nothing. Imported by proxy.ts (through the gate): no next/headers, no server-only modules.
import { db } from '../db';

export type KnownValues = {
  teamSlugs: ReadonlySet<string>;
  /** KPI keys of any team's catalogue (trends names KPIs by key, across the teams it shows). */
  kpiKeys: ReadonlySet<string>;
  /** People a wall address may name. */
  personIds: ReadonlySet<string>;
  /** The first month holding figures / quotes, for all teams (key '') and by team slug. */
  firstFigureMonth: ReadonlyMap<string, string>;
  firstQuoteMonth: ReadonlyMap<string, string>;
};

type Entry = { key: string; values: Promise<KnownValues> };
// On globalThis: the proxy and the app's routes are separate bundles of one process.
const g = globalThis as unknown as { serviceReviewKnown?: Entry | null };

async function load(): Promise<KnownValues> {
  const [teams, kpis, people, figures, quotes] = await Promise.all([
    db.team.findMany({ select: { id: true, slug: true } }),
    db.kpi.findMany({ distinct: ['nameKey'], select: { nameKey: true } }),
    db.user.findMany({ select: { id: true } }),
    db.monthFigures.groupBy({ by: ['teamId'], _min: { month: true } }),
    db.quote.groupBy({ by: ['teamId'], _min: { receivedOn: true } }),
  ]);
  const slugs = new Map(teams.map((t) => [t.id, t.slug]));
  const firsts = (rows: { teamId: string; month: string | null }[]) => {
    const out = new Map<string, string>();
    for (const { teamId, month } of rows) {
      const slug = slugs.get(teamId);
      if (!month || !slug) continue;
      out.set(slug, month);
      if (!out.has('') || month < out.get('')!) out.set('', month);
    }
    return out;
  };
  return {
    teamSlugs: new Set(slugs.values()),
    kpiKeys: new Set(kpis.map((k) => k.nameKey)),
    personIds: new Set(people.map((p) => p.id)),
    firstFigureMonth: firsts(figures.map((f) => ({ teamId: f.teamId, month: f._min.month }))),
    firstQuoteMonth: firsts(
      quotes.map((q) => ({ teamId: q.teamId, month: q._min.receivedOn?.toISOString().slice(0, 7) ?? null })),
    ),
  };
}

/**
 * The values that exist, read once per `key` (the kept pages' version: a write to what they show
 * or the minute turning names a new one) and shared by the requests that ask meanwhile. A value
 * written without raising the version (a script, another tool) is found by `refresh`: on a miss the
 * gate reads them again (a made-up value costs that read, far less than the page it then gets).
 */
export function knownValues(key: string, { refresh = false } = {}): Promise<KnownValues> {
  const entry = g.serviceReviewKnown;
  if (entry?.key === key && !refresh) return entry.values;
  const values = load();
  g.serviceReviewKnown = { key, values };
  // A failed read is not kept: the next request tries again.
  values.catch(() => {
    if (g.serviceReviewKnown?.values === values) g.serviceReviewKnown = null;
  });
  return values;
}
