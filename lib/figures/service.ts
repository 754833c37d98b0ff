import 'server-only';
import { db, type Tx } from '../db';
import { type Actor, assertSignedIn } from '../authz';
import { ForbiddenError, ValidationError } from '../errors';
import { addListItemTx } from '../team-settings/lists';
import { nameKey, type FiguresPayload } from './schemas';
import { assertCanManageTeam } from '../team-access';
import {
  loadCatalog,
  readMonth,
  readMonths,
  writeMonthTx,
  type Catalog,
  type MonthRecord,
  type WriteOutcome,
} from './figures';
import { formatMonthlyCsv, parseMonthlyCsv } from './monthly-csv';
import { describeUnknown, payloadEntries, resolveEntries, type Entry, type Problem, type UnknownItem } from './resolve';
import { mergeState, sameState } from './state';

/** Who writes through the API: a leader's session or a team's token. */
export type ApiPrincipal =
  { kind: 'user'; actor: Actor } | { kind: 'token'; tokenId: string; teamId: string; name: string };

export function assertPrincipalForTeam(principal: ApiPrincipal, teamId: string): void {
  if (principal.kind === 'token') {
    if (principal.teamId !== teamId) throw new ForbiddenError('This token belongs to another team.');
  } else {
    assertCanManageTeam(principal.actor, teamId);
  }
}

const refText = (p: Problem) =>
  p.ref.path ? p.ref.path : p.ref.row ? `row ${p.ref.row}${p.ref.column ? `, column ${p.ref.column}` : ''}` : '';

export function recordToPayload(
  record: MonthRecord,
  catalog: Catalog,
): FiguresPayload & { month: string; version: number } {
  const byId = <T extends { id: string; name: string }>(items: T[], id: string) =>
    items.find((i) => i.id === id)?.name ?? id;
  return {
    month: record.month,
    version: record.version,
    volumes: Object.entries(record.state.volumes).map(([id, v]) => ({ channel: byId(catalog.channels, id), ...v })),
    reasons: Object.entries(record.state.reasons).map(([id, count]) => ({ reason: byId(catalog.reasons, id), count })),
    segments: Object.entries(record.state.segments).map(([id, count]) => ({
      segment: byId(catalog.segments, id),
      count,
    })),
    kpis: Object.entries(record.state.kpis).map(([id, value]) => ({ kpi: byId(catalog.kpis, id), value })),
    note: record.state.note,
  };
}

/** PUT /api/v1/…/months/{month}: upserts the named items; unknown names and bad values are 400s. */
export async function putMonthFromApi(principal: ApiPrincipal, teamId: string, month: string, payload: FiguresPayload) {
  assertPrincipalForTeam(principal, teamId);
  return db.$transaction(async (tx) => {
    const catalog = await loadCatalog(tx, teamId);
    const { months, problems, unknown } = resolveEntries(payloadEntries(month, payload), catalog, {
      confirmHandledAboveReceived: payload.confirmHandledAboveReceived,
    });
    const errors = [
      ...problems.map((p) => ({ path: refText(p), message: p.message })),
      ...unknown.map((u) => ({
        path: pathOfUnknown(payload, u),
        message: `${describeUnknown(u)}: add it in team settings first.`,
      })),
    ];
    if (errors.length) throw new ApiValidationError(errors);
    const change = months.get(month) ?? { volumes: {}, reasons: {}, segments: {}, kpis: {} };
    const actor = principal.kind === 'user' ? principal.actor : null;
    const result = await writeMonthTx(tx, {
      actor,
      actorLabel: principal.kind === 'token' ? `API token “${principal.name}”` : undefined,
      teamId,
      month,
      change,
      mode: 'merge',
      catalog,
      source: 'api',
    });
    return { ...result, figures: recordToPayload(await readMonth(tx, teamId, month), catalog) };
  });
}

function pathOfUnknown(payload: FiguresPayload, u: UnknownItem): string {
  const find = <T>(list: T[], pick: (t: T) => string) => list.findIndex((t) => nameKey(pick(t)) === nameKey(u.name));
  if (u.kind === 'channel') return `volumes.${find(payload.volumes, (v) => v.channel)}.channel`;
  if (u.kind === 'reason') return `reasons.${find(payload.reasons, (v) => v.reason)}.reason`;
  if (u.kind === 'segment') return `segments.${find(payload.segments, (v) => v.segment)}.segment`;
  return `kpis.${find(payload.kpis, (v) => v.kpi)}.kpi`;
}

