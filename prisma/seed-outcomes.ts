// Demo outcomes: a year of what the organisation did because of each demo team's editions and
// asks, so the impact view, the trends charts and the next draft tell the story on a fresh start.
// Linked to the edition before each outcome, and to a done ask of the team when the asks seeder
// has made some (looked up, never required). Recorded two days after they happened, so the
// editions published since are taken to have told them and only the newest wait for the draft.
import type { PrismaClient } from '../lib/generated/prisma/client';
import type { OutcomeKind } from '../lib/generated/prisma/enums';
import { addMonths, currentMonth } from '../lib/dates/month';
import type { DemoOrganisation, DemoTeamSlug } from './demo';

type DemoOutcome = { back: number; day: number; kind: OutcomeKind; text: string; fromAsk?: boolean };

const OUTCOMES: Record<DemoTeamSlug, DemoOutcome[]> = {
  'customer-care': [
    {
      back: 11,
      day: 14,
      kind: 'CONSULTED',
      text: 'Product invited us to the checkout redesign kick-off after the edition showed delivery questions doubling.',
    },
    {
      back: 10,
      day: 6,
      kind: 'PROCESS_CHANGED',
      text: 'Logistics now texts customers their delivery window the evening before; “where is my parcel” calls fell by a fifth.',
      fromAsk: true,
    },
    {
      back: 8,
      day: 21,
      kind: 'PROJECT_FUNDED',
      text: 'The leadership team funded a self-service returns portal, citing our returns contact figures.',
    },
    {
      back: 7,
      day: 9,
      kind: 'CONSULTED',
      text: 'Finance asked us to check the wording of the new invoice before it went out.',
    },
    { back: 5, day: 3, kind: 'HEADCOUNT_OR_BUDGET', text: 'Two seasonal agents approved for the November peak.' },
    {
      back: 4,
      day: 17,
      kind: 'PROCESS_CHANGED',
      text: 'Marketing now shares campaign dates with us two weeks before launch.',
      fromAsk: true,
    },
    {
      back: 2,
      day: 11,
      kind: 'PROJECT_FUNDED',
      text: 'IT funded a handover from the chat bot to a person, from our chat wait-time figures.',
    },
    {
      back: 1,
      day: 8,
      kind: 'CONSULTED',
      text: 'Operations asked us into the review of the delivery partner contract.',
    },
    {
      back: 1,
      day: 22,
      kind: 'OTHER',
      text: 'The chief executive read out one of our customer quotes at the all-hands meeting.',
    },
  ],
  'billing-support': [
    {
      back: 9,
      day: 12,
      kind: 'PROCESS_CHANGED',
      text: 'Finance moved the direct-debit reminder three days earlier; payment-date calls dropped.',
      fromAsk: true,
    },
    { back: 6, day: 5, kind: 'CONSULTED', text: 'Consulted on the new pricing page before it went live.' },
    {
      back: 2,
      day: 19,
      kind: 'HEADCOUNT_OR_BUDGET',
      text: 'Budget approved for a billing specialist to handle disputes.',
    },
  ],
};

const LEADERS: Record<DemoTeamSlug, string> = {
  'customer-care': 'leader@demo.test',
  'billing-support': 'billing.leader@demo.test',
};

export async function seedDemoOutcomes(db: PrismaClient, org: DemoOrganisation): Promise<void> {
  const thisMonth = currentMonth(org.now);
  for (const slug of Object.keys(OUTCOMES) as DemoTeamSlug[]) {
    const team = org.teams[slug];
    const editions = new Map(
      (
        await db.review.findMany({ where: { teamId: team.id, status: 'PUBLISHED' }, select: { id: true, month: true } })
      ).map((r) => [r.month, r.id]),
    );
    const doneAsks = await db.ask.findMany({
      where: { teamId: team.id, status: 'DONE' },
      orderBy: { closedAt: 'asc' },
      select: { id: true },
    });
    for (const o of OUTCOMES[slug]) {
      const month = addMonths(thisMonth, -o.back);
      const occurredOn = new Date(`${month}-${String(o.day).padStart(2, '0')}T00:00:00Z`);
      if (occurredOn > org.now) continue;
      await db.outcome.create({
        data: {
          teamId: team.id,
          kind: o.kind,
          occurredOn,
          text: o.text,
          reviewId: editions.get(addMonths(month, -1)) ?? null,
          askId: o.fromAsk ? (doneAsks.shift()?.id ?? null) : null,
          recordedById: org.users[LEADERS[slug]]?.id ?? null,
          createdAt: new Date(occurredOn.getTime() + 2 * 86_400_000),
        },
      });
    }
  }
}
