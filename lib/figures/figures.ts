import 'server-only';
import { db, type Prisma, type Tx, type DbClient } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { ConflictError, ValidationError } from '../errors';
import { monthInZone } from '../dates/zone';
import { env } from '../env';
import { assertCanManageTeam } from '../team-access';
import type { KpiUnit } from '../generated/prisma/enums';
import { addMonths } from '../dates/month';
import { provenanceOfSource, writeSourcesTx, type Provenance } from './provenance';
import { coverState, mergeState, sameState, emptyState, type Cover, type MonthChange, type MonthState } from './state';

export type CatalogItem = { id: string; name: string; nameKey: string; archivedAt: Date | null };
export type CatalogKpi = CatalogItem & {
  unit: KpiUnit;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  target: number | null;
  decimals: number;
};
export type Catalog = { channels: CatalogItem[]; reasons: CatalogItem[]; segments: CatalogItem[]; kpis: CatalogKpi[] };

const itemSelect = { id: true, name: true, nameKey: true, archivedAt: true } as const;
const order = [{ position: 'asc' as const }, { name: 'asc' as const }];

/** The catalog for pages that enter or import a team's figures: its leaders and admins only. */
export async function readTeamCatalog(actor: Actor, teamId: string): Promise<Catalog> {
  assertCanManageTeam(actor, teamId);
  return loadCatalog(db, teamId);
}

/** The team's channels, reasons, segments and KPIs, archived ones included (history keeps them). */
export async function loadCatalog(client: DbClient, teamId: string): Promise<Catalog> {
  // One query at a time: inside a transaction they share a single connection.
  const channels = await client.channel.findMany({ where: { teamId }, select: itemSelect, orderBy: order });
  const reasons = await client.contactReason.findMany({ where: { teamId }, select: itemSelect, orderBy: order });
  const segments = await client.segment.findMany({ where: { teamId }, select: itemSelect, orderBy: order });
  const kpis = await client.kpi.findMany({
    where: { teamId },
    select: { ...itemSelect, unit: true, direction: true, target: true, decimals: true },
    orderBy: order,
  });
  return { channels, reasons, segments, kpis: kpis.map((k) => ({ ...k, target: k.target?.toNumber() ?? null })) };
}

const figuresInclude = {
  volumes: { select: { channelId: true, received: true, handled: true } },
  reasons: { select: { reasonId: true, count: true } },
  segments: { select: { segmentId: true, count: true } },
  kpis: { select: { kpiId: true, value: true } },
} as const;

type FiguresRow = Prisma.MonthFiguresGetPayload<{ include: typeof figuresInclude }>;

function toState(row: FiguresRow | null): MonthState {
  if (!row) return emptyState();
  return {
    volumes: Object.fromEntries(row.volumes.map((v) => [v.channelId, { received: v.received, handled: v.handled }])),
    reasons: Object.fromEntries(row.reasons.map((r) => [r.reasonId, r.count])),
    segments: Object.fromEntries(row.segments.map((s) => [s.segmentId, s.count])),
    kpis: Object.fromEntries(row.kpis.map((k) => [k.kpiId, k.value.toNumber()])),
    note: row.note,
  };
}

export type MonthRecord = {
  month: string;
  version: number;
  state: MonthState;
  updatedAt: Date | null;
  updatedBy: string | null;
};

export async function readMonth(client: DbClient, teamId: string, month: string): Promise<MonthRecord> {
  const row = await client.monthFigures.findUnique({
    where: { teamId_month: { teamId, month } },
    include: { ...figuresInclude, updatedBy: { select: { name: true } } },
  });
  return {
    month,
    version: row?.version ?? 0,
    state: toState(row),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy?.name ?? null,
  };
}

