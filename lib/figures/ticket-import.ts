import 'server-only';
import { z } from 'zod';
import { bulkDb, db, type Tx } from '../db';
import { recordAudit } from '../audit';
import type { Actor } from '../authz';
import { isUniqueViolation, ValidationError } from '../errors';
import { assertCanManageTeam } from '../team-access';
import { addListItemTx } from '../team-settings/lists';
import { loadCatalog, readMonths, writeMonthsTx, type Catalog, type CatalogItem } from './figures';
import { monthSchema } from '../dates/month';
import { describeUnknown, payloadEntries, resolveEntries } from './resolve';
import { figuresPayloadSchema, nameKey } from './schemas';
import { LIST_KINDS, type ListKind } from '../team-settings/list-kinds';
import { IGNORED_SHARE_LIMIT } from './ticket-export';
import type { MonthByName, RememberedMappings } from './ticket-plan';
import { profileSettingsSchema, type SourceProfile } from './ticket-session';
import { departmentField } from './new-reason-departments';
import { linkNewReasonsTx, listDepartmentChoicesUnchecked } from './link-new-reasons';
import { ImportError } from './monthly-import';
import { COUNTS_PART, HELP_DESK_EXPORT_LABEL } from './provenance';
import { formatDay } from '../dates/day';

const itemName = z.string().trim().min(1).max(80, 'Keep names under 80 characters.');

export const ticketImportSchema = z.object({
  months: z
    .array(z.object({ month: monthSchema(), payload: figuresPayloadSchema }))
    .min(1, 'There are no months to import.')
    .max(240),
  /** Reasons/segments replaced wholesale when the file had a column for them; KPIs by name. */
  cover: z
    .object({ reasons: z.boolean(), segments: z.boolean(), kpis: z.array(itemName).max(100) })
    .default({ reasons: false, segments: false, kpis: [] }),
  /** Items the leader chose to create from the mapping step. */
  create: z
    .object({
      channel: z.array(itemName).max(100),
      reason: z.array(itemName).max(500),
      segment: z.array(itemName).max(100),
    })
    .default({ channel: [], reason: [], segment: [] }),
  /** What each value was mapped to (null: ignored), remembered for the team's next import. */
  mappings: z
    .array(z.object({ kind: z.enum(LIST_KINDS), value: z.string().max(300), target: itemName.nullable() }))
    .max(5000)
    .default([]),
  /** How each satisfaction value counted, remembered too. */
  satisfaction: z
    .array(z.object({ value: z.string().max(300), choice: z.enum(['satisfied', 'unsatisfied', 'none']) }))
    .max(500)
    .default([]),
  ignored: z
    .object({ rows: z.number().int().min(0), ignored: z.number().int().min(0), confirmed: z.boolean() })
    .default({ rows: 0, ignored: 0, confirmed: false }),
  /** The desk the export came from as detected ("Salesforce Service Cloud", else "CSV export"): its figures are labelled with it. */
  sourceKind: z.string().trim().max(80).default(''),
  fileName: z.string().trim().max(255).default(''),
  /** The whole mapping, remembered for this team and this export's header. */
  profile: z.object({ signature: z.string().min(1).max(1000), settings: profileSettingsSchema }).optional(),
  /** KPIs the file does not cover that the leader chose to clear instead of keeping, by name. */
  clear: z.array(itemName).max(100).default([]),
  /** The department each new reason belongs to, chosen in the preview (optional): linked as it is created. */
  departments: z
    .array(z.object({ reason: itemName, departmentId: z.string().trim().min(1).max(64) }))
    .max(500)
    .default([]),
});
export type TicketImportInput = z.infer<typeof ticketImportSchema>;

const itemsOf = (catalog: Catalog, kind: ListKind): CatalogItem[] =>
  kind === 'channel' ? catalog.channels : kind === 'reason' ? catalog.reasons : catalog.segments;

/**
 * Applies figures aggregated from a help-desk export, all months or none. For each month the file
 * sets its whole picture of what it covers (see Cover); creates the items the leader asked for
 * (audited like any list change) and remembers the value mappings for next time.
 */
