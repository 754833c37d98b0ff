// Turns a help-desk ticket export (one row per ticket or contact, as Zendesk, Freshdesk, Intercom
// and phone systems export) into monthly figures. Pure and browser-safe: the import page runs it
// in the browser while it reads the file, and the benchmark and tests run it in Node.
import type { FiguresPayload } from './schemas';
import { classifySatisfaction, type SatisfactionClass } from './ticket-guess';
import { monthInZone, parseTimestamp } from '../dates/zone';

export const TICKET_FIELDS = [
  'date',
  'channel',
  'reason',
  'segment',
  'satisfaction',
  'firstResponse',
  'handleTime',
  'status',
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];
export type ColumnMapping = Partial<Record<TicketField, number>>;

export const TICKET_FIELD_LABELS: Record<TicketField, string> = {
  date: 'Date (created)',
  channel: 'Channel',
  reason: 'Contact reason / tag',
  segment: 'Segment / organisation',
  satisfaction: 'Satisfaction rating',
  firstResponse: 'First response time',
  handleTime: 'Handle time',
  status: 'Status (solved counts as handled)',
};

export type DateOrder = 'DMY' | 'MDY';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (m: number) => String(m).padStart(2, '0');

/**
 * "YYYY-MM" of a date written as ISO, d/m/y or m/d/y (with / . -), or "5 Oct 2026" / "Oct 5, 2026".
 * An ISO timestamp with a time falls in the month of `timeZone` (the team's): with `Z` or an offset
 * it is an instant, without one a wall-clock time there. A date alone is that calendar day.
 */
export function monthOf(value: string, order: DateOrder, timeZone = 'UTC'): string | null {
  const s = value.trim();
  const instant = parseTimestamp(s, timeZone);
  if (instant) return valid(...(monthInZone(instant, timeZone).split('-').map(Number) as [number, number]));
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return valid(year, order === 'DMY' ? b : a);
  }
  m = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})/i.exec(s);
  if (m) return valid(Number(m[3]), MONTHS.indexOf(m[2]!.toLowerCase()) + 1);
  m = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/i.exec(s);
  if (m) return valid(Number(m[3]), MONTHS.indexOf(m[1]!.toLowerCase()) + 1);
  return null;
}

function valid(year: number, month: number): string | null {
  return year >= 1990 && year <= 2200 && month >= 1 && month <= 12 ? `${year}-${pad(month)}` : null;
}

/** Day-first or month-first, from the values themselves (a first part over 12 settles it). */
export function guessDateOrder(samples: string[]): DateOrder {
  for (const s of samples) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(s.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return 'DMY';
    if (Number(m[2]) > 12) return 'MDY';
    if (s.includes('.')) return 'DMY';
  }
  return 'DMY';
}

/** True when some date is written d/m/y or m/d/y; ISO and "5 Oct 2026" dates need no question. */
export function hasSlashDates(values: Iterable<string>): boolean {
  for (const v of values) if (/^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(v)) return true;
  return false;
}

export type DurationUnit = 'seconds' | 'minutes' | 'hours';
const UNIT_SECONDS: Record<DurationUnit, number> = { seconds: 1, minutes: 60, hours: 3600 };

/** Seconds, from "1:02:03", "02:03" or a number in `unit`. */
export function durationSeconds(value: string, unit: DurationUnit): number | null {
  const s = value.trim();
  if (!s) return null;
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(s);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 ? n * UNIT_SECONDS[unit] : null;
}

/** Above this share of ignored tickets the leader must confirm the import (page and server). */
export const IGNORED_SHARE_LIMIT = 0.05;

const SOLVED = /^(solved|closed|resolved|done|completed|handled|answered)$/i;

/**
 * The values in a cell. Tag columns hold several: split on commas, semicolons or bars when the
 * cell has them (Freshdesk, Intercom), else on spaces (Zendesk). An empty cell is the value "".
 */
