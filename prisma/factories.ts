// Factory functions for demo data and tests: each call makes uniquely named rows unless told
// otherwise, so tests never collide and never depend on one another's leftovers.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../lib/generated/prisma/client';
import type { Role } from '../lib/generated/prisma/enums';
import { hashPassword } from '../lib/password';

type Client = Pick<PrismaClient, 'team' | 'user'>;

const unique = () => randomUUID().slice(0, 8);

export async function makeTeam(db: Client, overrides: { name?: string; slug?: string } = {}) {
  const suffix = unique();
  return db.team.create({
    data: { name: overrides.name ?? `Team ${suffix}`, slug: overrides.slug ?? `team-${suffix}` },
  });
}

export type MakeUserInput = {
  role: Role;
  teamId?: string | null;
  name?: string;
  email?: string;
  password?: string;
  active?: boolean;
  passwordChangeRequired?: boolean;
  departmentId?: string | null;
};

/** Test users' password unless a test names one. */
export const TEST_PASSWORD = 'test-password';
// Its hash, made once per process: scrypt costs 64 ms of CPU, and the suites make hundreds of
// users. A test that names a password (and the demo, which always does) gets its own salt.
let testPasswordHash: Promise<string> | undefined;

export async function makeUser(db: Client, input: MakeUserInput) {
  const suffix = unique();
  const passwordHash =
    input.password === undefined ? (testPasswordHash ??= hashPassword(TEST_PASSWORD)) : hashPassword(input.password);
  return db.user.create({
    data: {
      name: input.name ?? `${input.role.toLowerCase()} ${suffix}`,
      email: (input.email ?? `${input.role.toLowerCase()}-${suffix}@example.test`).toLowerCase(),
      role: input.role,
      teamId: input.teamId ?? null,
      active: input.active ?? true,
      passwordChangeRequired: input.passwordChangeRequired ?? false,
      departmentId: input.departmentId ?? null,
      passwordHash: await passwordHash,
    },
  });
}

/** A department by name (made once: the same name again returns the same row). */
export async function makeDepartment(db: Pick<PrismaClient, 'department'>, name: string) {
  const key = name.trim().toLowerCase();
  return db.department.upsert({ where: { key }, create: { name: name.trim(), key }, update: {} });
}

type CatalogClient = Pick<PrismaClient, 'channel' | 'contactReason' | 'segment' | 'kpi'>;
type KpiSpec = {
  name: string;
  unit?: 'PERCENT' | 'SECONDS' | 'MINUTES' | 'COUNT' | 'SCORE';
  direction?: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  target?: number | null;
};

/** A team's channels, reasons, segments and KPIs, by name (defaults suit most tests). */
export async function makeCatalog(
  db: CatalogClient,
  teamId: string,
  spec: { channels?: string[]; reasons?: string[]; segments?: string[]; kpis?: KpiSpec[] } = {},
) {
  const key = (s: string) => s.trim().toLowerCase();
  const rows = (names: string[]) => names.map((name, position) => ({ teamId, name, nameKey: key(name), position }));
  await db.channel.createMany({ data: rows(spec.channels ?? ['Phone', 'Email', 'Chat']) });
  await db.contactReason.createMany({ data: rows(spec.reasons ?? ['Billing', 'Delivery']) });
  await db.segment.createMany({ data: rows(spec.segments ?? ['Consumers', 'Business']) });
  const kpis = spec.kpis ?? [
    { name: 'CSAT', unit: 'PERCENT' },
    { name: 'First response time', unit: 'MINUTES', direction: 'LOWER_IS_BETTER' },
    { name: 'Average handle time', unit: 'MINUTES', direction: 'LOWER_IS_BETTER' },
  ];
  await db.kpi.createMany({
    data: kpis.map((k, position) => ({
      teamId,
      position,
      name: k.name,
      nameKey: key(k.name),
      unit: k.unit ?? 'SCORE',
      direction: k.direction ?? 'HIGHER_IS_BETTER',
      target: k.target ?? null,
      decimals: 1,
    })),
  });
}

type StoriesClient = Pick<PrismaClient, 'quote' | 'win' | 'project'>;

export type MakeQuoteInput = {
  teamId: string;
  submitterId: string;
  text?: string;
  attribution?: 'NAMED' | 'ORGANISATION' | 'ANONYMOUS';
  customerName?: string | null;
  customerOrganisation?: string | null;
  channel?: 'PHONE' | 'EMAIL' | 'CHAT' | 'SOCIAL' | 'MESSAGING' | 'OTHER';
  receivedOn?: Date;
  status?: 'PENDING' | 'APPROVED' | 'REJECTED';
  pullQuote?: string | null;
  moderatorId?: string | null;
  creditIds?: string[];
};

