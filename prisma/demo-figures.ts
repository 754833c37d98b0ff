// 36 complete months of believable figures for both demo teams: seasonality, a growing chat
// channel, CSAT around its target, and one bad month with a note. Deterministic (seeded), so
// every fresh start shows the same story.
import type { PrismaClient } from '../lib/generated/prisma/client';
import { addMonths, currentMonth } from '../lib/dates/month';
import { nameKey } from '../lib/figures/schemas';
import { DEFAULT_KPIS } from '../lib/team-settings/kpi-schemas';
import type { DemoOrganisation, DemoSeeder, DemoTeamSlug } from './demo';

type TeamPlan = {
  channels: { name: string; base: number; growth: number; handledRate: number }[];
  reasons: { name: string; share: number }[];
  segments: { name: string; share: number }[];
  /** Multiplier by calendar month (Jan = 0). */
  season: number[];
  badMonthsAgo: number;
  badNote: string;
};

const PLANS: Record<DemoTeamSlug, TeamPlan> = {
  'customer-care': {
    channels: [
      { name: 'Phone', base: 5200, growth: -0.006, handledRate: 0.972 },
      { name: 'Email', base: 3100, growth: -0.004, handledRate: 0.985 },
      { name: 'Chat', base: 900, growth: 0.045, handledRate: 0.993 },
      { name: 'Social', base: 420, growth: 0.012, handledRate: 0.96 },
    ],
    reasons: [
      { name: 'Delivery', share: 0.31 },
      { name: 'Returns', share: 0.21 },
      { name: 'Billing', share: 0.17 },
      { name: 'Technical', share: 0.14 },
      { name: 'Account', share: 0.1 },
      { name: 'Product information', share: 0.07 },
    ],
    segments: [
      { name: 'Consumers', share: 0.78 },
      { name: 'Business customers', share: 0.15 },
      { name: 'Partners', share: 0.05 },
      { name: 'Internal', share: 0.02 },
    ],
    season: [1.18, 0.95, 0.93, 0.92, 0.94, 0.9, 0.88, 0.9, 0.97, 1.02, 1.12, 1.28],
    badMonthsAgo: 14,
    badNote:
      'Storm on the 12th cut power to the Leeds site for two days; phone queues tripled and callbacks ran into the next week.',
  },
  'billing-support': {
    channels: [
      { name: 'Phone', base: 2100, growth: -0.003, handledRate: 0.968 },
      { name: 'Email', base: 1600, growth: 0.002, handledRate: 0.981 },
      { name: 'Chat', base: 380, growth: 0.05, handledRate: 0.99 },
    ],
    reasons: [
      { name: 'Invoice question', share: 0.34 },
      { name: 'Payment failed', share: 0.22 },
      { name: 'Refund', share: 0.18 },
      { name: 'Plan change', share: 0.15 },
      { name: 'Direct debit', share: 0.11 },
    ],
    segments: [
      { name: 'Consumers', share: 0.62 },
      { name: 'Small businesses', share: 0.29 },
      { name: 'Enterprise', share: 0.09 },
    ],
    season: [1.32, 1.08, 0.98, 1.15, 0.96, 0.92, 0.88, 0.86, 0.95, 0.98, 0.97, 0.95],
    badMonthsAgo: 7,
    badNote:
      'The new invoice layout confused customers: 1,100 extra calls in the first two weeks until the FAQ went live.',
  },
};

/** A small seeded PRNG (mulberry32): the same demo every time. */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_MONTHS = 36;