export class ApiValidationError extends ValidationError {
  constructor(readonly errors: { path: string; message: string }[]) {
    super(Object.fromEntries(errors.map((e) => [e.path, [e.message]])));
  }
}

export async function getMonthForApi(principal: ApiPrincipal, teamId: string, month: string) {
  assertPrincipalForTeam(principal, teamId);
  const [catalog, record] = await Promise.all([loadCatalog(db, teamId), readMonth(db, teamId, month)]);
  return record.version === 0 ? null : recordToPayload(record, catalog);
}

export async function listMonthsForApi(principal: ApiPrincipal, teamId: string, from: string, to: string) {
  assertPrincipalForTeam(principal, teamId);
  const [catalog, records] = await Promise.all([loadCatalog(db, teamId), readMonths(db, teamId, from, to)]);
  return records.map((r) => recordToPayload(r, catalog));
}

// ── Monthly CSV import ─────────────────────────────────────────────────────────────────────
export type ImportPreview = {
  months: { month: string; outcome: WriteOutcome; figures: number }[];
  problems: { where: string; message: string }[];
  unknown: UnknownItem[];
  rows: number;
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
  return {
    months: outcomes,
    problems: [...parsed.problems, ...problems].map((p) => ({ where: refText(p), message: p.message })).sort(byRow),
    unknown,
    rows: parsed.entries.length + parsed.problems.length,
  };
}

const byRow = (a: { where: string }, b: { where: string }) =>
  Number(/\d+/.exec(a.where)?.[0] ?? 0) - Number(/\d+/.exec(b.where)?.[0] ?? 0);

async function createUnknownItems(tx: Tx, actor: Actor, teamId: string, unknown: UnknownItem[]) {
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
    }
  }
}

/**
 * Applies a monthly CSV in one transaction: every month or none. Unknown names are created only
 * when asked; any problem aborts with the full list, by row and column.
 */
export async function applyMonthlyImport(
  actor: Actor,
  teamId: string,
  text: string,
  options: { createUnknown: boolean; confirmHandledAboveReceived?: boolean },
) {
  assertCanManageTeam(actor, teamId);
  const parsed = parseMonthlyCsv(text);
  return db.$transaction(
    async (tx) => {
      let catalog = await loadCatalog(tx, teamId);
      const first = resolveEntries(parsed.entries, catalog, options);
      if (first.unknown.length && options.createUnknown) {
        await createUnknownItems(tx, actor, teamId, first.unknown);
        catalog = await loadCatalog(tx, teamId);
      }
      const { months, problems, unknown } = resolveEntries(parsed.entries, catalog, options);
      const all = [...parsed.problems, ...problems].map((p) => ({ where: refText(p), message: p.message })).sort(byRow);
      for (const u of unknown)
        all.push({ where: '', message: `${describeUnknown(u)}: create it, or correct the name.` });
      if (all.length) throw new ImportError(all);
      const results: { month: string; outcome: WriteOutcome }[] = [];
      for (const [month, change] of [...months.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const { outcome } = await writeMonthTx(tx, {
          actor,
          teamId,
          month,
          change,
          mode: 'merge',
          catalog,
          source: 'monthly-csv',
        });
        results.push({ month, outcome });
      }
      return results;
    },
    { timeout: 60_000 },
  );
}

export class ImportError extends ValidationError {
  constructor(readonly problems: { where: string; message: string }[]) {
    super({}, `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix first.`);
  }
}

// ── Export ─────────────────────────────────────────────────────────────────────────────────
/** Every signed-in reader may export a team's figures: they are what the reviews publish. */
export async function exportMonthlyCsv(actor: Actor, teamId: string, from: string, to: string): Promise<string> {
  assertSignedIn(actor);
  const [catalog, records] = await Promise.all([loadCatalog(db, teamId), readMonths(db, teamId, from, to)]);
  return formatMonthlyCsv(records, catalog);
}
