// The monthly edition: leaders (of their own team) and admins compose and publish; every signed-in
// user reads, thanks and opts out; only the team's leaders and admins hide notes and retry emails.
import { makeReview, makeTeam } from '../../prisma/factories';
import { signUnsubscribeToken } from '../../lib/distribution/unsubscribe-token';
import { E2E_AUTH_SECRET } from '../fixtures/auth-secret';
import {
  form,
  freshMonth,
  PUBLIC,
  SIGNED_IN,
  unique,
  type ActionRow,
  type Context,
  type MatrixArea,
  type PageRow,
  type RouteRow,
} from './types';

const MANAGERS = ['ADMIN', 'LEADER'] as const;

type Which = 'team' | 'otherTeam';
const allowedFor = (which: Which) => (which === 'team' ? MANAGERS : (['ADMIN'] as const));
const labelFor = (which: Which, extra?: string) =>
  [which === 'otherTeam' ? "another team's" : null, extra].filter(Boolean).join(', ') || undefined;

const draft = (c: Context, which: Which) =>
  makeReview(c.db, { teamId: c[which].id, month: freshMonth('review', c[which].id) });
const published = (c: Context, which: Which) =>
  makeReview(c.db, { teamId: c[which].id, month: freshMonth('review', c[which].id), status: 'PUBLISHED' });

function managePages(which: Which): PageRow[] {
  const allowed = allowedFor(which);
  const label = labelFor(which);
  return [
    { route: '/manage/[team]/reviews', path: (c) => `/manage/${c[which].slug}/reviews`, allowed, label },
    {
      route: '/manage/[team]/reviews/[month]',
      path: async (c) => `/manage/${c[which].slug}/reviews/${(await draft(c, which)).month}`,
      allowed,
      label,
    },
    {
      route: '/manage/[team]/reviews/[month]/preview',
      path: async (c) => `/manage/${c[which].slug}/reviews/${(await draft(c, which)).month}/preview`,
      allowed,
      label,
    },
  ];
}

function composeActions(which: Which): ActionRow[] {
  const allowed = allowedFor(which);
  const saveFields = (c: Context, month: string, intent: 'save' | 'publish') => ({
    team: c[which].slug,
    month,
    version: '1',
    title: `Matrix ${unique()}`,
    highlights: 'The story.',
    asks: '',
    distribution: '',
    intent,
    note: '',
  });
  return [
    {
      action: 'lib/publishing/actions.ts#startReviewAction',
      allowed,
      label: labelFor(which),
      prepare: async (c) => {
        const month = freshMonth('review', c[which].id);
        return {
          args: form({ team: c[which].slug, month }),
          probe: () => c.db.review.count({ where: { teamId: c[which].id, month } }),
        };
      },
    },
    {
      action: 'lib/publishing/actions.ts#saveReviewAction',
      allowed,
      label: labelFor(which, 'save'),
      prepare: async (c) => {
        const review = await draft(c, which);
        return {
          args: form(saveFields(c, review.month, 'save')),
          probe: async () => (await c.db.review.findUniqueOrThrow({ where: { id: review.id } })).title,
        };
      },
    },
    {
      action: 'lib/publishing/actions.ts#saveReviewAction',
      allowed,
      label: labelFor(which, 'publish'),
      prepare: async (c) => {
        const review = await draft(c, which);
        return {
          args: form(saveFields(c, review.month, 'publish')),
          probe: () => c.db.reviewRevision.count({ where: { reviewId: review.id } }),
        };
      },
    },
    {
      action: 'lib/publishing/actions.ts#hideThanksAction',
      allowed,
      label: labelFor(which),
      prepare: async (c) => {
        const review = await published(c, which);
        const thanks = await c.db.reviewThanks.create({
          data: { reviewId: review.id, teamId: review.teamId, userId: c.users.COLLEAGUE.id, note: 'Rude' },
        });
        return {
          args: form({ thanksId: thanks.id }),
          probe: async () => (await c.db.reviewThanks.findUniqueOrThrow({ where: { id: thanks.id } })).hiddenAt,
        };
      },
    },
    {
      action: 'lib/publishing/actions.ts#retryEmailAction',
      allowed,
      label: labelFor(which),
      prepare: async (c) => {
        const review = await published(c, which);
        const email = await c.db.reviewEmail.create({
          data: {
            reviewId: review.id,
            teamId: review.teamId,
            revision: 1,
            status: 'FAILED',
            attempts: 1,
            lastError: 'Connection refused',
          },
        });
        return {
          args: form({ emailId: email.id }),
          probe: async () => (await c.db.reviewEmail.findUniqueOrThrow({ where: { id: email.id } })).status,
        };
      },
    },
  ];
}

// Unsubscribing from an edition email is public by design: the signed token is the proof, and a
// distribution-list address has no account. Each call gets a fresh address, so each one changes.
const freshUnsubscribe = (c: Context) => {
  const email = `list-${unique()}@example.test`;
  return {
    email,
    token: signUnsubscribeToken(E2E_AUTH_SECRET, c.team.id, email),
    probe: () => c.db.reviewEmailAddressOptOut.count({ where: { teamId: c.team.id, email } }),
  };
};

const unsubscribeRoutes: RouteRow[] = [
  {
    route: '/api/unsubscribe/[token]',
    method: 'POST',
    path: (c) => `/api/unsubscribe/${freshUnsubscribe(c).token}`,
    allowed: PUBLIC,
    label: 'one-click',
  },
  {
    route: '/api/unsubscribe/[token]',
    method: 'GET',
    path: (c) => `/api/unsubscribe/${freshUnsubscribe(c).token}`,
    allowed: PUBLIC,
    expectStatus: 303,
    label: 'opens the page',
  },
];

export const reviews: MatrixArea = {
  routes: unsubscribeRoutes,
  pages: [
    { route: '/unsubscribe/[token]', path: (c) => `/unsubscribe/${freshUnsubscribe(c).token}`, allowed: PUBLIC },
    { route: '/reviews', path: () => '/reviews', allowed: SIGNED_IN },
    {
      route: '/reviews/[team]/[month]',
      path: async (c) => `/reviews/${c.team.slug}/${(await published(c, 'team')).month}`,
      allowed: SIGNED_IN,
    },
    ...managePages('team'),
    ...managePages('otherTeam'),
  ],
  actions: [
    ...composeActions('team'),
    ...composeActions('otherTeam'),
    {
      action: 'lib/publishing/actions.ts#thankReviewAction',
      allowed: SIGNED_IN,
      prepare: async (c) => {
        const review = await published(c, 'team');
        return {
          args: form({ reviewId: review.id, note: 'Thanks!' }),
          probe: () => c.db.reviewThanks.count({ where: { reviewId: review.id } }),
        };
      },
    },
    {
      action: 'lib/distribution/unsubscribe-actions.ts#unsubscribeAction',
      allowed: PUBLIC,
      prepare: async (c) => {
        const { token, probe } = freshUnsubscribe(c);
        return { args: form({ token }), probe };
      },
    },
    {
      action: 'lib/publishing/actions.ts#emailOptOutAction',
      allowed: SIGNED_IN,
      prepare: async (c) => {
        const team = await makeTeam(c.db);
        return {
          args: form({ team: team.slug, optOut: 'yes' }),
          probe: () => c.db.reviewEmailOptOut.count({ where: { teamId: team.id } }),
        };
      },
    },
  ],
};
