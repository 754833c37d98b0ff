// A team's Reach view and its CSV: the team's own leaders and agents, executives and admins. Another
// team's leader and agent, and colleagues, are refused.
import { makeReview } from '../../prisma/factories';
import { freshMonth, type Context, type MatrixArea } from './types';

type Which = 'team' | 'otherTeam';
const allowedFor = (which: Which) =>
  which === 'team' ? (['ADMIN', 'EXEC', 'LEADER', 'AGENT'] as const) : (['ADMIN', 'EXEC'] as const);
const labelFor = (which: Which) => (which === 'otherTeam' ? "another team's" : undefined);

// One published edition, so the page draws its chart and tables rather than its empty state.
const withEdition = async (c: Context, which: Which) => {
  await makeReview(c.db, { teamId: c[which].id, month: freshMonth('review', c[which].id), status: 'PUBLISHED' });
  return c[which].slug;
};

export const reach: MatrixArea = {
  pages: (['team', 'otherTeam'] as const).map((which) => ({
    route: '/reviews/[team]/reach',
    path: async (c: Context) => `/reviews/${await withEdition(c, which)}/reach`,
    allowed: allowedFor(which),
    label: labelFor(which),
  })),
  routes: (['team', 'otherTeam'] as const).map((which) => ({
    route: '/api/teams/[team]/reach',
    method: 'GET' as const,
    path: async (c: Context) => `/api/teams/${await withEdition(c, which)}/reach`,
    allowed: allowedFor(which),
    label: labelFor(which),
  })),
};
