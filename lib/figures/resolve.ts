// Turns figures given by item name (API bodies, CSV rows) into a MonthChange per month, with
// every problem tied to where it came from (a JSON path or a CSV row and column).
import type { Catalog, CatalogItem } from './figures';
import { nameKey, type FiguresPayload } from './schemas';
import { emptyChange, type MonthChange } from './state';

export const ENTRY_KINDS = ['received', 'handled', 'reason', 'segment', 'kpi', 'note'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export type ItemKind = 'channel' | 'reason' | 'segment' | 'kpi';
export type Ref = { row?: number; column?: string; path?: string };
export type Entry = { ref: Ref; month: string; kind: EntryKind; item: string; value: number | string };
export type Problem = { ref: Ref; message: string };
export type UnknownItem = { kind: ItemKind; name: string };

/** Where a problem is, in words: its JSON path, or "row 3, column Phone". */
export function problemWhere(p: Problem): string {
  if (p.ref.path) return p.ref.path;
  return p.ref.row ? `row ${p.ref.row}${p.ref.column ? `, column ${p.ref.column}` : ''}` : '';
}

const ITEM_KIND: Record<Exclude<EntryKind, 'note'>, ItemKind> = {
  received: 'channel',
  handled: 'channel',
  reason: 'reason',
  segment: 'segment',
  kpi: 'kpi',
};
const ITEM_LABEL: Record<ItemKind, string> = {
  channel: 'channel',
  reason: 'contact reason',
  segment: 'segment',
  kpi: 'KPI',
};

function itemsOf(catalog: Catalog, kind: ItemKind): CatalogItem[] {
  return kind === 'channel'
    ? catalog.channels
    : kind === 'reason'
      ? catalog.reasons
      : kind === 'segment'
        ? catalog.segments
        : catalog.kpis;
}

export function resolveEntries(
  entries: Entry[],
  catalog: Catalog,
  options: { confirmHandledAboveReceived?: boolean } = {},
) {
  const months = new Map<string, MonthChange>();
  const problems: Problem[] = [];
  const unknown = new Map<string, UnknownItem>();
  const seen = new Map<string, Ref>();
  const halves = new Map<string, { received?: { n: number; ref: Ref }; handled?: { n: number; ref: Ref } }>();

  for (const entry of entries) {
    const change = months.get(entry.month) ?? emptyChange();
    months.set(entry.month, change);
    if (entry.kind === 'note') {
      change.note = String(entry.value).trim() || null;
      continue;
    }
    const kind = ITEM_KIND[entry.kind];
    const key = `${entry.month}|${entry.kind}|${nameKey(entry.item)}`;
    if (seen.has(key)) {
      problems.push({ ref: entry.ref, message: `${entry.item} appears twice for ${entry.month}.` });
      continue;
    }
    seen.set(key, entry.ref);
    const item = itemsOf(catalog, kind).find((i) => i.nameKey === nameKey(entry.item));
    if (!item) {
      unknown.set(`${kind}|${nameKey(entry.item)}`, { kind, name: entry.item.trim() });
      continue;
    }
    const value = Number(entry.value);
    // The columns' ceiling (Int, Decimal(14,4)); larger values are typing mistakes, not figures.
    if (Math.abs(value) > 1_000_000_000) {
      problems.push({ ref: entry.ref, message: `${entry.value} is more than 1,000,000,000: check the number.` });
      continue;
    }
    if (kind === 'kpi') {
      const kpi = catalog.kpis.find((k) => k.id === item.id)!;
      if (kpi.unit === 'PERCENT' && (value < 0 || value > 100))
        problems.push({ ref: entry.ref, message: `${kpi.name} is a percentage: between 0 and 100.` });
      else if (kpi.unit !== 'SCORE' && value < 0)
        problems.push({ ref: entry.ref, message: `${kpi.name} must not be negative.` });
      else change.kpis[item.id] = value;
      continue;
    }
    if (!Number.isInteger(value) || value < 0) {
      problems.push({ ref: entry.ref, message: 'Counts are whole numbers, 0 or more.' });
      continue;
    }
    if (kind === 'reason') change.reasons[item.id] = value;
    else if (kind === 'segment') change.segments[item.id] = value;
    else {
      const half = halves.get(`${entry.month}|${item.id}`) ?? {};
      half[entry.kind as 'received' | 'handled'] = { n: value, ref: entry.ref };
      halves.set(`${entry.month}|${item.id}`, half);
    }
  }

  for (const [key, half] of halves) {
    const [month, channelId] = key.split('|') as [string, string];
    const name = catalog.channels.find((c) => c.id === channelId)?.name ?? channelId;
    if (!half.received || !half.handled) {
      const present = (half.received ?? half.handled)!;
      problems.push({ ref: present.ref, message: `${name} needs both received and handled for ${month}.` });
      continue;
    }
    if (half.handled.n > half.received.n && !options.confirmHandledAboveReceived) {
      problems.push({
        ref: half.handled.ref,
        message: `${name}: handled (${half.handled.n}) is more than received (${half.received.n}) in ${month}. Confirm it if the backlog was worked off.`,
      });
      continue;
    }
    months.get(month)!.volumes[channelId] = { received: half.received.n, handled: half.handled.n };
  }
  return { months, problems, unknown: [...unknown.values()] };
}

export function describeUnknown(u: UnknownItem): string {
  return `Unknown ${ITEM_LABEL[u.kind]} “${u.name}”`;
}

/** The API's JSON body as entries, each pointing at its JSON path for error messages. */
export function payloadEntries(month: string, payload: FiguresPayload): Entry[] {
  const entries: Entry[] = [];
  payload.volumes.forEach((v, i) => {
    entries.push({
      ref: { path: `volumes.${i}.received` },
      month,
      kind: 'received',
      item: v.channel,
      value: v.received,
    });
    entries.push({ ref: { path: `volumes.${i}.handled` }, month, kind: 'handled', item: v.channel, value: v.handled });
  });
  payload.reasons.forEach((r, i) =>
    entries.push({ ref: { path: `reasons.${i}.count` }, month, kind: 'reason', item: r.reason, value: r.count }),
  );
  payload.segments.forEach((s, i) =>
    entries.push({ ref: { path: `segments.${i}.count` }, month, kind: 'segment', item: s.segment, value: s.count }),
  );
  payload.kpis.forEach((k, i) =>
    entries.push({ ref: { path: `kpis.${i}.value` }, month, kind: 'kpi', item: k.kpi, value: k.value }),
  );
  if (payload.note !== undefined)
    entries.push({ ref: { path: 'note' }, month, kind: 'note', item: '', value: payload.note ?? '' });
  return entries;
}
