// Quotes, wins, projects and people pages. Besides role rows, some actions have a second row
// for someone else's record: an agent cannot edit another agent's pending quote, and a leader
// cannot moderate or manage another team's quotes, wins and projects.
import { makeProject, makeQuote, makeUser, makeWin } from '../../prisma/factories';
import { ensureProfile } from './profiles';
import { form, SIGNED_IN, unique, type ActionRow, type Actor, type Context, type MatrixArea } from './types';

const today = () => new Date().toISOString().slice(0, 10);

/** The team member who would act: the actor themselves when they are on the team. */
const memberFor = (c: Context, actor: Actor) => (actor === 'LEADER' ? c.users.LEADER : c.users.AGENT);

const quoteFields = (creditId: string) => ({
  text: `Matrix quote ${unique()}`,
  attribution: 'ANONYMOUS',
  channel: 'PHONE',
  receivedOn: today(),
  creditIds: creditId,
});

function moderationRows(action: string, fields: Record<string, string>): ActionRow[] {
  const status = (c: Context, id: string) => async () => (await c.db.quote.findUniqueOrThrow({ where: { id } })).status;
  return [
    {
      action,
      allowed: ['LEADER'],
      prepare: async (c) => {
        const quote = await makeQuote(c.db, { teamId: c.team.id, submitterId: c.users.AGENT.id });
        return { args: form({ quoteId: quote.id, ...fields }), probe: status(c, quote.id) };
      },
    },
    {
      action,
      label: 'another team’s quote',
      allowed: [],
      prepare: async (c) => {
        const quote = await makeQuote(c.db, { teamId: c.otherTeam.id, submitterId: c.otherTeamUsers.AGENT.id });
        return { args: form({ quoteId: quote.id, ...fields }), probe: status(c, quote.id) };
      },
    },
  ];
}

