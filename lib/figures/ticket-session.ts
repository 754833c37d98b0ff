// One help-desk import from a read file to what the page submits, as pure functions the import page
// calls and the tests call the same way: first settings (from the team's source profile for this
// desk, else guessed), then the value choices, the aggregation and the action's input.
import { z } from 'zod';
import { nameKey } from './schemas';
import { departmentField, type NewReasonDepartments } from './new-reason-departments';
import type { ListKind } from '../team-settings/list-kinds';
import {
  aggregateTickets,
  distinctValues,
  guessDateOrder,
  hasSlashDates,
  IGNORED_SHARE_LIMIT,
  TICKET_FIELDS,
  type AggregateResult,
  type ColumnMapping,
} from './ticket-export';
import { ENCODINGS, type TicketFile } from './ticket-file';
import { classifySatisfaction, guessColumns, unitFromHeader, type SatisfactionClass } from './ticket-guess';
import {
  initialChoice,
  itemsToCreate,
  mappingsToRemember,
  type Lists,
  type RememberedMappings,
  type ValueChoice,
} from './ticket-plan';
import { detectSourceKind, headerKey, headerSignature } from './ticket-sources';

const unit = z.enum(['seconds', 'minutes', 'hours']);
const sat = z.enum(['satisfied', 'unsatisfied', 'none']);
const kpiName = z.string().max(80);
/** Everything a leader settles for one desk's export, remembered per team and per source. */
export const profileSettingsSchema = z.object({
  /** Field → header name (by headerKey), so a column that moves is still found. */
  columns: z.partialRecord(z.enum(TICKET_FIELDS), z.string().max(200)),
  units: z.object({ firstResponse: unit, handleTime: unit }),
  dateOrder: z.enum(['DMY', 'MDY']),
  encoding: z.enum(ENCODINGS),
  multiTag: z.boolean(),
  rule: z.enum(['first', 'each']),
  kpiTargets: z.object({ csat: kpiName, firstResponse: kpiName, handleTime: kpiName }),
  scaleMax: z.number().int().min(2).max(100),
  /** Per list, value key → item name (null: the leader chose to ignore it). */
  values: z.object({
    channel: z.record(z.string().max(300), kpiName.nullable()),
    reason: z.record(z.string().max(300), kpiName.nullable()),
    segment: z.record(z.string().max(300), kpiName.nullable()),
  }),
  satisfaction: z.record(z.string().max(300), sat),
});
export type ProfileSettings = z.infer<typeof profileSettingsSchema>;
export type SourceProfile = { signature: string; sourceKind: string; settings: ProfileSettings };

export type ImportContext = Lists & {
  kpis: { name: string; unit: string }[];
  remembered: RememberedMappings;
  profiles: SourceProfile[];
  latestMonth: string;
  timeZone: string;
};
export type Settings = Omit<ProfileSettings, 'columns' | 'values' | 'satisfaction' | 'encoding'> & {
  mapping: ColumnMapping;
};
export type Overrides = Record<ListKind, ValueChoice> & { satisfaction: Record<string, SatisfactionClass> };
export const NO_OVERRIDES: Overrides = { channel: {}, reason: {}, segment: {}, satisfaction: {} };

/** This header's profile; else the latest one for the same desk (its columns found by name). */
export function findProfile(profiles: SourceProfile[], header: string[]): SourceProfile | null {
  const signature = headerSignature(header);
  const kind = detectSourceKind(header);
  return (
    profiles.find((p) => p.signature === signature) ??
    (kind === 'CSV export' ? null : (profiles.find((p) => p.sourceKind === kind) ?? null))
  );
}

/** The highest score a rating column uses: "Score (1-10)" says 10; else the largest value up to 10. */
export function guessScaleMax(header: string | undefined, values: string[]): number {
  if (/\b(1|0)\s*[-–]\s*10\b|out of 10|\/\s*10\b/.test(header ?? '')) return 10;
  const numbers = values.map((v) => Number(v.trim().replace(',', '.'))).filter((n) => v0(n));
  return Math.max(5, ...numbers);
}
const v0 = (n: number) => Number.isFinite(n) && n <= 10;

const guessKpi = (kpis: ImportContext['kpis'], pattern: RegExp) => kpis.find((k) => pattern.test(k.name))?.name ?? '';

