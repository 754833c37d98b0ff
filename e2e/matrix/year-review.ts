// The year in review: started by the team's leaders and admins, composed and published through the
// monthly composer's pages and action with a year ("2026") where a month would be; read by everyone
// signed in. Its rows are labelled (the routes are the monthly ones) and still checked with axe.
import { buildYearContent } from '../../lib/editions/year-content';
import { form, SIGNED_IN, unique, type ActionRow, type Context, type MatrixArea, type PageRow } from './types';

const MANAGERS = ['ADMIN', 'LEADER'] as const;
type Which = 'team' | 'otherTeam';
const allowedFor = (which: Which) => (which === 'team' ? MANAGERS : (['ADMIN'] as const));
const labelFor = (which: Which, extra: string) =>
  [which === 'otherTeam' ? "another team's" : null, 'year in review', extra].filter(Boolean).join(', ');

// A year not used yet for this team in this run: (team, month) is unique, and a year never collides
// with a month ("2003-01") that other rows hand out. Counted down from 2999, away from the current
// year the start row uses: a refused actor's call is prepared three times (once per bypass header),
// so rows need many. Saving and publishing a draft do not care which year it names.
const yearCounters = new Map<string, number>();
function freshYear(teamId: string): string {
  const n = yearCounters.get(teamId) ?? 0;
  yearCounters.set(teamId, n + 1);
  const year = String(2999 - n);
  if (year <= String(new Date().getUTCFullYear())) throw new Error(`freshYear ran out of years at ${year}`);
  return year;
}

async function makeYearReview(c: Context, which: Which, status: 'DRAFT' | 'PUBLISHED') {
  const team = await c.db.team.findUniqueOrThrow({ where: { id: c[which].id } });
  const year = freshYear(team.id);
  const title = `${team.name}: ${year} in review`;
  const review = await c.db.review.create({
    data: {
      teamId: team.id,
      month: year,
      kind: 'YEAR',
      title,
      highlights: `The year ${year}.`,
      asks: '',
      status,
      publishedAt: status === 'PUBLISHED' ? new Date() : null,
    },
  });
  if (status === 'PUBLISHED') {
    const built = buildYearContent({
      team: { name: team.name, slug: team.slug },
      year,
      catalog: { channels: [], reasons: [], segments: [], kpis: [] },
      records: [],
      quotes: [],
      wins: [],
      editions: [],
      outcomes: [],
      credited: [],
    });
    const snapshot = { title, highlights: review.highlights, asks: '', ...built };
    await c.db.reviewRevision.create({
      data: { teamId: team.id, reviewId: review.id, revision: 1, snapshot: JSON.parse(JSON.stringify(snapshot)) },
    });
  }
  return review;
}

function pages(which: Which): PageRow[] {
  const allowed = allowedFor(which);
  return [
    {
      route: '/manage/[team]/reviews/[month]',
      path: async (c) => `/manage/${c[which].slug}/reviews/${(await makeYearReview(c, which, 'DRAFT')).month}`,
      allowed,
      label: labelFor(which, 'composer'),
      axe: which === 'team',
    },
    {
      route: '/manage/[team]/reviews/[month]/preview',
      path: async (c) => `/manage/${c[which].slug}/reviews/${(await makeYearReview(c, which, 'DRAFT')).month}/preview`,
      allowed,
      label: labelFor(which, 'preview'),
      axe: which === 'team',
    },
  ];
}

function actions(which: Which): ActionRow[] {
  const allowed = allowedFor(which);
  const save = (intent: 'save' | 'publish'): ActionRow => ({
    action: 'lib/publishing/actions.ts#saveReviewAction',
    allowed,
    label: labelFor(which, intent),
    prepare: async (c) => {
      const review = await makeYearReview(c, which, 'DRAFT');
      const fields = {
        team: c[which].slug,
        month: review.month,
        version: '1',
        title: `Matrix ${unique()}`,
        highlights: 'The story of the year.',
        asks: '',
        distribution: '',
        intent,
        note: '',
      };
      return {
        args: form(fields),
        probe: async () =>
          intent === 'save'
            ? (await c.db.review.findUniqueOrThrow({ where: { id: review.id } })).title
            : c.db.reviewRevision.count({ where: { reviewId: review.id } }),
      };
    },
  });
  return [
    {
      action: 'lib/year-review/actions.ts#startYearReviewAction',
      allowed,
      label: labelFor(which, 'start'),
      // The current year needs no figures; each call starts from none, so an allowed call creates one.
      prepare: async (c) => {
        const year = String(new Date().getUTCFullYear());
        const where = { teamId: c[which].id, month: year, kind: 'YEAR' as const };
        await c.db.review.deleteMany({ where });
        return { args: form({ team: c[which].slug, year }), probe: () => c.db.review.count({ where }) };
      },
    },
    save('save'),
    save('publish'),
  ];
}

export const yearReview: MatrixArea = {
  pages: [
    ...pages('team'),
    ...pages('otherTeam'),
    {
      route: '/reviews/[team]/[month]',
      path: async (c) => `/reviews/${c.team.slug}/${(await makeYearReview(c, 'team', 'PUBLISHED')).month}`,
      allowed: SIGNED_IN,
      label: 'year in review',
      axe: true,
    },
  ],
  actions: [...actions('team'), ...actions('otherTeam')],
};