export const stories: MatrixArea = {
  pages: [
    { route: '/quotes', path: () => '/quotes', allowed: SIGNED_IN },
    { route: '/quotes/new', path: () => '/quotes/new', allowed: ['AGENT', 'LEADER'] },
    { route: '/quotes/mine', path: () => '/quotes/mine', allowed: ['AGENT', 'LEADER'] },
    { route: '/quotes/moderation', path: () => '/quotes/moderation', allowed: ['LEADER'] },
    {
      // The agent's own pending quote: only they may open its edit page, not even their leader.
      route: '/quotes/[quoteId]/edit',
      path: async (c) =>
        `/quotes/${(await makeQuote(c.db, { teamId: c.team.id, submitterId: c.users.AGENT.id })).id}/edit`,
      allowed: ['AGENT'],
    },
    {
      // With a profile, so the page's fullest form is the one checked (and axe sees it).
      route: '/people/[userId]',
      path: async (c) => {
        await ensureProfile(c, c.users.AGENT.id);
        return `/people/${c.users.AGENT.id}`;
      },
      allowed: SIGNED_IN,
    },
    { route: '/wins', path: () => '/wins', allowed: SIGNED_IN },
    { route: '/wins/new', path: () => '/wins/new', allowed: ['AGENT', 'LEADER'] },
    {
      route: '/wins/[winId]/edit',
      path: async (c) =>
        `/wins/${(await makeWin(c.db, { teamId: c.team.id, recordedById: c.users.AGENT.id })).id}/edit`,
      allowed: ['LEADER'],
    },
    { route: '/projects', path: () => '/projects', allowed: SIGNED_IN },
    { route: '/projects/new', path: () => '/projects/new', allowed: ['LEADER'] },
    {
      route: '/projects/[projectId]',
      path: async (c) => `/projects/${(await makeProject(c.db, { teamId: c.team.id, ownerId: c.users.LEADER.id })).id}`,
      allowed: SIGNED_IN,
    },
    {
      route: '/projects/[projectId]/edit',
      path: async (c) =>
        `/projects/${(await makeProject(c.db, { teamId: c.team.id, ownerId: c.users.LEADER.id })).id}/edit`,
      allowed: ['LEADER'],
    },
  ],
  actions: [
    {
      action: 'lib/quotes/actions.ts#submitQuoteAction',
      allowed: ['AGENT', 'LEADER'],
      prepare: async (c, actor) => {
        const submissionKey = `matrix-${unique()}`;
        return {
          args: form({ submissionKey, ...quoteFields(memberFor(c, actor).id) }),
          probe: () => c.db.quote.count({ where: { submissionKey } }),
        };
      },
    },
    {
      action: 'lib/quotes/actions.ts#updateQuoteAction',
      allowed: ['AGENT', 'LEADER'],
      label: 'own pending quote',
      prepare: async (c, actor) => {
        const submitter = memberFor(c, actor);
        const quote = await makeQuote(c.db, { teamId: c.team.id, submitterId: submitter.id });
        return {
          args: form({ quoteId: quote.id, ...quoteFields(submitter.id) }),
          probe: async () => (await c.db.quote.findUniqueOrThrow({ where: { id: quote.id } })).text,
        };
      },
    },
    {
      action: 'lib/quotes/actions.ts#updateQuoteAction',
      allowed: [],
      label: 'another agent’s pending quote',
      prepare: async (c) => {
        const otherAgent = await makeUser(c.db, { role: 'AGENT', teamId: c.team.id });
        const quote = await makeQuote(c.db, { teamId: c.team.id, submitterId: otherAgent.id });
        return {
          args: form({ quoteId: quote.id, ...quoteFields(otherAgent.id) }),
          probe: async () => (await c.db.quote.findUniqueOrThrow({ where: { id: quote.id } })).text,
        };
      },
    },
    ...moderationRows('lib/quotes/actions.ts#approveQuoteAction', { pullQuote: '' }),
    ...moderationRows('lib/quotes/actions.ts#rejectQuoteAction', { reason: 'Not for the wall.' }),
    {
      action: 'lib/wins/actions.ts#createWinAction',
      allowed: ['AGENT', 'LEADER'],
      prepare: async (c, actor) => {
        const title = `Matrix win ${unique()}`;
        return {
          args: form({
            title,
            story: 'We did it.',
            occurredOn: today(),
            creditIds: memberFor(c, actor).id,
            submissionKey: `matrix-${unique()}`,
          }),
          probe: () => c.db.win.count({ where: { title } }),
        };
      },
    },
    ...(['own team', 'another team'] as const).map((which): ActionRow => ({
      action: 'lib/wins/actions.ts#updateWinAction',
      allowed: which === 'own team' ? ['LEADER'] : [],
      label: `${which}’s win`,
      prepare: async (c) => {
        const [teamId, member] =
          which === 'own team' ? [c.team.id, c.users.AGENT.id] : [c.otherTeam.id, c.otherTeamUsers.AGENT.id];
        const win = await makeWin(c.db, { teamId, recordedById: member });
        return {
          args: form({
            winId: win.id,
            title: `Edited ${unique()}`,
            story: 'Edited.',
            occurredOn: today(),
            creditIds: member,
          }),
          probe: async () => (await c.db.win.findUniqueOrThrow({ where: { id: win.id } })).title,
        };
      },
    })),
    {
      action: 'lib/wins/actions.ts#deleteWinAction',
      allowed: ['LEADER'],
      prepare: async (c) => {
        const win = await makeWin(c.db, { teamId: c.team.id, recordedById: c.users.AGENT.id });
        return {
          args: form({ winId: win.id }),
          probe: async () => (await c.db.win.findUniqueOrThrow({ where: { id: win.id } })).deletedAt,
        };
      },
    },
    {
      action: 'lib/projects/actions.ts#createProjectAction',
      allowed: ['LEADER'],
      prepare: async (c) => {
        const name = `Matrix project ${unique()}`;
        return {
          args: form({
            name,
            summary: 'A plan.',
            ownerId: c.users.LEADER.id,
            status: 'PLANNED',
            startOn: '',
            targetOn: '',
          }),
          probe: () => c.db.project.count({ where: { name } }),
        };
      },
    },
    ...(['own team', 'another team'] as const).map((which): ActionRow => ({
      action: 'lib/projects/actions.ts#updateProjectAction',
      allowed: which === 'own team' ? ['LEADER'] : [],
      label: `${which}’s project`,
      prepare: async (c) => {
        const [teamId, owner] =
          which === 'own team' ? [c.team.id, c.users.LEADER.id] : [c.otherTeam.id, c.otherTeamUsers.LEADER.id];
        const project = await makeProject(c.db, { teamId, ownerId: owner });
        return {
          args: form({
            projectId: project.id,
            name: `Renamed ${unique()}`,
            summary: 'Still a plan.',
            ownerId: owner,
            status: 'IN_PROGRESS',
            startOn: '',
            targetOn: '',
          }),
          probe: async () => (await c.db.project.findUniqueOrThrow({ where: { id: project.id } })).name,
        };
      },
    })),
    {
      action: 'lib/projects/actions.ts#addProjectUpdateAction',
      allowed: ['LEADER'],
      prepare: async (c) => {
        const project = await makeProject(c.db, { teamId: c.team.id, ownerId: c.users.LEADER.id });
        return {
          args: form({ projectId: project.id, postedOn: today(), body: 'Halfway there.' }),
          probe: () => c.db.projectUpdate.count({ where: { projectId: project.id } }),
        };
      },
    },
  ],
};
