// A year of tracked asks for the demo: each published edition asked a department or two for
// something; the older ones were mostly done (a few declined), the recent ones are open or in
// progress, and some were done since the last edition, so the current draft opens with "You asked,
// we did". In December, when Logistics causes the delivery peak, the team asks Logistics and
// Logistics answers before the December edition goes out. Answers come from people of the department
// asked (Chris Novak, colleague@, is in Finance; Jordan Reyes, exec@, in Operations), so answering can
// be shown. The editions were frozen before their asks existed (demo-reviews.ts): each published
// revision's "For your department" parts then get the asks as they stood when it went out. Deterministic.
import type { Prisma, PrismaClient } from '../lib/generated/prisma/client';
import type { AskStatus } from '../lib/generated/prisma/enums';
import { writeFollowUps, type SnapshotAsk } from '../lib/asks/follow-ups';
import { monthRange } from '../lib/dates/month';
import type { EditionSnapshot } from '../lib/editions/content';
import { lensAsks } from '../lib/editions/department-lens';
import type { DemoSeeder, DemoTeamSlug } from './demo';

type Plan = {
  department: string;
  title: string;
  details: string;
  status: AskStatus;
  answer?: string;
  /** Answered since the team's latest edition: the current draft's "You asked, we did". */
  lately?: boolean;
};

/**
 * Customer Care's December: raised early in the month of the delivery peak and done in it, so the
 * December edition (published early January) went out with Logistics' answer in its section.
 */
const DECEMBER: Partial<Record<DemoTeamSlug, Plan>> = {
  'customer-care': {
    department: 'Logistics',
    title: 'Share delivery delays the day they happen',
    details: 'December’s parcels are on their way, and we learn about late vans from customers.',
    status: 'DONE',
    answer: 'The depot now posts delays to your team channel by 9:00.',
  },
};

/** Oldest edition first; each inner list is one edition's asks. */
const PLANS: Record<DemoTeamSlug, Plan[][]> = {
  'customer-care': [
    [
      {
        department: 'Finance',
        title: 'Explain the new invoice layout',
        details: 'The redesign caused **300 calls** in its first week. A one-page guide we can send would help.',
        status: 'DONE',
        answer: 'A one-page guide is on the help centre and linked from every invoice email.',
      },
    ],
    [
      {
        department: 'IT',
        title: 'Fix the password-reset email delay',
        details: 'Customers wait up to 20 minutes and then call.',
        status: 'DONE',
        answer: 'Moved to the new mail provider: resets now arrive within a minute.',
      },
      {
        department: 'Marketing',
        title: 'Tell us before campaigns go out',
        details: '',
        status: 'DECLINED',
        answer: 'We cannot commit to a fixed notice; we now copy your team on the campaign calendar instead.',
      },
    ],
    [
      {
        department: 'Product',
        title: 'Add order tracking to the app',
        details: '"Where is my order?" is our biggest reason.',
        status: 'IN_PROGRESS',
        answer: 'On the roadmap: design is done, build starts next quarter.',
      },
    ],
    [
      {
        department: 'Finance',
        title: 'Give agents refund approval up to £50',
        details: 'Every refund waits a day for a Finance sign-off.',
        status: 'DONE',
        answer: 'Approved: agents may refund up to £50 without sign-off from the 1st.',
      },
    ],
    [
      {
        department: 'Operations',
        title: 'Cover the phones during the all-hands',
        details: '',
        status: 'DONE',
        answer: 'Operations staffed the phones for the hour; we will repeat it each quarter.',
      },
    ],
    [
      {
        department: 'Sales',
        title: 'Stop promising next-day delivery on bulky items',
        details: 'It is not possible for sofas and beds, and customers call when it does not happen.',
        status: 'IN_PROGRESS',
        answer: 'The sales script is being changed; the new one is in review.',
      },
    ],
    [
      {
        department: 'IT',
        title: 'A status page for outages',
        details: 'So customers (and we) know what is happening.',
        status: 'OPEN',
      },
    ],
    [
      {
        department: 'Finance',
        title: 'Warn us two weeks before price changes',
        details: 'Last change: 900 contacts in three days.',
        status: 'DONE',
        answer: 'Price changes now go to Customer Care two weeks ahead, with an FAQ.',
        lately: true,
      },
    ],
    [
      {
        department: 'Operations',
        title: 'Extend Saturday opening to 4 pm',
        details: '',
        status: 'DONE',
        answer: 'Agreed for the winter season: Saturday opening until 4 pm from this month.',
        lately: true,
      },
      {
        department: 'HR',
        title: 'Include Customer Care in the new-starter tour',
        details: '',
        status: 'OPEN',
      },
    ],
    [
      {
        department: 'Product',
        title: 'Show stock levels before checkout',
        details: 'Out-of-stock after payment made 120 contacts.',
        status: 'OPEN',
      },
    ],
  ],
  'billing-support': [
    [
      {
        department: 'Finance',
        title: 'Publish direct-debit dates a month ahead',
        details: '',
        status: 'DONE',
        answer: 'The dates for next year are on the billing page.',
      },
    ],
    [],
    [
      {
        department: 'IT',
        title: 'Let customers download past invoices',
        details: '',
        status: 'IN_PROGRESS',
        answer: 'In testing.',
      },
    ],
  ],
};