export function cellValues(cell: string, multi: boolean): string[] {
  const trimmed = cell.trim();
  if (!trimmed || !multi) return [trimmed];
  const parts = /[,;|]/.test(trimmed) ? trimmed.split(/\s*[,;|]\s*/) : trimmed.split(/\s+/);
  const values = parts.filter(Boolean);
  return values.length ? values : [''];
}

/** Per dimension, value as written → team item name; null (or absent) counts the value nowhere. */
export type ValueMaps = {
  channel: Record<string, string | null>;
  reason: Record<string, string | null>;
  segment: Record<string, string | null>;
};
export type KpiTargets = {
  csat?: string | undefined;
  firstResponse?: { kpi: string; unit: 'SECONDS' | 'MINUTES' } | undefined;
  handleTime?: { kpi: string; unit: 'SECONDS' | 'MINUTES' } | undefined;
};
/** A ticket with several mapped tags counts under the first, or once under each (sum > contacts). */
export type MultiTagRule = 'first' | 'each';
export type AggregateOptions = {
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  durationUnits: { firstResponse: DurationUnit; handleTime: DurationUnit };
  /** Whether the reason column holds several tags per cell. */
  multiTag: boolean;
  multiTagRule: MultiTagRule;
  valueMaps: ValueMaps;
  /** Satisfaction value as written → class; values not listed are classified by the CSAT rule. */
  satisfaction: Record<string, SatisfactionClass>;
  satisfactionScaleMax?: number;
  kpis: KpiTargets;
  latestMonth: string;
  /** The team's zone: a ticket at 23:30 UTC on 31 October is November's in Sydney. */
  timeZone?: string;
};

type MonthAcc = {
  volumes: Map<string, { received: number; handled: number }>;
  reasons: Map<string, number>;
  segments: Map<string, number>;
  withReason: number;
  withSegment: number;
  rated: number;
  good: number;
  frtSum: number;
  frtN: number;
  ahtSum: number;
  ahtN: number;
};

/** Per month: contacts counted, and how many of them have a reason and a segment. */
export type MonthCheck = { contacts: number; withReason: number; withSegment: number; responses: number };
export type AggregatedMonth = { month: string; payload: FiguresPayload; check: MonthCheck };
export type AggregateStats = {
  rows: number;
  counted: number;
  noDate: number;
  future: number;
  unmappedChannel: number;
  ignored: number;
};
export type AggregateResult = { months: AggregatedMonth[]; stats: AggregateStats };