export async function applyTicketImport(
  actor: Actor,
  teamId: string,
  raw: z.input<typeof ticketImportSchema>,
  source = 'ticket-export',
) {
  assertCanManageTeam(actor, teamId);
  const parsed = ticketImportSchema.safeParse(raw);
  if (!parsed.success)
    throw new ValidationError(z.flattenError(parsed.error).fieldErrors, 'The aggregated figures were not valid.');
  const input = parsed.data;
  const { rows, ignored, confirmed } = input.ignored;
  if (rows > 0 && ignored / rows > IGNORED_SHARE_LIMIT && !confirmed) {
    const message = `${ignored} of ${rows} tickets would not be counted: confirm that this is right.`;
    throw new ValidationError({ confirmIgnored: [message] }, message);
  }
  try {
    return await bulkDb.$transaction(
      async (tx) => {
        let catalog = await loadCatalog(tx, teamId);
        const created: { kind: ListKind; name: string }[] = [];
        for (const kind of LIST_KINDS) {
          for (const name of new Set(input.create[kind])) {
            if (itemsOf(catalog, kind).some((i) => i.nameKey === nameKey(name))) continue;
            await addListItemTx(tx, actor, teamId, kind, name);
            created.push({ kind, name });
          }
        }
        if (created.length) catalog = await loadCatalog(tx, teamId);
        const chosen = Object.fromEntries(input.departments.map((d) => [departmentField(d.reason), d.departmentId]));
        const createdReasons = created.filter((c) => c.kind === 'reason').map((c) => c.name);
        const linked = await linkNewReasonsTx(tx, actor, teamId, chosen, createdReasons, catalog);

        const { months, problems, unknown } = resolveEntries(
          input.months.flatMap((m) => payloadEntries(m.month, m.payload)),
          catalog,
        );
        const all = problems.map((p) => ({ where: p.ref.path ?? '', message: p.message }));
        for (const u of unknown)
          all.push({ where: '', message: `${describeUnknown(u)}: choose an existing item or create it.` });
        const kpiIds = [...input.cover.kpis, ...input.clear].map((name) => {
          const kpi = catalog.kpis.find((k) => k.nameKey === nameKey(name));
          if (!kpi) all.push({ where: '', message: `${describeUnknown({ kind: 'kpi', name })}.` });
          return kpi?.id ?? '';
        });
        if (all.length) throw new ImportError(all);

        const cover = { volumes: true, reasons: input.cover.reasons, segments: input.cover.segments, kpis: kpiIds };
        // A cleared KPI is covered by the file with no value: it is removed from each imported month.
        const provenance = {
          kind: 'IMPORT' as const,
          label: input.sourceKind || HELP_DESK_EXPORT_LABEL,
          fileName: input.fileName || null,
        };
        const results = await writeMonthsTx(tx, months, { actor, teamId, cover, catalog, source, provenance });
        await rememberMappingsTx(tx, actor, teamId, input, catalog);
        if (input.profile) {
          const { signature, settings } = input.profile;
          const sourceKind = input.sourceKind || 'CSV export';
          await tx.sourceProfile.upsert({
            where: { teamId_signature: { teamId, signature } },
            create: { teamId, signature, sourceKind, settings },
            update: { sourceKind, settings },
          });
        }
        return { results, created, linked };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // Another leader created the same item a moment earlier: nothing was written, try again.
    if (isUniqueViolation(error))
      throw new ValidationError(
        {},
        'Someone added one of these items at the same time: nothing was imported. Reload and import again.',
      );
    throw error;
  }
}

async function rememberMappingsTx(
  tx: Tx,
  actor: Actor,
  teamId: string,
  input: Pick<TicketImportInput, 'mappings' | 'satisfaction' | 'profile' | 'sourceKind'>,
  catalog: Catalog,
) {
  const rows = new Map<
    string,
    { kind: string; valueKey: string; value: string; itemId: string | null; choice: string | null }
  >();
  for (const m of input.mappings) {
    const valueKey = nameKey(m.value);
    const itemId =
      m.target === null ? null : (itemsOf(catalog, m.kind).find((i) => i.nameKey === nameKey(m.target!))?.id ?? null);
    // A target that was not created (no ticket landed in it) is not a choice to ignore: remember nothing.
    if (m.target !== null && itemId === null) continue;
    rows.set(`${m.kind}|${valueKey}`, { kind: m.kind, valueKey, value: m.value.trim(), itemId, choice: null });
  }
  for (const s of input.satisfaction)
    rows.set(`satisfaction|${nameKey(s.value)}`, {
      kind: 'satisfaction',
      valueKey: nameKey(s.value),
      value: s.value.trim(),
      itemId: null,
      choice: s.choice,
    });
  if (!rows.size && !input.profile) return;
  // Replace this import's values in one statement per kind instead of hundreds of upserts.
  for (const kind of [...LIST_KINDS, 'satisfaction']) {
    const keys = [...rows.values()].filter((r) => r.kind === kind).map((r) => r.valueKey);
    if (keys.length) await tx.importValueMapping.deleteMany({ where: { teamId, kind, valueKey: { in: keys } } });
  }
  if (rows.size)
    await tx.importValueMapping.createMany({
      data: [...rows.values()].map((r) => ({ ...r, teamId, updatedById: actor.id })),
      skipDuplicates: true,
    });
  await recordAudit(tx, {
    actor,
    action: 'import_mapping.save',
    entityType: 'Team',
    entityId: teamId,
    after: { values: rows.size, ...(input.profile ? { source: input.sourceKind || 'CSV export' } : {}) },
  });
}

export type TicketImportContext = {
  remembered: RememberedMappings;
  /** The team's source profiles, the most recently used first. */
  profiles: SourceProfile[];
  months: Record<string, MonthByName>;
  published: string[];
  /** Where each month's KPIs came from, by KPI name: "kept from <label>, <day>" in the preview. */
  kpiSources: Record<string, Record<string, { label: string; day: string }>>;
  /** The departments a new reason may be linked to in the preview. */
  departments: { id: string; name: string }[];
};

/**
 * What the import page needs besides the team's lists: remembered mappings (by lower-cased value;
 * archived or deleted targets are forgotten), every month's current figures by item name for the
 * now → after preview, and the months with a published edition.
 */
export async function loadTicketImportContext(actor: Actor, teamId: string): Promise<TicketImportContext> {
  assertCanManageTeam(actor, teamId);
  const catalog = await loadCatalog(db, teamId);
  const [mappings, records, reviews, profileRows, sources, departments] = await Promise.all([
    db.importValueMapping.findMany({
      where: { teamId },
      select: { kind: true, valueKey: true, itemId: true, choice: true },
    }),
    readMonths(db, teamId, '1990-01', '2200-12'),
    db.review.findMany({ where: { teamId, status: 'PUBLISHED' }, select: { month: true } }),
    db.sourceProfile.findMany({
      where: { teamId },
      orderBy: { updatedAt: 'desc' },
      select: { signature: true, sourceKind: true, settings: true },
    }),
    db.figureSource.findMany({
      where: { teamId, part: { not: COUNTS_PART } },
      select: { month: true, part: true, label: true, at: true },
    }),
    listDepartmentChoicesUnchecked(db),
  ]);
  // A profile saved by an older shape of the settings is skipped rather than half-applied.
  const profiles = profileRows.flatMap((p) => {
    const settings = profileSettingsSchema.safeParse(p.settings);
    return settings.success ? [{ signature: p.signature, sourceKind: p.sourceKind, settings: settings.data }] : [];
  });
  const remembered: RememberedMappings = { channel: {}, reason: {}, segment: {}, satisfaction: {} };
  for (const m of mappings) {
    if (m.kind === 'satisfaction') {
      if (m.choice === 'satisfied' || m.choice === 'unsatisfied' || m.choice === 'none')
        remembered.satisfaction[m.valueKey] = m.choice;
      continue;
    }
    if (!(LIST_KINDS as readonly string[]).includes(m.kind)) continue;
    const kind = m.kind as ListKind;
    if (m.itemId === null) {
      remembered[kind][m.valueKey] = null;
      continue;
    }
    const item = itemsOf(catalog, kind).find((i) => i.id === m.itemId);
    if (item && !item.archivedAt) remembered[kind][m.valueKey] = item.name;
  }
  const name = (items: CatalogItem[], id: string) => items.find((i) => i.id === id)?.name ?? id;
  const byName = <T>(items: CatalogItem[], record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).map(([id, v]) => [name(items, id), v]));
  const months = Object.fromEntries(
    records.map((r) => [
      r.month,
      {
        volumes: byName(catalog.channels, r.state.volumes),
        reasons: byName(catalog.reasons, r.state.reasons),
        segments: byName(catalog.segments, r.state.segments),
        kpis: byName(catalog.kpis, r.state.kpis),
      },
    ]),
  );
  const kpiSources: TicketImportContext['kpiSources'] = {};
  for (const s of sources) {
    const kpi = catalog.kpis.find((k) => k.id === s.part);
    if (kpi) (kpiSources[s.month] ??= {})[kpi.name] = { label: s.label, day: formatDay(s.at) };
  }
  return {
    remembered,
    profiles,
    months,
    published: reviews.map((r) => r.month).sort(),
    kpiSources,
    departments,
  };
}