/** First settings for a read file: the profile's where it has one, guesses for the rest. */
export function initialSettings(file: TicketFile, ctx: ImportContext, profile: SourceProfile | null): Settings {
  const keys = file.header.map(headerKey);
  const guessed = guessColumns(file.header);
  let mapping: ColumnMapping = guessed;
  if (profile) {
    mapping = {};
    for (const [field, name] of Object.entries(profile.settings.columns)) {
      const index = keys.indexOf(name);
      if (index >= 0) mapping[field as keyof ColumnMapping] = index;
    }
    if (mapping.date === undefined && guessed.date !== undefined) mapping.date = guessed.date;
  }
  const column = (i: number | undefined) => (i === undefined ? [] : file.rows.map((r) => r[i] ?? ''));
  const kept = (name: string) => (ctx.kpis.some((k) => k.name === name) ? name : '');
  const s = profile?.settings;
  return {
    mapping,
    units: s?.units ?? {
      firstResponse: unitFromHeader(file.header[mapping.firstResponse ?? -1]),
      handleTime: unitFromHeader(file.header[mapping.handleTime ?? -1]),
    },
    dateOrder: s?.dateOrder ?? guessDateOrder(column(mapping.date).slice(0, 2000)),
    multiTag: s?.multiTag ?? /tag|label/i.test(file.header[mapping.reason ?? -1] ?? ''),
    rule: s?.rule ?? 'first',
    kpiTargets: s
      ? {
          csat: kept(s.kpiTargets.csat),
          firstResponse: kept(s.kpiTargets.firstResponse),
          handleTime: kept(s.kpiTargets.handleTime),
        }
      : {
          csat: guessKpi(ctx.kpis, /csat|satisf/i),
          firstResponse: guessKpi(ctx.kpis, /first.*(response|reply)/i),
          handleTime: guessKpi(ctx.kpis, /handle/i),
        },
    scaleMax:
      s?.scaleMax ??
      guessScaleMax(file.header[mapping.satisfaction ?? -1], column(mapping.satisfaction).slice(0, 5000)),
  };
}

const kpiUnit = (ctx: ImportContext, name: string): 'SECONDS' | 'MINUTES' =>
  ctx.kpis.find((k) => k.name === name)?.unit === 'SECONDS' ? 'SECONDS' : 'MINUTES';

export type Plan = {
  sourceKind: string;
  values: Record<ListKind | 'satisfaction', { value: string; count: number }[]>;
  slashDates: boolean;
  choices: Record<ListKind, ValueChoice>;
  satClasses: Record<string, SatisfactionClass>;
  cover: { reasons: boolean; segments: boolean; kpis: string[] };
  aggregated: AggregateResult | null;
  ignoredShare: number;
  mustConfirm: boolean;
};

/** Values, choices (the leader's overrides, then the profile's, the team's, the guesses) and totals. */
export function planImport(
  file: TicketFile,
  settings: Settings,
  overrides: Overrides,
  ctx: ImportContext,
  profile: SourceProfile | null,
): Plan {
  const { mapping } = settings;
  const rows = file.rows;
  const organisationColumn = /organi[sz]ation|company|account/i.test(file.header[mapping.segment ?? -1] ?? '');
  const values = {
    channel: distinctValues(rows, mapping.channel, false),
    reason: mapping.reason === undefined ? [] : distinctValues(rows, mapping.reason, settings.multiTag),
    segment: mapping.segment === undefined ? [] : distinctValues(rows, mapping.segment, false),
    satisfaction: mapping.satisfaction === undefined ? [] : distinctValues(rows, mapping.satisfaction, false),
  };
  const choices: Record<ListKind, ValueChoice> = { channel: {}, reason: {}, segment: {} };
  for (const kind of ['channel', 'reason', 'segment'] as const) {
    // The profile's choice wins unless its item was renamed or archived since (ids, kept team-wide, follow renames).
    const known = new Set(ctx[kind].map(nameKey));
    const fromProfile = Object.entries(profile?.settings.values[kind] ?? {}).filter(
      ([, t]) => t === null || known.has(nameKey(t)),
    );
    const remembered = { ...ctx.remembered[kind], ...Object.fromEntries(fromProfile) };
    // Without a channel column every ticket reads "": it lands in the team's first channel unless changed.
    const initial =
      kind === 'channel' && mapping.channel === undefined
        ? { '': ctx.channel[0] ?? null }
        : initialChoice(kind, values[kind], ctx[kind], remembered, {
            organisationColumn: kind === 'segment' && organisationColumn,
          });
    choices[kind] = Object.fromEntries(
      Object.entries(initial).map(([v, t]) => [v, v in overrides[kind] ? overrides[kind][v]! : t]),
    );
  }
  const rememberedSat = { ...ctx.remembered.satisfaction, ...profile?.settings.satisfaction };
  const satClasses = Object.fromEntries(
    values.satisfaction.map(({ value }) => [
      value,
      overrides.satisfaction[value] ?? rememberedSat[nameKey(value)] ?? classifySatisfaction(value, settings.scaleMax),
    ]),
  );
  const active = {
    csat: mapping.satisfaction !== undefined ? settings.kpiTargets.csat : '',
    firstResponse: mapping.firstResponse !== undefined ? settings.kpiTargets.firstResponse : '',
    handleTime: mapping.handleTime !== undefined ? settings.kpiTargets.handleTime : '',
  };
  const aggregated =
    mapping.date === undefined
      ? null
      : aggregateTickets(rows, {
          mapping,
          dateOrder: settings.dateOrder,
          durationUnits: settings.units,
          multiTag: settings.multiTag,
          multiTagRule: settings.rule,
          valueMaps: choices,
          satisfaction: satClasses,
          satisfactionScaleMax: settings.scaleMax,
          kpis: {
            csat: active.csat || undefined,
            firstResponse: active.firstResponse
              ? { kpi: active.firstResponse, unit: kpiUnit(ctx, active.firstResponse) }
              : undefined,
            handleTime: active.handleTime
              ? { kpi: active.handleTime, unit: kpiUnit(ctx, active.handleTime) }
              : undefined,
          },
          latestMonth: ctx.latestMonth,
          timeZone: ctx.timeZone,
        });
  const ignoredShare = aggregated && aggregated.stats.rows ? aggregated.stats.ignored / aggregated.stats.rows : 0;
  return {
    sourceKind: detectSourceKind(file.header),
    values,
    slashDates: hasSlashDates(rows.map((r) => r[mapping.date ?? -1] ?? '')),
    choices,
    satClasses,
    cover: {
      reasons: mapping.reason !== undefined,
      segments: mapping.segment !== undefined,
      kpis: Object.values(active).filter(Boolean),
    },
    aggregated,
    ignoredShare,
    mustConfirm: ignoredShare > IGNORED_SHARE_LIMIT,
  };
}