async function seedTeam(
  db: PrismaClient,
  teamId: string,
  plan: TeamPlan,
  now: Date,
  seed: number,
  monthsBack = DEMO_MONTHS,
) {
  const rand = random(seed);
  const jitter = (spread: number) => 1 + (rand() - 0.5) * 2 * spread;
  const make = async <T extends { name: string }>(
    list: T[],
    create: (data: { teamId: string; name: string; nameKey: string; position: number }[]) => Promise<unknown>,
  ) => create(list.map((item, position) => ({ teamId, name: item.name, nameKey: nameKey(item.name), position })));
  await make(plan.channels, (data) => db.channel.createMany({ data }));
  await make(plan.reasons, (data) => db.contactReason.createMany({ data }));
  await make(plan.segments, (data) => db.segment.createMany({ data }));
  await db.kpi.createMany({
    data: DEFAULT_KPIS.map((k, position) => ({
      teamId,
      position,
      name: k.name,
      nameKey: nameKey(k.name),
      unit: k.unit,
      direction: k.direction,
      target: k.target,
      decimals: k.decimals,
    })),
  });
  const [channels, reasons, segments, kpis] = await Promise.all([
    db.channel.findMany({ where: { teamId }, orderBy: { position: 'asc' } }),
    db.contactReason.findMany({ where: { teamId }, orderBy: { position: 'asc' } }),
    db.segment.findMany({ where: { teamId }, orderBy: { position: 'asc' } }),
    db.kpi.findMany({ where: { teamId }, orderBy: { position: 'asc' } }),
  ]);
  const kpi = (name: string) => kpis.find((k) => k.name === name)!.id;
  const latest = addMonths(currentMonth(now), -1);
  for (let i = monthsBack - 1; i >= 0; i--) {
    const month = addMonths(latest, -i);
    const monthsFromStart = monthsBack - 1 - i;
    const season = plan.season[Number(month.slice(5)) - 1]!;
    const bad = i === plan.badMonthsAgo;
    const volumes = plan.channels.map((c, index) => {
      const surge = bad && c.name === 'Phone' ? 1.75 : 1;
      const received = Math.round(c.base * (1 + c.growth) ** monthsFromStart * season * surge * jitter(0.05));
      const handled = Math.min(
        received,
        Math.round(received * (bad ? c.handledRate - 0.06 : c.handledRate) * jitter(0.008)),
      );
      return { teamId, channelId: channels[index]!.id, received, handled };
    });
    const total = volumes.reduce((n, v) => n + v.received, 0);
    const split = <T extends { share: number }>(list: T[], ids: { id: string }[]) => {
      const weights = list.map((x) => x.share * jitter(0.12));
      const sum = weights.reduce((a, b) => a + b, 0);
      return weights.map((w, index) => ({ id: ids[index]!.id, count: Math.round((total * w) / sum) }));
    };
    const csat = bad ? 81.4 : Math.min(97, 90 + (monthsFromStart / monthsBack) * 1.5 + (rand() - 0.5) * 4);
    await db.monthFigures.create({
      data: {
        teamId,
        month,
        note: bad ? plan.badNote : null,
        volumes: {
          createMany: {
            data: volumes.map(({ channelId, received, handled }) => ({ teamId, channelId, received, handled })),
          },
        },
        reasons: {
          createMany: { data: split(plan.reasons, reasons).map(({ id, count }) => ({ teamId, reasonId: id, count })) },
        },
        segments: {
          createMany: {
            data: split(plan.segments, segments).map(({ id, count }) => ({ teamId, segmentId: id, count })),
          },
        },
        kpis: {
          createMany: {
            data: [
              { teamId, kpiId: kpi('CSAT'), value: Math.round(csat * 10) / 10 },
              {
                teamId,
                kpiId: kpi('First response time'),
                value: Math.round(bad ? 138 : (58 - monthsFromStart * 0.5) * jitter(0.15)),
              },
              {
                teamId,
                kpiId: kpi('Average handle time'),
                value: Math.round((bad ? 10.8 : 8.4 - monthsFromStart * 0.02) * jitter(0.04) * 10) / 10,
              },
              {
                teamId,
                kpiId: kpi('First-contact resolution'),
                value: Math.round((bad ? 66 : 72 + monthsFromStart * 0.15 + (rand() - 0.5) * 3) * 10) / 10,
              },
              { teamId, kpiId: kpi('Backlog'), value: Math.round((bad ? 1450 : 380 * season) * jitter(0.2)) },
            ],
          },
        },
      },
    });
  }
}

/** Figures for any team (the benchmark uses it for larger datasets). */
export async function seedTeamFigures(
  db: PrismaClient,
  teamId: string,
  plan: DemoTeamSlug,
  seed: number,
  months: number,
) {
  await seedTeam(db, teamId, PLANS[plan], new Date(), seed, months);
}

export const seedDemoFigures: DemoSeeder = async (db, org: DemoOrganisation) => {
  await seedTeam(db, org.teams['customer-care'].id, PLANS['customer-care'], org.now, 20261);
  await seedTeam(db, org.teams['billing-support'].id, PLANS['billing-support'], org.now, 20262);
};