const DAY = 86_400_000;
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

export const seedDemoAsks: DemoSeeder = async (db: PrismaClient, org) => {
  const departments = new Map(
    (await db.department.findMany({ select: { id: true, name: true } })).map((d) => [d.name, d.id]),
  );
  // Who answers for a department: someone of it outside the service teams (the demo's colleague@
  // and exec@ first), never the asking team's own people.
  const answerer = async (department: string) => {
    const where = { department: { name: department }, teamId: null };
    const person =
      (await db.user.findFirst({
        where: { ...where, email: { in: ['colleague@demo.test', 'exec@demo.test'] } },
        select: { id: true },
      })) ?? (await db.user.findFirst({ where, orderBy: { email: 'asc' }, select: { id: true } }));
    return person?.id ?? null;
  };
  const leaders: Record<DemoTeamSlug, string> = {
    'customer-care': org.users['leader@demo.test']!.id,
    'billing-support': org.users['billing.leader@demo.test']!.id,
  };
  for (const slug of ['customer-care', 'billing-support'] as const) {
    const team = org.teams[slug];
    const editions = await db.review.findMany({
      where: { teamId: team.id, status: 'PUBLISHED' },
      orderBy: { month: 'asc' },
      select: { id: true, month: true, publishedAt: true },
    });
    const plans = PLANS[slug];
    // The last plans go to the latest editions.
    const start = Math.max(0, editions.length - plans.length);
    const latest = editions.at(-1)?.publishedAt ?? org.now;
    const december = DECEMBER[slug];
    for (const [i, edition] of editions.entries()) {
      const published = edition.publishedAt ?? org.now;
      const monthBegins = monthRange(edition.month).start.getTime();
      const tracked: SnapshotAsk[] = [];
      const own = (i >= start ? (plans[i - start] ?? []) : []).map((plan) => ({ plan, during: false }));
      if (december && edition.month.endsWith('-12')) own.push({ plan: december, during: true });
      for (const [j, { plan, during }] of own.entries()) {
        const departmentId = departments.get(plan.department);
        if (!departmentId) continue;
        const closed = plan.status === 'DONE' || plan.status === 'DECLINED';
        // Recent editions' asks closed lately (after the last edition, for "You asked, we did");
        // December's within December.
        const answered = during
          ? monthBegins + (16 + 5 * j) * DAY
          : plan.lately
            ? latest.getTime() + (3 + 4 * j) * DAY
            : published.getTime() + (9 + 5 * j) * DAY;
        const answeredAt = plan.answer ? new Date(Math.min(org.now.getTime() - 3_600_000, answered)) : null;
        const ask = await db.ask.create({
          data: {
            teamId: team.id,
            reviewId: edition.id,
            departmentId,
            title: plan.title,
            details: plan.details,
            status: plan.status,
            answer: plan.answer ?? null,
            answeredById: plan.answer ? await answerer(plan.department) : null,
            answeredAt,
            closedAt: closed ? answeredAt : null,
            raisedById: leaders[slug],
            createdAt: new Date(during ? monthBegins + 2 * DAY : published.getTime() - 2 * DAY),
          },
          select: { id: true },
        });
        tracked.push({ id: ask.id, title: plan.title, department: plan.department, details: plan.details });
      }
      if (!tracked.length) continue;
      // The editions went out with these asks: every revision shows them.
      for (const revision of await db.reviewRevision.findMany({ where: { reviewId: edition.id } }))
        await db.reviewRevision.update({
          where: { id: revision.id },
          data: { snapshot: json({ ...(revision.snapshot as object), trackedAsks: tracked }) },
        });
    }
    await freezeLensAsks(db, team.id);
    // The draft opens with what the composer would have written on starting it today.
    const draft = await db.review.findFirst({ where: { teamId: team.id, status: 'DRAFT' }, select: { id: true } });
    const last = editions.at(-1);
    if (!draft || !last?.publishedAt) continue;
    const asks = await db.ask.findMany({
      where: { teamId: team.id },
      orderBy: { createdAt: 'asc' },
      select: {
        title: true,
        status: true,
        answer: true,
        closedAt: true,
        department: { select: { name: true } },
        review: { select: { publishedAt: true } },
      },
    });
    const followUps = writeFollowUps(
      asks
        .filter((a) => a.status === 'DONE' && a.closedAt && a.closedAt > last.publishedAt!)
        .map((a) => ({ title: a.title, department: a.department.name, answer: a.answer })),
      asks
        .filter((a) => a.status === 'OPEN' || a.status === 'IN_PROGRESS')
        .map((a) => ({
          title: a.title,
          department: a.department.name,
          status: a.status === 'IN_PROGRESS' ? ('IN_PROGRESS' as const) : ('OPEN' as const),
          answer: a.answer,
          since: a.review.publishedAt ?? org.now,
        })),
      org.now,
    );
    await db.review.update({ where: { id: draft.id }, data: { followUps } });
    // And the draft already raises one ask of its own, to be edited or published.
    const product = departments.get('Product');
    if (product)
      await db.ask.create({
        data: {
          teamId: team.id,
          reviewId: draft.id,
          departmentId: product,
          title: 'Test the checkout changes with us before release',
          details:
            'Half of this month’s *Delivery* contacts came from the new checkout: a 30-minute walkthrough would let us prepare answers.',
          raisedById: leaders[slug],
        },
      });
  }
};

