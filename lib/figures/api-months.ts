// What the REST API (/api/v1/teams/{team}/months) reads and writes: figures by item name.
import 'server-only';
import { db } from '../db';
import type { Actor } from '../authz';
import { ForbiddenError, ValidationError } from '../errors';
import { assertCanManageTeam } from '../team-access';
import { loadCatalog, readMonth, readMonths, writeMonthTx, type Catalog, type MonthRecord } from './figures';
import { describeUnknown, payloadEntries, problemWhere, resolveEntries, type UnknownItem } from './resolve';
import { nameKey, type FiguresPayload } from './schemas';

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

export class ApiValidationError extends ValidationError {
  constructor(readonly errors: { path: string; message: string }[]) {
    super(Object.fromEntries(errors.map((e) => [e.path, [e.message]])));
  }
}

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
      ...problems.map((p) => ({ path: problemWhere(p), message: p.message })),
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
      provenance:
        principal.kind === 'token'
          ? { kind: 'API', label: `API token “${principal.name}”`, tokenId: principal.tokenId }
          : { kind: 'API', label: 'API' },
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
