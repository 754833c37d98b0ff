import { form, freshMonth, SIGNED_IN, unique, type Context, type MatrixArea } from './types';

const ZONES = ['Australia/Sydney', 'America/Los_Angeles', 'Europe/London'];

const MANAGERS = ['ADMIN', 'LEADER'] as const;

async function channel(c: Context, teamId: string) {
  const name = `Matrix ${unique()}`;
  return c.db.channel.create({ data: { teamId, name, nameKey: name.toLowerCase(), position: 0 } });
}

const monthCount = (c: Context, teamId: string, month: string) => () =>
  c.db.monthFigures.count({ where: { teamId, month } });

function figureActions(which: 'team' | 'otherTeam') {
  const allowed = which === 'team' ? MANAGERS : (['ADMIN'] as const);
  const label = which === 'otherTeam' ? "another team's" : undefined;
  return [
    {
      action: 'lib/figures/actions.ts#saveMonthAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const team = c[which];
        const ch = await channel(c, team.id);
        const month = freshMonth('figures', team.id);
        return {
          args: form({ team: team.slug, month, version: '0', [`received:${ch.id}`]: '10', [`handled:${ch.id}`]: '9' }),
          probe: monthCount(c, team.id, month),
        };
      },
    },
    {
      action: 'lib/figures/actions.ts#monthlyImportAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const team = c[which];
        const ch = await channel(c, team.id);
        const month = freshMonth('figures', team.id);
        const csv = `month,kind,item,value\n${month},received,${ch.name},5\n${month},handled,${ch.name},5\n`;
        return {
          args: form({ team: team.slug, step: 'apply', csv, fileName: 'm.csv' }),
          probe: monthCount(c, team.id, month),
        };
      },
    },
    {
      action: 'lib/figures/actions.ts#applyTicketImportAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const team = c[which];
        const ch = await channel(c, team.id);
        const month = freshMonth('figures', team.id);
        const payload = {
          volumes: [{ channel: ch.name, received: 3, handled: 3 }],
          reasons: [],
          segments: [],
          kpis: [],
        };
        return { args: [{ team: team.slug, months: [{ month, payload }] }], probe: monthCount(c, team.id, month) };
      },
    },
    {
      action: 'lib/figures/source-actions.ts#declareSourceBreakAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const team = c[which];
        const month = freshMonth('figures', team.id);
        return {
          args: form({ team: team.slug, month, reason: 'We moved to another help desk.' }),
          probe: () => c.db.sourceBreak.count({ where: { teamId: team.id, month } }),
        };
      },
    },
    {
      action: 'lib/figures/source-actions.ts#comparableAcrossBreakAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const team = c[which];
        const month = freshMonth('figures', team.id);
        return {
          args: form({ team: team.slug, month, part: 'counts', comparable: 'yes' }),
          probe: () => c.db.comparableAcrossBreak.count({ where: { teamId: team.id, month } }),
        };
      },
    },
    {
      action: 'lib/team-settings/actions.ts#listItemAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const team = c[which];
        const name = `Reason ${unique()}`;
        return {
          args: form({ team: team.slug, kind: 'reason', op: 'add', name }),
          probe: () => c.db.contactReason.count({ where: { teamId: team.id, name } }),
        };
      },
    },
    {
      action: 'lib/team-settings/actions.ts#kpiAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const team = c[which];
        const name = `KPI ${unique()}`;
        return {
          args: form({
            team: team.slug,
            op: 'save',
            name,
            unit: 'COUNT',
            direction: 'LOWER_IS_BETTER',
            target: '',
            decimals: '0',
          }),
          probe: () => c.db.kpi.count({ where: { teamId: team.id, name } }),
        };
      },
    },
    {
      action: 'lib/team-settings/actions.ts#teamTimeZoneAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const team = c[which];
        // A zone the team does not have yet, so an allowed call is seen to change it.
        const current = (await c.db.team.findUniqueOrThrow({ where: { id: team.id }, select: { timeZone: true } }))
          .timeZone;
        const timeZone = ZONES.find((z) => z !== current)!;
        return {
          args: form({ team: team.slug, timeZone }),
          probe: async () =>
            (await c.db.team.findUniqueOrThrow({ where: { id: team.id }, select: { timeZone: true } })).timeZone,
        };
      },
    },
    {
      action: 'lib/team-settings/actions.ts#apiTokenAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const team = c[which];
        const name = `Token ${unique()}`;
        return {
          args: form({ team: team.slug, op: 'create', name }),
          probe: () => c.db.apiToken.count({ where: { teamId: team.id, name } }),
        };
      },
    },
  ];
}

