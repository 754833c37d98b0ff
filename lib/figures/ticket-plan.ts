// The import page's decisions as pure functions (browser-safe, tested in Node): the first value
// mapping from what the team chose before and from guesses, the items to create, what to
// remember, and each month's figures as now → after import.
import { nameKey, type FiguresPayload } from './schemas';
import type { ListKind } from '../team-settings/list-kinds';
import type { AggregatedMonth } from './ticket-export';
import { guessItem, otherItem, type SatisfactionClass } from './ticket-guess';

export const OTHER_NAME = 'Other / not set';
export type Lists = Record<ListKind, string[]>;
/** Per dimension, value as written → item name (possibly one to create) or null (ignored). */
export type ValueChoice = Record<string, string | null>;
/** By lower-cased value: the item chosen (null: ignored), and how each rating counted. */
export type RememberedMappings = Record<ListKind, Record<string, string | null>> & {
  satisfaction: Record<string, SatisfactionClass>;
};
export type MonthByName = {
  volumes: Record<string, { received: number; handled: number }>;
  reasons: Record<string, number>;
  segments: Record<string, number>;
  kpis: Record<string, number>;
};

/** The item "Other / not set" maps to: the team's own catch-all if it has one, else one to create. */
export const otherTarget = (items: string[]) => otherItem(items) ?? OTHER_NAME;

/** The item a value no list item matches becomes: itself (within the 80-character name limit). */
export const asNamed = (value: string, items: string[]) =>
  value.trim() === '' ? otherTarget(items) : value.trim().slice(0, 80).trim();

/**
 * What the team chose before wins (it is the leader's own decision, ignoring included); otherwise
 * the best guess; otherwise a new item named as in the file ("Other / not set" for an empty cell).
 * Nothing is ignored by default: dropping tickets is only ever the leader's explicit choice.
 */
export function initialChoice(
  kind: ListKind,
  values: { value: string }[],
  items: string[],
  remembered: Record<string, string | null>,
  context: { organisationColumn?: boolean } = {},
): ValueChoice {
  const choice: ValueChoice = {};
  const known = new Set(items.map(nameKey));
  for (const { value } of values) {
    const key = nameKey(value);
    const before = remembered[key];
    if (before === null) choice[value] = null;
    else if (before !== undefined && known.has(nameKey(before))) choice[value] = before;
    else choice[value] = guessItem(kind, value, items, context) ?? asNamed(value, items);
  }
  return choice;
}

/** Targets that are not yet in the team's list: created with the import. */
export function itemsToCreate(choice: ValueChoice, items: string[]): string[] {
  const known = new Set(items.map(nameKey));
  const create = new Map<string, string>();
  for (const target of Object.values(choice))
    if (target && !known.has(nameKey(target))) create.set(nameKey(target), target.trim());
  return [...create.values()];
}

export function mappingsToRemember(
  choices: Record<ListKind, ValueChoice>,
): { kind: ListKind; value: string; target: string | null }[] {
  return (Object.keys(choices) as ListKind[]).flatMap((kind) =>
    Object.entries(choices[kind]).map(([value, target]) => ({ kind, value, target })),
  );
}

export type Cover = { reasons: boolean; segments: boolean; kpis: string[] };
export type Change = { name: string; now: number | null; after: number | null };
export type MonthPreview = {
  month: string;
  isNew: boolean;
  channels: {
    name: string;
    now: { received: number; handled: number } | null;
    after: { received: number; handled: number } | null;
  }[];
  /** null: the file has no column for it, so the month keeps what it has. */
  reasons: Change[] | null;
  segments: Change[] | null;
  kpis: Change[];
  contacts: { now: number; after: number };
  check: AggregatedMonth['check'];
};

/** Rows in the team's list order, then any other names; both what is there now and what comes. */
function rows(order: string[], now: Record<string, number>, after: Record<string, number>): Change[] {
  const names = [
    ...new Set([...order.filter((n) => n in now || n in after), ...Object.keys(now), ...Object.keys(after)]),
  ];
  return names.map((name) => ({ name, now: now[name] ?? null, after: after[name] ?? null }));
}

const toRecord = <T extends Record<string, unknown>>(list: T[], key: keyof T, value: keyof T) =>
  Object.fromEntries(list.map((x) => [x[key] as string, x[value] as number]));

export function previewMonth(
  m: AggregatedMonth,
  now: MonthByName | undefined,
  cover: Cover,
  lists: Lists,
  kpiOrder: string[],
): MonthPreview {
  const current: MonthByName = now ?? { volumes: {}, reasons: {}, segments: {}, kpis: {} };
  const p: FiguresPayload = m.payload;
  const afterVolumes = Object.fromEntries(
    p.volumes.map((v) => [v.channel, { received: v.received, handled: v.handled }]),
  );
  const channelNames = [
    ...new Set([
      ...lists.channel.filter((n) => n in current.volumes || n in afterVolumes),
      ...Object.keys(current.volumes),
      ...Object.keys(afterVolumes),
    ]),
  ];
  const afterKpis = {
    ...Object.fromEntries(Object.entries(current.kpis).filter(([name]) => !cover.kpis.includes(name))),
    ...toRecord(p.kpis, 'kpi', 'value'),
  };
  const sum = (r: Record<string, { received: number }>) => Object.values(r).reduce((n, v) => n + v.received, 0);
  return {
    month: m.month,
    isNew: now === undefined,
    channels: channelNames.map((name) => ({
      name,
      now: current.volumes[name] ?? null,
      after: afterVolumes[name] ?? null,
    })),
    reasons: cover.reasons ? rows(lists.reason, current.reasons, toRecord(p.reasons, 'reason', 'count')) : null,
    segments: cover.segments ? rows(lists.segment, current.segments, toRecord(p.segments, 'segment', 'count')) : null,
    kpis: rows(kpiOrder, current.kpis, afterKpis),
    contacts: { now: sum(current.volumes), after: sum(afterVolumes) },
    check: m.check,
  };
}