/** A quote as the app would store it (attribution rules are the caller's business). */
export async function makeQuote(db: StoriesClient, input: MakeQuoteInput) {
  const suffix = unique();
  return db.quote.create({
    data: {
      teamId: input.teamId,
      submitterId: input.submitterId,
      submissionKey: `factory-${suffix}`,
      text: input.text ?? `Thank you for sorting this out so quickly (${suffix}).`,
      attribution: input.attribution ?? 'ANONYMOUS',
      customerName: input.customerName ?? null,
      customerOrganisation: input.customerOrganisation ?? null,
      consentRecordedAt: input.attribution === 'NAMED' ? new Date() : null,
      channel: input.channel ?? 'EMAIL',
      receivedOn: input.receivedOn ?? new Date(new Date().toISOString().slice(0, 10)),
      status: input.status ?? 'PENDING',
      pullQuote: input.pullQuote ?? null,
      moderatorId: input.moderatorId ?? null,
      moderatedAt: input.status && input.status !== 'PENDING' ? new Date() : null,
      credits: { createMany: { data: (input.creditIds ?? [input.submitterId]).map((userId) => ({ userId })) } },
    },
  });
}

export async function makeWin(
  db: StoriesClient,
  input: {
    teamId: string;
    recordedById: string;
    title?: string;
    story?: string;
    occurredOn?: Date;
    creditIds?: string[];
  },
) {
  const suffix = unique();
  return db.win.create({
    data: {
      teamId: input.teamId,
      recordedById: input.recordedById,
      title: input.title ?? `Win ${suffix}`,
      story: input.story ?? `We did something good (${suffix}).`,
      occurredOn: input.occurredOn ?? new Date(new Date().toISOString().slice(0, 10)),
      credits: { createMany: { data: (input.creditIds ?? [input.recordedById]).map((userId) => ({ userId })) } },
    },
  });
}

export async function makeProject(
  db: StoriesClient,
  input: {
    teamId: string;
    ownerId: string;
    name?: string;
    summary?: string;
    status?: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'PAUSED';
  },
) {
  const suffix = unique();
  return db.project.create({
    data: {
      teamId: input.teamId,
      ownerId: input.ownerId,
      createdById: input.ownerId,
      name: input.name ?? `Project ${suffix}`,
      summary: input.summary ?? `Making things better (${suffix}).`,
      status: input.status ?? 'IN_PROGRESS',
    },
  });
}

type ReviewClient = Pick<PrismaClient, 'review' | 'reviewRevision' | 'team'>;

/**
 * An edition for a (team, month); PUBLISHED ones get revision 1 with a small snapshot (no figures)
 * unless one is given. Tests that need real content publish through lib/publishing instead.
 */
export async function makeReview(
  db: ReviewClient,
  input: {
    teamId: string;
    month?: string;
    status?: 'DRAFT' | 'PUBLISHED';
    title?: string;
    highlights?: string;
    asks?: string;
    publishedById?: string | null;
    snapshot?: unknown;
  },
) {
  const suffix = unique();
  const month =
    input.month ??
    `20${String(10 + Math.floor(Math.random() * 10))}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
  const title = input.title ?? `Edition ${suffix}`;
  const highlights = input.highlights ?? `A month to remember (${suffix}).`;
  const asks = input.asks ?? '';
  const status = input.status ?? 'DRAFT';
  const review = await db.review.create({
    data: {
      teamId: input.teamId,
      month,
      title,
      highlights,
      asks,
      status,
      publishedAt: status === 'PUBLISHED' ? new Date() : null,
    },
  });
  if (status === 'PUBLISHED') {
    const team = await db.team.findUniqueOrThrow({ where: { id: input.teamId } });
    const metric = (key: string, label: string) => ({ key, label, value: null, lastMonth: null, lastYear: null });
    const snapshot = input.snapshot ?? {
      title,
      highlights,
      asks,
      content: {
        team: { name: team.name, slug: team.slug },
        month,
        total: metric('total', 'Contacts received'),
        channels: [],
        kpis: [],
        reasons: [],
        segments: [],
        charts: [],
        quotes: [],
        wins: [],
        updates: [],
        note: null,
      },
    };
    await db.reviewRevision.create({
      data: {
        teamId: input.teamId,
        reviewId: review.id,
        revision: 1,
        snapshot: snapshot as object,
        publishedById: input.publishedById ?? null,
      },
    });
  }
  return review;
}