export async function readMonths(client: DbClient, teamId: string, from: string, to: string): Promise<MonthRecord[]> {
  const rows = await client.monthFigures.findMany({
    where: { teamId, month: { gte: from, lte: to } },
    include: { ...figuresInclude, updatedBy: { select: { name: true } } },
    orderBy: { month: 'asc' },
  });
  return rows.map((row) => ({
    month: row.month,
    version: row.version,
    state: toState(row),
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy?.name ?? null,
  }));
}

/** The month with last month and the same month last year beside it, for the entry form. */
export async function readMonthWithHints(actor: Actor, teamId: string, month: string) {
  assertCanManageTeam(actor, teamId);
  const [current, lastMonth, lastYear] = await Promise.all([
    readMonth(db, teamId, month),
    readMonth(db, teamId, addMonths(month, -1)),
    readMonth(db, teamId, addMonths(month, -12)),
  ]);
  return { current, lastMonth, lastYear };
}

export type WriteOutcome = 'new' | 'updated' | 'unchanged';

/** Names for the audit trail, so before/after read as "Phone: 1200" rather than ids. */
function labelled(state: MonthState, catalog: Catalog) {
  const name = (items: CatalogItem[], id: string) => items.find((i) => i.id === id)?.name ?? id;
  return {
    volumes: Object.fromEntries(Object.entries(state.volumes).map(([id, v]) => [name(catalog.channels, id), v])),
    reasons: Object.fromEntries(Object.entries(state.reasons).map(([id, v]) => [name(catalog.reasons, id), v])),
    segments: Object.fromEntries(Object.entries(state.segments).map(([id, v]) => [name(catalog.segments, id), v])),
    kpis: Object.fromEntries(Object.entries(state.kpis).map(([id, v]) => [name(catalog.kpis, id), v])),
    note: state.note,
  };
}

/**
 * Writes one month inside the caller's transaction. The row is locked first, so concurrent
 * writers queue; `expectedVersion` (from a form) refuses the write if someone saved in between.
 * An identical write changes nothing: no new version, no audit event.
 */
/**
 * Figures exist only for months that have begun in the team's zone (its own, else the
 * organisation's): a Sydney team enters November on the morning of 1 November, while UTC is still
 * in October. Schemas let through any month begun somewhere on Earth; this is the exact check.
 */
async function assertMonthStartedTx(tx: Tx, teamId: string, month: string) {
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { timeZone: true } });
  const zone = team?.timeZone ?? env().APP_TIME_ZONE;
  if (month > monthInZone(new Date(), zone)) {
    throw new ValidationError({ month: [`${month} has not started yet in ${zone}.`] });
  }
}