const short = (value: string) => value.length <= 300;

/**
 * The reasons the import will create: values mapped to a name the team has no reason for, that some
 * ticket lands in. Each asks for its department in the preview (optional).
 */
export function newReasons(plan: Plan, ctx: Pick<ImportContext, 'reason'>): string[] {
  const used = new Set((plan.aggregated?.months ?? []).flatMap((m) => m.payload.reasons.map((r) => nameKey(r.reason))));
  return itemsToCreate(plan.choices.reason, ctx.reason).filter((n) => used.has(nameKey(n)));
}

/** What the import action receives: the months, the items to create and everything to remember. */
export function importInput(
  file: TicketFile & { name: string },
  settings: Settings,
  plan: Plan,
  ctx: ImportContext,
  confirmed: boolean,
  departments: NewReasonDepartments = {},
) {
  const { mapping } = settings;
  const aggregated = plan.aggregated!;
  const rememberChoices = {
    channel: mapping.channel === undefined ? {} : plan.choices.channel,
    reason: plan.choices.reason,
    segment: plan.choices.segment,
  };
  const byKey = (choice: ValueChoice) =>
    Object.fromEntries(
      Object.entries(choice)
        .filter(([v]) => short(v))
        .map(([v, t]) => [nameKey(v), t]),
    );
  const columns: ProfileSettings['columns'] = {};
  for (const [field, index] of Object.entries(mapping))
    if (file.header[index] !== undefined) columns[field as keyof ColumnMapping] = headerKey(file.header[index]);
  const satisfaction = Object.entries(plan.satClasses).filter(([value]) => short(value));
  const used = {
    channel: new Set(aggregated.months.flatMap((m) => m.payload.volumes.map((v) => nameKey(v.channel)))),
    segment: new Set(aggregated.months.flatMap((m) => m.payload.segments.map((r) => nameKey(r.segment)))),
  };
  return {
    months: aggregated.months.map(({ month, payload }) => ({ month, payload })),
    cover: plan.cover,
    // Only items some ticket lands in: a second tag under the count-once rule makes no empty reason.
    create: {
      channel: itemsToCreate(plan.choices.channel, ctx.channel).filter((n) => used.channel.has(nameKey(n))),
      reason: newReasons(plan, ctx),
      segment: itemsToCreate(plan.choices.segment, ctx.segment).filter((n) => used.segment.has(nameKey(n))),
    },
    mappings: mappingsToRemember(rememberChoices).filter((m) => short(m.value)),
    satisfaction: satisfaction.map(([value, choice]) => ({ value, choice })),
    ignored: { rows: aggregated.stats.rows, ignored: aggregated.stats.ignored, confirmed },
    sourceKind: plan.sourceKind,
    fileName: file.name.slice(0, 255),
    departments: newReasons(plan, ctx).flatMap((reason) => {
      const departmentId = departments[departmentField(reason)];
      return departmentId ? [{ reason, departmentId }] : [];
    }),
    profile: {
      signature: headerSignature(file.header),
      settings: {
        columns,
        units: settings.units,
        dateOrder: settings.dateOrder,
        encoding: file.encoding,
        multiTag: settings.multiTag,
        rule: settings.rule,
        kpiTargets: settings.kpiTargets,
        scaleMax: settings.scaleMax,
        values: {
          channel: byKey(rememberChoices.channel),
          reason: byKey(rememberChoices.reason),
          segment: byKey(rememberChoices.segment),
        },
        satisfaction: Object.fromEntries(satisfaction.map(([v, c]) => [nameKey(v), c])),
      } satisfies ProfileSettings,
    },
  };
}
