// The monthly CSV import (figures page → Import): preview, then apply all months or none.
import 'server-only';
import { z } from 'zod';
import { bulkDb, db, type Tx } from '../db';
import type { Actor } from '../authz';
import { ValidationError } from '../errors';
import { assertCanManageTeam } from '../team-access';
import { addListItemTx } from '../team-settings/lists';
import { loadCatalog, readMonths, writeMonthsTx, type Catalog, type MonthRecord, type WriteOutcome } from './figures';
import { parseMonthlyCsv } from './monthly-csv';
import { linkNewReasonsTx, listDepartmentChoicesUnchecked } from './link-new-reasons';
import { newReasonDepartmentsSchema, type NewReasonDepartments } from './new-reason-departments';
import { describeUnknown, problemWhere, resolveEntries, type Entry, type UnknownItem } from './resolve';
import { nameKey } from './schemas';
import { mergeState, sameState } from './state';

export type ImportPreview = {
  months: { month: string; outcome: WriteOutcome; figures: number }[];
  problems: { where: string; message: string }[];
  unknown: UnknownItem[];
  rows: number;
  /** The departments a new reason may be linked to (empty when the file names no new reason). */
  departments: { id: string; name: string }[];
};

function summarise(
  catalog: Catalog,
  entries: Entry[],
  existing: MonthRecord[],
  options: { confirmHandledAboveReceived?: boolean },
) {
  const { months, problems, unknown } = resolveEntries(entries, catalog, options);
  const byMonth = new Map(existing.map((r) => [r.month, r]));
  const outcomes = [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, change]) => {
      const current = byMonth.get(month);
      const figures =
        Object.keys(change.volumes).length * 2 +
        Object.keys(change.reasons).length +
        Object.keys(change.segments).length +
        Object.keys(change.kpis).length;
      if (!current) return { month, outcome: 'new' as const, figures };
      return {
        month,
        outcome: sameState(current.state, mergeState(current.state, change, 'merge'))
          ? ('unchanged' as const)
          : ('updated' as const),
        figures,
      };
    });
  return { months, problems, unknown, outcomes };
}

export async function previewMonthlyImport(
  actor: Actor,
  teamId: string,
  text: string,
  options: { confirmHandledAboveReceived?: boolean } = {},
): Promise<ImportPreview> {
  assertCanManageTeam(actor, teamId);
  const parsed = parseMonthlyCsv(text);
  const monthsInFile = [...new Set(parsed.entries.map((e) => e.month))].sort();
  const [catalog, existing] = await Promise.all([
    loadCatalog(db, teamId),
    monthsInFile.length ? readMonths(db, teamId, monthsInFile[0]!, monthsInFile.at(-1)!) : Promise.resolve([]),
  ]);
  const { problems, unknown, outcomes } = summarise(catalog, parsed.entries, existing, options);
  const departments = unknown.some((u) => u.kind === 'reason') ? await listDepartmentChoicesUnchecked(db) : [];
  return {
    months: outcomes,
    problems: [...parsed.problems, ...problems]
      .map((p) => ({ where: problemWhere(p), message: p.message }))
      .sort(byRow),
    unknown,
    rows: parsed.entries.length + parsed.problems.length,
    departments,
  };
}

const byRow = (a: { where: string }, b: { where: string }) =>
  Number(/\d+/.exec(a.where)?.[0] ?? 0) - Number(/\d+/.exec(b.where)?.[0] ?? 0);

/** Creates the names the file holds that the team lacks; returns the reasons created. */
async function createUnknownItems(tx: Tx, actor: Actor, teamId: string, unknown: UnknownItem[]) {
  const reasons: string[] = [];
  for (const u of unknown) {
    if (u.kind === 'kpi') {
      const last = await tx.kpi.findFirst({ where: { teamId }, orderBy: { position: 'desc' } });
      // Unit and direction cannot be read from a CSV: a neutral default the leader adjusts later.
      await tx.kpi.create({
        data: {
          teamId,
          name: u.name,
          nameKey: nameKey(u.name),
          unit: 'SCORE',
          direction: 'HIGHER_IS_BETTER',
          decimals: 2,
          position: (last?.position ?? -1) + 1,
        },
      });
    } else {
      await addListItemTx(tx, actor, teamId, u.kind, u.name);
      if (u.kind === 'reason') reasons.push(u.name);
    }
  }
  return reasons;
}

/**
 * Applies a monthly CSV in one transaction: every month or none. Unknown names are created only
 * when asked, each new reason linked to the department chosen for it in the preview (`departments`,
 * by departmentField; optional); any problem aborts with the full list, by row and column, and
 * creates and links nothing. A department that does not exist is a ValidationError on its field.
 */
export async function applyMonthlyImport(
  actor: Actor,
  teamId: string,
  text: string,
  options: { createUnknown: boolean; confirmHandledAboveReceived?: boolean; departments?: NewReasonDepartments },
) {
  assertCanManageTeam(actor, teamId);
  const chosen = newReasonDepartmentsSchema.safeParse(options.departments ?? {});
  if (!chosen.success) throw new ValidationError(z.flattenError(chosen.error).fieldErrors);
  const parsed = parseMonthlyCsv(text);
  return bulkDb.$transaction(
    async (tx) => {
      let catalog = await loadCatalog(tx, teamId);
      let linked: { reason: string; department: string }[] = [];
      const first = resolveEntries(parsed.entries, catalog, options);
      if (first.unknown.length && options.createUnknown) {
        const created = await createUnknownItems(tx, actor, teamId, first.unknown);
        catalog = await loadCatalog(tx, teamId);
        linked = await linkNewReasonsTx(tx, actor, teamId, chosen.data, created, catalog);
      }
      const { months, problems, unknown } = resolveEntries(parsed.entries, catalog, options);
      const all = [...parsed.problems, ...problems]
        .map((p) => ({ where: problemWhere(p), message: p.message }))
        .sort(byRow);
      for (const u of unknown)
        all.push({ where: '', message: `${describeUnknown(u)}: create it, or correct the name.` });
      if (all.length) throw new ImportError(all);
      const results = await writeMonthsTx(tx, months, { actor, teamId, catalog, source: 'monthly-csv' });
      return { results, linked };
    },
    { timeout: 60_000 },
  );
}

export class ImportError extends ValidationError {
  constructor(readonly problems: { where: string; message: string }[]) {
    super({}, `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix first.`);
  }
}