/** One pass over the rows; memory grows with months × items, not with rows. */
export function aggregateTickets(rows: Iterable<string[]>, o: AggregateOptions): AggregateResult {
  const acc = new Map<string, MonthAcc>();
  const stats = { rows: 0, counted: 0, noDate: 0, future: 0, unmappedChannel: 0, ignored: 0 };
  const col = (row: string[], field: TicketField) =>
    o.mapping[field] === undefined ? '' : (row[o.mapping[field]!] ?? '');
  const scaleMax = o.satisfactionScaleMax ?? 5;
  for (const row of rows) {
    stats.rows++;
    const month = monthOf(col(row, 'date'), o.dateOrder, o.timeZone);
    if (!month) {
      stats.noDate++;
      continue;
    }
    if (month > o.latestMonth) {
      stats.future++;
      continue;
    }
    // Without a channel column every cell reads "", which the leader maps to one channel.
    const channel = o.valueMaps.channel[col(row, 'channel').trim()] ?? null;
    if (!channel) {
      stats.unmappedChannel++;
      continue;
    }
    stats.counted++;
    let m = acc.get(month);
    if (!m) {
      m = {
        volumes: new Map(),
        reasons: new Map(),
        segments: new Map(),
        withReason: 0,
        withSegment: 0,
        rated: 0,
        good: 0,
        frtSum: 0,
        frtN: 0,
        ahtSum: 0,
        ahtN: 0,
      };
      acc.set(month, m);
    }
    const v = m.volumes.get(channel) ?? { received: 0, handled: 0 };
    v.received++;
    if (o.mapping.status === undefined || SOLVED.test(col(row, 'status').trim())) v.handled++;
    m.volumes.set(channel, v);
    if (o.mapping.reason !== undefined) {
      const targets = new Set<string>();
      for (const value of cellValues(col(row, 'reason'), o.multiTag)) {
        const target = o.valueMaps.reason[value];
        if (!target) continue;
        targets.add(target);
        if (o.multiTagRule === 'first') break;
      }
      if (targets.size) m.withReason++;
      for (const t of targets) m.reasons.set(t, (m.reasons.get(t) ?? 0) + 1);
    }
    if (o.mapping.segment !== undefined) {
      const segment = o.valueMaps.segment[col(row, 'segment').trim()];
      if (segment) {
        m.withSegment++;
        m.segments.set(segment, (m.segments.get(segment) ?? 0) + 1);
      }
    }
    if (o.mapping.satisfaction !== undefined) {
      const value = col(row, 'satisfaction').trim();
      const sat = o.satisfaction[value] ?? classifySatisfaction(value, scaleMax);
      if (sat !== 'none') {
        m.rated++;
        if (sat === 'satisfied') m.good++;
      }
    }
    const frt =
      o.mapping.firstResponse === undefined
        ? null
        : durationSeconds(col(row, 'firstResponse'), o.durationUnits.firstResponse);
    if (frt !== null) {
      m.frtSum += frt;
      m.frtN++;
    }
    const aht =
      o.mapping.handleTime === undefined ? null : durationSeconds(col(row, 'handleTime'), o.durationUnits.handleTime);
    if (aht !== null) {
      m.ahtSum += aht;
      m.ahtN++;
    }
  }
  stats.ignored = stats.noDate + stats.future + stats.unmappedChannel;
  const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
  const inUnit = (seconds: number, unit: 'SECONDS' | 'MINUTES') => round(unit === 'MINUTES' ? seconds / 60 : seconds);
  const months = [...acc.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => {
      const kpis: FiguresPayload['kpis'] = [];
      if (o.kpis.csat && m.rated) kpis.push({ kpi: o.kpis.csat, value: round((m.good / m.rated) * 100, 1) });
      if (o.kpis.firstResponse && m.frtN)
        kpis.push({ kpi: o.kpis.firstResponse.kpi, value: inUnit(m.frtSum / m.frtN, o.kpis.firstResponse.unit) });
      if (o.kpis.handleTime && m.ahtN)
        kpis.push({ kpi: o.kpis.handleTime.kpi, value: inUnit(m.ahtSum / m.ahtN, o.kpis.handleTime.unit) });
      const payload: FiguresPayload = {
        volumes: [...m.volumes.entries()].map(([channel, v]) => ({ channel, ...v })),
        reasons: [...m.reasons.entries()].map(([reason, count]) => ({ reason, count })),
        segments: [...m.segments.entries()].map(([segment, count]) => ({ segment, count })),
        kpis,
      };
      const contacts = payload.volumes.reduce((n, x) => n + x.received, 0);
      return {
        month,
        payload,
        check: { contacts, withReason: m.withReason, withSegment: m.withSegment, responses: m.rated },
      };
    });
  return { months, stats };
}

/**
 * Distinct values of a column with how often each occurs, most frequent first, "" (empty) included.
 * With no column, every ticket reads "": one entry the leader maps (used for the channel).
 */
export function distinctValues(
  rows: Iterable<string[]>,
  index: number | undefined,
  multi: boolean,
): { value: string; count: number }[] {
  if (index === undefined) {
    const n = Array.isArray(rows) ? rows.length : [...rows].length;
    return n ? [{ value: '', count: n }] : [];
  }
  const counts = new Map<string, number>();
  for (const row of rows) for (const v of cellValues(row[index] ?? '', multi)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, count]) => ({ value, count }));
}
