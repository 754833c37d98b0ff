// Reading where a team's figures came from, and the leader's two declarations about sources: "we
// changed help desk in <month>" and "<KPI> stays comparable across that change".
import 'server-only';
import { z } from 'zod';
import { db, type DbClient } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { ValidationError } from '../errors';
import { assertCanManageTeam } from '../team-access';
import { monthSchema } from '../dates/month';
import { breakRule, COUNTS_PART, type BreakRule } from './breaks';
import { HELP_DESK_EXPORT_LABEL, MONTHLY_CSV_LABEL } from './provenance';
import { sourceHow, sourceNote, type PartSpan, type SourceSpan } from './source-note';

/** Import labels that name no help desk: a monthly CSV, and an export whose desk was not recognised. */
const NO_DESK = new Set([MONTHLY_CSV_LABEL, HELP_DESK_EXPORT_LABEL, 'CSV export']);

/**
 * The help desk a source names: only an export whose desk is known does (a hand entry, the API or an
 * unrecognised export names none, so it never makes a break by itself).
 */
function systemOf(s: { kind: string; label: string }): string | null {
  return s.kind === 'IMPORT' && !NO_DESK.has(s.label) ? s.label : null;
}

/**
 * A team's break rule without checking who asks: the callers (the snapshot builder, the dashboard's
 * card cache, trends) have checked the reader first, or take a transaction client.
 */
export async function loadBreakRuleUnchecked(client: DbClient, teamId: string): Promise<BreakRule> {
  const sources = await client.figureSource.findMany({
    where: { teamId },
    select: { month: true, part: true, kind: true, label: true },
  });
  const declared = await client.sourceBreak.findMany({ where: { teamId }, select: { month: true, reason: true } });
  const comparable = await client.comparableAcrossBreak.findMany({
    where: { teamId },
    select: { month: true, part: true },
  });
  return breakRule({
    sources: sources.map((s) => ({ month: s.month, part: s.part, system: systemOf(s) })),
    declared,
    comparable,
  });
}

/** The counts' sources of months up to `to`, for the short note under data tables and in the CSV. */
export async function loadSourceNoteUnchecked(client: DbClient, teamId: string, from: string, to: string) {
  const rows = await client.figureSource.findMany({
    where: { teamId, part: COUNTS_PART, month: { gte: from, lte: to } },
    select: { month: true, kind: true, label: true, at: true },
    orderBy: { month: 'asc' },
  });
  return sourceNote(rows.map((r): SourceSpan => ({ month: r.month, kind: r.kind, label: r.label, at: r.at })));
}

/**
 * Every part's sources in a window, for notes of several parts at once (trends: the counts' charts
 * and each KPI's). Unchecked like the note above: trends checked its reader.
 */
export async function loadSourceSpansUnchecked(
  client: DbClient,
  teamId: string,
  from: string,
  to: string,
): Promise<PartSpan[]> {
  return client.figureSource.findMany({
    where: { teamId, month: { gte: from, lte: to } },
    select: { month: true, part: true, kind: true, label: true, at: true },
    orderBy: { month: 'asc' },
  });
}

/**
 * The month's KPIs that came from elsewhere than its counts (kept through an import of another
 * desk, or entered by hand beside an import), each with where it came from, to label it wherever
 * the edition shows it.
 */
export async function loadKpiSourcesUnchecked(
  client: DbClient,
  teamId: string,
  month: string,
): Promise<Record<string, string>> {
  const rows = await client.figureSource.findMany({
    where: { teamId, month },
    select: { part: true, kind: true, label: true, at: true },
  });
  const counts = rows.find((r) => r.part === COUNTS_PART);
  if (!counts) return {};
  const own = sourceHow(counts);
  const out: Record<string, string> = {};
  for (const r of rows) {
    const how = sourceHow(r);
    if (r.part !== COUNTS_PART && how !== own) out[r.part] = `${how.charAt(0).toUpperCase()}${how.slice(1)}`;
  }
  return out;
}

/** The note under the figures page's list of months: the counts of every month the team has. */
export async function readSourceNote(actor: Actor, teamId: string): Promise<string | null> {
  assertCanManageTeam(actor, teamId);
  return loadSourceNoteUnchecked(db, teamId, '0000-01', '9999-12');
}