const managePages = (which: 'team' | 'otherTeam') => {
  const allowed = which === 'team' ? MANAGERS : (['ADMIN'] as const);
  const label = which === 'otherTeam' ? "another team's" : undefined;
  return [
    { route: '/manage/[team]', path: (c: Context) => `/manage/${c[which].slug}`, allowed, label },
    {
      route: '/manage/[team]/figures/[month]',
      path: (c: Context) => `/manage/${c[which].slug}/figures/2025-01`,
      allowed,
      label,
    },
    { route: '/manage/[team]/import', path: (c: Context) => `/manage/${c[which].slug}/import`, allowed, label },
    {
      route: '/manage/[team]/import/tickets',
      path: (c: Context) => `/manage/${c[which].slug}/import/tickets`,
      allowed,
      label,
    },
    { route: '/manage/[team]/settings', path: (c: Context) => `/manage/${c[which].slug}/settings`, allowed, label },
  ];
};

const putBody = () => ({ volumes: [], reasons: [], segments: [], kpis: [], note: `matrix ${unique()}` });

export const figures: MatrixArea = {
  pages: [
    // A leader with one team is sent straight to it.
    { route: '/manage', path: () => '/manage', allowed: MANAGERS, allowedStatus: [200, 307] },
    ...managePages('team'),
    ...managePages('otherTeam'),
  ],
  routes: [
    {
      route: '/api/v1/teams/[team]/months',
      method: 'GET',
      path: (c) => `/api/v1/teams/${c.team.slug}/months`,
      allowed: MANAGERS,
    },
    {
      route: '/api/v1/teams/[team]/months',
      method: 'GET',
      path: (c) => `/api/v1/teams/${c.otherTeam.slug}/months`,
      allowed: ['ADMIN'],
      label: "another team's",
    },
    // No figures exist for that month: 404 after the access check, 401/403 before it.
    {
      route: '/api/v1/teams/[team]/months/[month]',
      method: 'GET',
      path: (c) => `/api/v1/teams/${c.team.slug}/months/2001-01`,
      allowed: MANAGERS,
      expectStatus: 404,
    },
    {
      route: '/api/v1/teams/[team]/months/[month]',
      method: 'PUT',
      path: (c) => `/api/v1/teams/${c.team.slug}/months/2001-02`,
      body: putBody,
      allowed: MANAGERS,
      expectStatus: [200, 201],
      probe: async (c) =>
        (await c.db.monthFigures.findUnique({ where: { teamId_month: { teamId: c.team.id, month: '2001-02' } } }))
          ?.note ?? null,
    },
    {
      route: '/api/v1/teams/[team]/months/[month]',
      method: 'PUT',
      path: (c) => `/api/v1/teams/${c.otherTeam.slug}/months/2001-02`,
      body: putBody,
      allowed: ['ADMIN'],
      expectStatus: [200, 201],
      label: "another team's",
      probe: async (c) =>
        (await c.db.monthFigures.findUnique({ where: { teamId_month: { teamId: c.otherTeam.id, month: '2001-02' } } }))
          ?.note ?? null,
    },
    {
      route: '/api/teams/[team]/figures',
      method: 'GET',
      path: (c) => `/api/teams/${c.team.slug}/figures?from=2001-01&to=2001-12`,
      allowed: SIGNED_IN,
    },
  ],
  actions: [...figureActions('team'), ...figureActions('otherTeam')],
};