export async function writeMonthTx(
  tx: Tx,
  args: {
    actor: Pick<Actor, 'id' | 'email'> | null;
    actorLabel?: string;
    teamId: string;
    month: string;
    change: MonthChange;
    mode: 'merge' | 'replace';
    cover?: Cover;
    expectedVersion?: number;
    catalog: Catalog;
    source: string;
    /** Where these figures came from; without it, derived from `source`. */
    provenance?: Provenance;
  },
): Promise<{ outcome: WriteOutcome; version: number }> {
  const { teamId, month } = args;
  await assertMonthStartedTx(tx, teamId, month);
  await tx.$queryRaw`SELECT id FROM "MonthFigures" WHERE "teamId" = ${teamId} AND month = ${month} FOR UPDATE`;
  const existing = await tx.monthFigures.findUnique({
    where: { teamId_month: { teamId, month } },
    include: figuresInclude,
  });
  const currentVersion = existing?.version ?? 0;
  if (args.expectedVersion !== undefined && args.expectedVersion !== currentVersion) {
    throw new ConflictError(`Someone else saved ${month} while you were editing (now version ${currentVersion}).`);
  }
  const before = toState(existing);
  const after = args.cover ? coverState(before, args.change, args.cover) : mergeState(before, args.change, args.mode);
  if (existing && sameState(before, after)) return { outcome: 'unchanged', version: currentVersion };

  const figures = existing
    ? await tx.monthFigures.update({
        where: { id: existing.id },
        data: { version: { increment: 1 }, note: after.note, updatedById: args.actor?.id ?? null },
      })
    : await tx.monthFigures.create({ data: { teamId, month, note: after.note, updatedById: args.actor?.id ?? null } });
  const figuresId = figures.id;
  // Replace the children wholesale: a few deletes and inserts beat dozens of upserts.
  if (existing) {
    await tx.channelVolume.deleteMany({ where: { figuresId } });
    await tx.reasonCount.deleteMany({ where: { figuresId } });
    await tx.segmentCount.deleteMany({ where: { figuresId } });
    await tx.kpiValue.deleteMany({ where: { figuresId } });
  }
  const volumes = Object.entries(after.volumes).map(([channelId, v]) => ({ teamId, figuresId, channelId, ...v }));
  const reasons = Object.entries(after.reasons).map(([reasonId, count]) => ({ teamId, figuresId, reasonId, count }));
  const segments = Object.entries(after.segments).map(([segmentId, count]) => ({
    teamId,
    figuresId,
    segmentId,
    count,
  }));
  const kpis = Object.entries(after.kpis).map(([kpiId, value]) => ({ teamId, figuresId, kpiId, value }));
  if (volumes.length) await tx.channelVolume.createMany({ data: volumes });
  if (reasons.length) await tx.reasonCount.createMany({ data: reasons });
  if (segments.length) await tx.segmentCount.createMany({ data: segments });
  if (kpis.length) await tx.kpiValue.createMany({ data: kpis });
  const provenance = args.provenance ?? provenanceOfSource(args.source);
  await writeSourcesTx(tx, { teamId, figuresId, month, before, after, provenance, actorId: args.actor?.id ?? null });
  // The published editions that state this month (their own, or as last month or last year) may
  // now say other figures than they froze: marked in this transaction, so the mark and the figures
  // commit together; lib/editions/drift.ts finds out once what changed and keeps it.
  await tx.review.updateMany({
    where: { teamId, status: 'PUBLISHED', kind: 'MONTHLY', month: { gte: month, lte: addMonths(month, 12) } },
    data: { driftEpoch: { increment: 1 } },
  });
  await recordAudit(tx, {
    actor: args.actor,
    actorEmail: args.actorLabel ?? null,
    action: existing ? 'month_figures.update' : 'month_figures.create',
    entityType: 'MonthFigures',
    entityId: figuresId,
    before: existing
      ? { month, version: currentVersion, source: args.source, ...labelled(before, args.catalog) }
      : undefined,
    after: {
      month,
      version: figures.version,
      source: args.source,
      from: provenance.label,
      ...(provenance.fileName ? { fileName: provenance.fileName } : {}),
      ...labelled(after, args.catalog),
    },
  });
  return { outcome: existing ? 'updated' : 'new', version: figures.version };
}

/** Writes several months in month order inside one transaction (an import: all months or none). */
export async function writeMonthsTx(
  tx: Tx,
  months: Map<string, MonthChange>,
  args: Omit<Parameters<typeof writeMonthTx>[1], 'month' | 'change' | 'mode' | 'expectedVersion'>,
): Promise<{ month: string; outcome: WriteOutcome }[]> {
  const results: { month: string; outcome: WriteOutcome }[] = [];
  for (const [month, change] of [...months.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const { outcome } = await writeMonthTx(tx, { ...args, month, change, mode: 'merge' });
    results.push({ month, outcome });
  }
  return results;
}

/** The team's months that have figures, newest first, with when and by whom they were last saved. */
export async function listMonthSummaries(actor: Actor, teamId: string, limit = 48) {
  assertCanManageTeam(actor, teamId);
  return db.monthFigures.findMany({
    where: { teamId },
    orderBy: { month: 'desc' },
    take: limit,
    select: {
      month: true,
      version: true,
      updatedAt: true,
      note: true,
      updatedBy: { select: { name: true } },
      volumes: { select: { received: true } },
    },
  });
}
