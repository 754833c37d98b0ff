// "Meet the team" profiles: only the person writes their own (agents and leaders, who are in a
// team); the person or an admin removes one; the team's leaders (and admins) choose whom an
// edition features.
import { makeReview, makeUser } from '../../prisma/factories';
import { form, freshMonth, SIGNED_IN, unique, type ActionRow, type Context, type MatrixArea } from './types';

const MANAGERS = ['ADMIN', 'LEADER'] as const;

/** An opted-in profile for `userId` (made again if a previous call removed it). */
export const ensureProfile = (c: Pick<Context, 'db'>, userId: string, title = 'Billing specialist') =>
  c.db.teamProfile.upsert({
    where: { userId },
    create: { userId, title, bio: 'I look after invoices and payment plans.', teamSince: new Date('2021-04-01') },
    update: {},
  });

function meetTheTeamRow(which: 'team' | 'otherTeam'): ActionRow {
  return {
    action: 'lib/profiles/actions.ts#saveMeetTheTeamAction',
    allowed: which === 'team' ? MANAGERS : ['ADMIN'],
    ...(which === 'otherTeam' ? { label: "another team's edition" } : {}),
    prepare: async (c) => {
      const review = await makeReview(c.db, { teamId: c[which].id, month: freshMonth('review', c[which].id) });
      const agent = await makeUser(c.db, { role: 'AGENT', teamId: c[which].id });
      await ensureProfile(c, agent.id);
      return {
        args: form({ team: c[which].slug, month: review.month, userIds: agent.id }),
        probe: async () => (await c.db.review.findUniqueOrThrow({ where: { id: review.id } })).meetTheTeamIds,
      };
    },
  };
}

export const profiles: MatrixArea = {
  pages: [
    {
      route: '/account/profile',
      // The leader's page shows a saved profile (and its opt-out), the agent's an empty form.
      path: async (c) => {
        await ensureProfile(c, c.users.LEADER.id, 'Team leader');
        return '/account/profile';
      },
      allowed: ['AGENT', 'LEADER'],
    },
  ],
  actions: [
    {
      action: 'lib/profiles/actions.ts#saveProfileAction',
      allowed: ['AGENT', 'LEADER'],
      prepare: async (c) => {
        const title = `Matrix ${unique()}`;
        return {
          args: form({ title, bio: 'A few words about me, in my own words.', teamSince: '2020-01', consent: 'yes' }),
          probe: () => c.db.teamProfile.count({ where: { title } }),
        };
      },
    },
    {
      // Opting out of one's own: anyone signed in who has one (no userId sent).
      action: 'lib/profiles/actions.ts#removeProfileAction',
      allowed: SIGNED_IN,
      label: 'own profile',
      prepare: async (c, actor) => {
        const user = actor === 'ANONYMOUS' ? c.users.AGENT : c.users[actor];
        await ensureProfile(c, user.id);
        return { args: form({}), probe: () => c.db.teamProfile.count({ where: { userId: user.id } }) };
      },
    },
    {
      action: 'lib/profiles/actions.ts#removeProfileAction',
      allowed: ['ADMIN'],
      label: 'someone else’s profile',
      prepare: async (c) => {
        const agent = await makeUser(c.db, { role: 'AGENT', teamId: c.team.id });
        await ensureProfile(c, agent.id);
        return {
          args: form({ userId: agent.id }),
          probe: () => c.db.teamProfile.count({ where: { userId: agent.id } }),
        };
      },
    },
    meetTheTeamRow('team'),
    meetTheTeamRow('otherTeam'),
  ],
};
