// A month's figures as plain maps keyed by item id: what gets compared (was anything changed?),
// merged (API, imports) and validated, independent of how it arrived.
export type MonthState = {
  volumes: Record<string, { received: number; handled: number }>;
  reasons: Record<string, number>;
  segments: Record<string, number>;
  kpis: Record<string, number>;
  note: string | null;
};

/** What a write changes: items given replace theirs; `note` undefined leaves the note alone. */
export type MonthChange = Omit<MonthState, 'note'> & { note?: string | null };

export const emptyState = (): MonthState => ({ volumes: {}, reasons: {}, segments: {}, kpis: {}, note: null });
export const emptyChange = (): MonthChange => ({ volumes: {}, reasons: {}, segments: {}, kpis: {} });

export function mergeState(current: MonthState, change: MonthChange, mode: 'merge' | 'replace'): MonthState {
  const base = mode === 'replace' ? emptyState() : current;
  return {
    volumes: { ...base.volumes, ...change.volumes },
    reasons: { ...base.reasons, ...change.reasons },
    segments: { ...base.segments, ...change.segments },
    kpis: { ...base.kpis, ...change.kpis },
    note: change.note === undefined ? current.note : change.note || null,
  };
}

/**
 * Which parts of a month a ticket export covers: those are replaced by what the file says (items
 * it does not name become empty), the rest stay as they were. Channels are always covered (every
 * counted ticket has one); reasons and segments when a column was mapped; KPIs by id.
 */
export type Cover = { volumes: boolean; reasons: boolean; segments: boolean; kpis: string[] };

export function coverState(current: MonthState, change: MonthChange, cover: Cover): MonthState {
  const kpis = Object.fromEntries(Object.entries(current.kpis).filter(([id]) => !cover.kpis.includes(id)));
  return {
    volumes: cover.volumes ? { ...change.volumes } : { ...current.volumes, ...change.volumes },
    reasons: cover.reasons ? { ...change.reasons } : { ...current.reasons, ...change.reasons },
    segments: cover.segments ? { ...change.segments } : { ...current.segments, ...change.segments },
    kpis: { ...kpis, ...change.kpis },
    note: change.note === undefined ? current.note : change.note || null,
  };
}

function sorted<T>(record: Record<string, T>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}

export function sameState(a: MonthState, b: MonthState): boolean {
  const key = (s: MonthState) =>
    JSON.stringify([sorted(s.volumes), sorted(s.reasons), sorted(s.segments), sorted(s.kpis), s.note ?? null]);
  return key(a) === key(b);
}

export function isEmptyState(s: MonthState): boolean {
  return (
    !Object.keys(s.volumes).length &&
    !Object.keys(s.reasons).length &&
    !Object.keys(s.segments).length &&
    !Object.keys(s.kpis).length &&
    !s.note
  );
}

/** Contacts received across every channel. */
export function receivedTotal(state: Pick<MonthState, 'volumes'>): number {
  return Object.values(state.volumes).reduce((n, v) => n + v.received, 0);
}
