// Tracked asks: leaders (of their own team) and admins raise, edit and remove a draft's asks; the
// asks page is for everyone signed in; an ask is answered by the people of its department, admins
// and the asking team's leaders, and by nobody else.
import { makeDepartment, makeReview } from '../../prisma/factories';
import {
  form,
  freshMonth,
  SIGNED_IN,
  unique,
  type ActionRow,
  type Actor,
  type Context,
  type MatrixArea,
} from './types';

type Which = 'team' | 'otherTeam';
const MANAGERS = ['ADMIN', 'LEADER'] as const;
const allowedFor = (which: Which) => (which === 'team' ? MANAGERS : (['ADMIN'] as const));
const label = (which: Which, extra?: string) =>
  [which === 'otherTeam' ? "another team's" : null, extra].filter(Boolean).join(', ') || undefined;

const department = (c: Context) => makeDepartment(c.db, `Matrix department ${unique()}`);

async function askIn(c: Context, which: Which, status: 'DRAFT' | 'PUBLISHED', departmentId?: string) {
  const review = await makeReview(c.db, { teamId: c[which].id, month: freshMonth('review', c[which].id), status });
  const ask = await c.db.ask.create({
    data: {
      teamId: c[which].id,
      reviewId: review.id,
      departmentId: departmentId ?? (await department(c)).id,
      title: `Matrix ask ${unique()}`,
    },
  });
  return { review, ask };
}

const askState = (c: Context, id: string) => async () => {
  const ask = await c.db.ask.findUnique({ where: { id }, select: { title: true, status: true, answer: true } });
  return ask ?? 'removed';
};

function composerActions(which: Which): ActionRow[] {
  const allowed = allowedFor(which);
  return [
    {
      action: 'lib/asks/actions.ts#createAskAction',
      allowed,
      label: label(which),
      prepare: async (c) => {
        const review = await makeReview(c.db, { teamId: c[which].id, month: freshMonth('review', c[which].id) });
        const dept = await department(c);
        return {
          args: form({ team: c[which].slug, month: review.month, title: 'Call us back', departmentId: dept.id }),
          probe: () => c.db.ask.count({ where: { reviewId: review.id } }),
        };
      },
    },
    {
      action: 'lib/asks/actions.ts#updateAskAction',
      allowed,
      label: label(which),
      prepare: async (c) => {
        const { ask } = await askIn(c, which, 'DRAFT');
        return {
          args: form({ askId: ask.id, title: `Edited ${unique()}`, departmentId: ask.departmentId, details: '' }),
          probe: askState(c, ask.id),
        };
      },
    },
    {
      action: 'lib/asks/actions.ts#removeAskAction',
      allowed,
      label: label(which),
      prepare: async (c) => {
        const { ask } = await askIn(c, which, 'DRAFT');
        return { args: form({ askId: ask.id }), probe: askState(c, ask.id) };
      },
    },
  ];
}

const answer = (c: Context, ask: { id: string; updatedAt: Date }) => ({
  args: form({ askId: ask.id, seen: ask.updatedAt.toISOString(), status: 'DONE', answer: 'Done, see the FAQ.' }),
  probe: askState(c, ask.id),
});

export const asks: MatrixArea = {
  pages: [{ route: '/asks', path: () => '/asks', allowed: SIGNED_IN }],
  actions: [
    ...composerActions('team'),
    ...composerActions('otherTeam'),
    {
      action: 'lib/asks/actions.ts#answerAskAction',
      allowed: MANAGERS,
      label: 'addressed to a department none of them is in',
      prepare: async (c) => answer(c, (await askIn(c, 'team', 'PUBLISHED')).ask),
    },
    {
      action: 'lib/asks/actions.ts#answerAskAction',
      allowed: ['ADMIN'],
      label: "another team's, to a department none of them is in",
      prepare: async (c) => answer(c, (await askIn(c, 'otherTeam', 'PUBLISHED')).ask),
    },
    {
      // Another team's ask, so the leader may answer only as a member of the department.
      action: 'lib/asks/actions.ts#answerAskAction',
      allowed: SIGNED_IN,
      label: "another team's, addressed to the actor's department",
      prepare: async (c, actor: Actor) => {
        const dept = await department(c);
        if (actor !== 'ANONYMOUS')
          await c.db.user.update({ where: { id: c.users[actor].id }, data: { departmentId: dept.id } });
        return answer(c, (await askIn(c, 'otherTeam', 'PUBLISHED', dept.id)).ask);
      },
    },
  ],
};