export type PartSource = {
  part: string;
  kind: 'IMPORT' | 'MANUAL' | 'API';
  label: string;
  fileName: string | null;
  by: string | null;
  at: Date;
};

/** Every month's sources by part, for the figures page: leaders and admins of the team. */
export async function listFigureSources(actor: Actor, teamId: string): Promise<Map<string, PartSource[]>> {
  assertCanManageTeam(actor, teamId);
  const rows = await db.figureSource.findMany({
    where: { teamId },
    select: {
      month: true,
      part: true,
      kind: true,
      label: true,
      fileName: true,
      at: true,
      actor: { select: { name: true } },
    },
    orderBy: [{ month: 'desc' }, { part: 'asc' }],
  });
  const byMonth = new Map<string, PartSource[]>();
  for (const r of rows) {
    const list = byMonth.get(r.month) ?? [];
    list.push({
      part: r.part,
      kind: r.kind,
      label: r.label,
      fileName: r.fileName,
      by: r.actor?.name ?? null,
      at: r.at,
    });
    byMonth.set(r.month, list);
  }
  return byMonth;
}

/** The team's breaks with what the leader declared comparable, for the figures page. */
export async function readSourceBreaks(actor: Actor, teamId: string) {
  assertCanManageTeam(actor, teamId);
  const [rule, comparable] = await Promise.all([
    loadBreakRuleUnchecked(db, teamId),
    db.comparableAcrossBreak.findMany({ where: { teamId }, select: { month: true, part: true } }),
  ]);
  return { breaks: rule.breaks, comparable };
}

export const declareBreakSchema = z.object({
  month: monthSchema(),
  reason: z
    .string()
    .trim()
    .min(3, 'Say in a sentence what changed, for readers who see the break.')
    .max(300, 'Keep it under 300 characters.'),
});

/** "We changed help desk in September 2026": every change spanning it becomes not comparable. */
export async function declareSourceBreak(actor: Actor, teamId: string, input: z.input<typeof declareBreakSchema>) {
  assertCanManageTeam(actor, teamId);
  const parsed = declareBreakSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(z.flattenError(parsed.error).fieldErrors);
  const { month, reason } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.sourceBreak.findUnique({ where: { teamId_month: { teamId, month } } });
    const row = await tx.sourceBreak.upsert({
      where: { teamId_month: { teamId, month } },
      create: { teamId, month, reason },
      update: { reason },
    });
    await recordAudit(tx, {
      actor,
      action: 'source_break.declare',
      entityType: 'Team',
      entityId: teamId,
      before: before ? { month, reason: before.reason } : undefined,
      after: { month, reason },
    });
    return row;
  });
}

export const comparableSchema = z.object({
  month: monthSchema(),
  part: z.string().min(1).max(40),
  comparable: z.boolean(),
});

/**
 * The leader's word that one part (the counts or a KPI) measures the same thing on both sides of
 * the break at `month`, or its withdrawal. Audited either way.
 */
export async function setComparableAcrossBreak(actor: Actor, teamId: string, input: z.input<typeof comparableSchema>) {
  assertCanManageTeam(actor, teamId);
  const parsed = comparableSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(z.flattenError(parsed.error).fieldErrors);
  const { month, part, comparable } = parsed.data;
  if (part !== COUNTS_PART && !(await db.kpi.findFirst({ where: { id: part, teamId }, select: { id: true } })))
    throw new ValidationError({ part: ['Choose one of the team’s KPIs.'] });
  await db.$transaction(async (tx) => {
    if (comparable)
      await tx.comparableAcrossBreak.upsert({
        where: { teamId_month_part: { teamId, month, part } },
        create: { teamId, month, part },
        update: {},
      });
    else await tx.comparableAcrossBreak.deleteMany({ where: { teamId, month, part } });
    await recordAudit(tx, {
      actor,
      action: comparable ? 'source_break.comparable' : 'source_break.not_comparable',
      entityType: 'Team',
      entityId: teamId,
      after: { month, part },
    });
  });
}
