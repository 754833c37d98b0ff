// The demo's department lens: each team's reasons linked to the department whose work causes them,
// a December delivery peak Logistics owns, and Marketing's campaign month, when "Promotion"
// contacts spike. Runs after the figures and before the editions, so the demo's published
// editions freeze a "For your department" section for each department.
import type { PrismaClient } from '../lib/generated/prisma/client';
import { addMonths, currentMonth } from '../lib/dates/month';
import { nameKey } from '../lib/figures/schemas';
import { makeDepartment } from './factories';
import type { DemoOrganisation } from './demo';

const LINKS: Record<string, Record<string, string>> = {
  'customer-care': {
    Delivery: 'Logistics',
    Returns: 'Logistics',
    Billing: 'Finance',
    Technical: 'Product',
    'Product information': 'Product',
    Promotion: 'Marketing',
  },
  'billing-support': {
    'Invoice question': 'Finance',
    'Payment failed': 'Finance',
    Refund: 'Finance',
    'Direct debit': 'Finance',
    'Plan change': 'Product',
  },
};

/** Marketing's campaign went out this many months before the latest month. */
export const CAMPAIGN_MONTHS_AGO = 2;

export async function seedDemoDepartments(db: PrismaClient, org: DemoOrganisation): Promise<void> {
  const care = org.teams['customer-care'];
  const latest = addMonths(currentMonth(org.now), -1);
  const campaign = addMonths(latest, -CAMPAIGN_MONTHS_AGO);
  // "Promotion": a few contacts a month about offers, many in the campaign month.
  const last = await db.contactReason.findFirst({ where: { teamId: care.id }, orderBy: { position: 'desc' } });
  const promotion = await db.contactReason.create({
    data: { teamId: care.id, name: 'Promotion', nameKey: nameKey('Promotion'), position: (last?.position ?? 0) + 1 },
  });
  const figures = await db.monthFigures.findMany({ where: { teamId: care.id }, select: { id: true, month: true } });
  await db.reasonCount.createMany({
    data: figures.map((f, i) => ({
      teamId: care.id,
      figuresId: f.id,
      reasonId: promotion.id,
      count: f.month === campaign ? 1380 : 90 + ((i * 37) % 60),
    })),
  });
  // The delivery peak: December's parcels bring far more "where is my parcel" contacts.
  const delivery = await db.contactReason.findFirstOrThrow({ where: { teamId: care.id, name: 'Delivery' } });
  const decembers = figures.filter((x) => x.month.endsWith('-12')).map((f) => f.id);
  for (const row of await db.reasonCount.findMany({
    where: { figuresId: { in: decembers }, reasonId: delivery.id },
    select: { id: true, count: true },
  }))
    await db.reasonCount.update({ where: { id: row.id }, data: { count: Math.round(row.count * 1.6) } });
  for (const [slug, links] of Object.entries(LINKS)) {
    const team = org.teams[slug as keyof DemoOrganisation['teams']];
    for (const [reason, department] of Object.entries(links)) {
      const { id } = await makeDepartment(db, department);
      await db.contactReason.updateMany({ where: { teamId: team.id, name: reason }, data: { departmentId: id } });
    }
  }
}
