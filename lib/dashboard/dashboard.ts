import 'server-only';
import { unstable_cache } from 'next/cache';
import { DASHBOARD_TAG, DASHBOARD_TTL_SECONDS } from '../expiry/cache';
import { dashboardCacheKey } from '../expiry/generation';
import { db } from '../db';
import { hasRole, type Actor, assertSignedIn } from '../authz';
import { addMonths, currentMonth } from '../dates/month';
import { toWallQuote } from '../quotes/quotes';
import { wallQuoteSelect } from '../quotes/wall-query';
import { refreshPublishedDrift } from '../editions/drift';
import { teamHeadlinesUnchecked } from './headlines';
import { readNeedsUnchecked, type DashboardNeeds } from './needs';

async function loadTeamCard(teamId: string) {
  const edition = await db.review.findFirst({
    where: { teamId, status: 'PUBLISHED', kind: 'MONTHLY' },
    orderBy: { month: 'desc' },
    select: { month: true, title: true, publishedAt: true },
  });
  const [headlines, quotes, projects, thanks] = await Promise.all([
    // The numbers of the latest published edition's month, so the card and the edition agree.
    teamHeadlinesUnchecked(teamId, edition?.month),
    db.quote.findMany({
      where: { teamId, status: 'APPROVED' },
      orderBy: [{ receivedOn: 'desc' }, { id: 'desc' }],
      take: 3,
      select: wallQuoteSelect,
    }),
    db.project.findMany({
      where: { teamId, status: 'IN_PROGRESS' },
      orderBy: { updatedAt: 'desc' },
      take: 4,
      select: { id: true, name: true, updates: { orderBy: { postedOn: 'desc' }, take: 1, select: { postedOn: true } } },
    }),
    db.reviewThanks.count({ where: { teamId, hiddenAt: null } }),
  ]);
  return {
    edition: edition ? { month: edition.month, title: edition.title } : null,
    thanks,
    headlines,
    quotes: quotes.map(toWallQuote),
    projects: projects.map((p) => ({ id: p.id, name: p.name, latestUpdate: p.updates[0]?.postedOn ?? null })),
  };
}

/** One team's card, the same for every reader: kept until a write changes it (lib/expiry/cache.ts). */
function teamCard(teamId: string) {
  return unstable_cache(loadTeamCard, ['dashboard-team-card', teamId, dashboardCacheKey()], {
    tags: [DASHBOARD_TAG],
    revalidate: DASHBOARD_TTL_SECONDS,
  })(teamId);
}

/** One team's card, shared by every signed-in reader (and the TV screen): cached by team, not by reader. */
export async function cachedTeamCard(actor: Actor, teamId: string) {
  assertSignedIn(actor);
  return teamCard(teamId);
}

/**
 * Every team's card, the reader's own team first (the one they came to see). Answers anyone: its
 * callers checked the reader, getDashboard through the session and the kept dashboard page through
 * the proxy's gate (lib/kept/gate.ts), which alone can reach it.
 */
export async function dashboardCardsUnchecked(firstTeamId: string | null) {
  return cardsOf(await listTeams(), firstTeamId);
}

type TeamRef = { id: string; name: string; slug: string };

function listTeams(): Promise<TeamRef[]> {
  return db.team.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true } });
}

function cardsOf(teams: TeamRef[], firstTeamId: string | null) {
  const ordered = [...teams].sort((a, b) => Number(b.id === firstTeamId) - Number(a.id === firstTeamId));
  return Promise.all(
    ordered.map(async (team) => {
      const card = await teamCard(team.id);
      // The cache stores JSON: bring the dates back.
      return {
        team,
        edition: card.edition,
        thanks: card.thanks,
        headlines: card.headlines,
        quotes: card.quotes.map((q) => ({ ...q, receivedOn: new Date(q.receivedOn) })),
        projects: card.projects.map((p) => ({ ...p, latestUpdate: p.latestUpdate ? new Date(p.latestUpdate) : null })),
      };
    }),
  );
}

export type DashboardCard = Awaited<ReturnType<typeof cardsOf>>[number];

/**
 * "Needs you": what a leader or admin has to do for the teams they manage; null for everyone else.
 * The drift of their published editions is brought up to date first; the needs are then read as
 * the kept home page's gate reads them (lib/dashboard/needs.ts), so both pages show the same.
 */
async function needsOf(actor: Actor, teams: TeamRef[], latestComplete: string): Promise<DashboardNeeds | null> {
  if (!hasRole(actor, 'LEADER', 'ADMIN')) return null;
  await refreshPublishedDrift(
    actor,
    teams.map((t) => t.id),
  );
  return (await readNeedsUnchecked(actor, latestComplete))?.needs ?? null;
}

/** The signed-in reader's "Needs you" alone (null unless a leader or admin), as the home page shows it. */
export async function getDashboardNeeds(actor: Actor): Promise<DashboardNeeds | null> {
  assertSignedIn(actor);
  return needsOf(actor, await listTeams(), addMonths(currentMonth(), -1));
}

export async function getDashboard(actor: Actor) {
  assertSignedIn(actor);
  const teams = await listTeams();
  const latestComplete = addMonths(currentMonth(), -1);
  const [cards, needs] = await Promise.all([cardsOf(teams, actor.teamId), needsOf(actor, teams, latestComplete)]);
  return { cards, needs, latestComplete };
}