/**
 * Each published revision's "For your department" parts with the team's asks as publishing froze
 * them (lib/editions/department-lens-build.ts reads them at publish: raised by this edition or an
 * earlier one, and still open or closed in the edition's month), here as they stood when the revision
 * went out: raised by then, closed by then only if closed in the month, and an answer only if given
 * by then. Before it was answered, a demo ask was open.
 */
async function freezeLensAsks(db: PrismaClient, teamId: string) {
  const asks = await db.ask.findMany({
    where: { teamId, review: { status: 'PUBLISHED' } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      departmentId: true,
      title: true,
      status: true,
      answer: true,
      answeredAt: true,
      closedAt: true,
      createdAt: true,
      review: { select: { month: true } },
    },
  });
  const revisions = await db.reviewRevision.findMany({
    where: { teamId, review: { status: 'PUBLISHED', kind: 'MONTHLY' } },
    select: { id: true, createdAt: true, snapshot: true, review: { select: { month: true } } },
  });
  for (const revision of revisions) {
    const snapshot = revision.snapshot as unknown as EditionSnapshot;
    if (!snapshot.departments?.length) continue;
    const { month } = revision.review;
    const at = revision.createdAt;
    const { start, end } = monthRange(month);
    const stood = asks.flatMap((a) => {
      if (a.review.month > month || a.createdAt > at) return [];
      if (a.closedAt && a.closedAt <= at) return a.closedAt >= start && a.closedAt < end ? [a] : [];
      const answered = a.answeredAt !== null && a.answeredAt <= at;
      return [
        { ...a, status: answered ? ('IN_PROGRESS' as const) : ('OPEN' as const), answer: answered ? a.answer : null },
      ];
    });
    const departments = snapshot.departments.map((lens) => ({ ...lens, asks: lensAsks(stood, lens.departmentId) }));
    await db.reviewRevision.update({
      where: { id: revision.id },
      data: { snapshot: json({ ...snapshot, departments }) },
    });
  }
}
