// Outcomes (leaders of the team and admins) and the impact view with its CSV (everyone signed in).
import { makeReview } from '../../prisma/factories';
import { form, SIGNED_IN, unique, type Context, type MatrixArea } from './types';

type Which = 'team' | 'otherTeam';
const MANAGERS = ['ADMIN', 'LEADER'] as const;
const allowedFor = (which: Which) => (which === 'team' ? MANAGERS : (['ADMIN'] as const));
const labelFor = (which: Which) => (which === 'otherTeam' ? "another team's" : undefined);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

const makeOutcome = (c: Context, which: Which) =>
  c.db.outcome.create({
    data: {
      teamId: c[which].id,
      kind: 'CONSULTED',
      occurredOn: new Date(`${yesterday()}T00:00:00Z`),
      text: `Matrix ${unique()}`,
    },
  });

const fields = (slug: string, text: string) => ({ team: slug, kind: 'PROJECT_FUNDED', occurredOn: yesterday(), text });

function outcomeActions(which: Which) {
  const allowed = allowedFor(which);
  const label = labelFor(which);
  return [
    {
      action: 'lib/outcomes/actions.ts#createOutcomeAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const text = `Matrix outcome ${unique()}`;
        return { args: form(fields(c[which].slug, text)), probe: () => c.db.outcome.count({ where: { text } }) };
      },
    },
    {
      action: 'lib/outcomes/actions.ts#updateOutcomeAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const outcome = await makeOutcome(c, which);
        return {
          args: form({ ...fields(c[which].slug, `Changed ${unique()}`), outcomeId: outcome.id }),
          probe: async () => (await c.db.outcome.findUniqueOrThrow({ where: { id: outcome.id } })).text,
        };
      },
    },
    {
      action: 'lib/outcomes/actions.ts#deleteOutcomeAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const outcome = await makeOutcome(c, which);
        return {
          args: form({ team: c[which].slug, outcomeId: outcome.id }),
          probe: async () => (await c.db.outcome.findUniqueOrThrow({ where: { id: outcome.id } })).deletedAt,
        };
      },
    },
  ];
}

export const impact: MatrixArea = {
  pages: [
    ...(['team', 'otherTeam'] as const).flatMap((which) => [
      {
        route: '/manage/[team]/outcomes',
        path: async (c: Context) => {
          await makeOutcome(c, which);
          return `/manage/${c[which].slug}/outcomes`;
        },
        allowed: allowedFor(which),
        label: labelFor(which),
      },
      {
        route: '/manage/[team]/outcomes/[outcomeId]',
        path: async (c: Context) => `/manage/${c[which].slug}/outcomes/${(await makeOutcome(c, which)).id}`,
        allowed: allowedFor(which),
        label: labelFor(which),
      },
    ]),
    {
      route: '/reviews/[team]/impact',
      // An edition inside the year and an outcome: the page draws its charts, not its empty state.
      path: async (c) => {
        const d = new Date();
        const month = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1)).toISOString().slice(0, 7);
        const where = { teamId_month: { teamId: c.team.id, month } };
        if (!(await c.db.review.findUnique({ where })))
          await makeReview(c.db, { teamId: c.team.id, month, status: 'PUBLISHED' });
        await makeOutcome(c, 'team');
        return `/reviews/${c.team.slug}/impact`;
      },
      allowed: SIGNED_IN,
    },
  ],
  routes: [
    {
      route: '/api/teams/[team]/impact',
      method: 'GET',
      path: (c) => `/api/teams/${c.team.slug}/impact?table=outcomes`,
      allowed: SIGNED_IN,
    },
  ],
  actions: [...outcomeActions('team'), ...outcomeActions('otherTeam')],
};
