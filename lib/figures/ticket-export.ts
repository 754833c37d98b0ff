// Turns a help-desk ticket export (one row per ticket or contact, as Zendesk, Freshdesk, Intercom
// and phone systems export) into monthly figures. Pure and browser-safe: the import page runs it
// in the browser while it reads the file, and the benchmark and tests run it in Node.
import type { FiguresPayload } from './schemas';

export const TICKET_FIELDS = ['date', 'channel', 'reason', 'segment', 'satisfaction', 'firstResponse', 'handleTime', 'status'] as const;
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

const GUESSES: [TicketField, RegExp][] = [
  ['firstResponse', /first.*(reply|response)/i],
  ['handleTime', /handl|talk time|resolution time|full resolution|duration|aht/i],
  ['satisfaction', /satisf|csat|rating|score/i],
  ['date', /^(created|creation|date|opened|submitted|start)|created|date|time ?stamp/i],
  ['channel', /channel|via|source|medium|^type$/i],
  ['reason', /reason|tag|topic|category|disposition|subject/i],
  ['segment', /segment|organi[sz]ation|company|customer type|tier|account/i],
  ['status', /status|state/i],
];

/** Sensible first guesses from the header names; the leader corrects them on the page. */
export function guessColumns(header: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const [field, re] of GUESSES) {
    const index = header.findIndex((h, i) => !taken.has(i) && re.test(h.trim()));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

export type DateOrder = 'DMY' | 'MDY';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (m: number) => String(m).padStart(2, '0');

/** "YYYY-MM" of a date written as ISO, d/m/y or m/d/y (with / . -), or "5 Oct 2026" / "Oct 5, 2026". */
export function monthOf(value: string, order: DateOrder): string | null {
  const s = value.trim();
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

const GOOD = /^(good|satisfied|positive|happy|great|yes|thumbs ?up|😀|🙂|👍)/i;
const BAD = /^(bad|unsatisfied|dissatisfied|negative|unhappy|poor|no|thumbs ?down|😞|🙁|👎)/i;

/** 1 satisfied, 0 not, null unrated. Numbers: 4–5 of 5 (or 8–10 of 10) count as satisfied. */
export function satisfied(value: string, scaleMax: number): 0 | 1 | null {
  const s = value.trim();
  if (!s || /^(offered|unoffered|not offered|n\/a|-)$/i.test(s)) return null;
  if (GOOD.test(s)) return 1;
  if (BAD.test(s)) return 0;
  const n = Number(s.replace(',', '.'));
  if (!Number.isFinite(n)) return null;
  return n >= (scaleMax <= 5 ? 4 : 8) ? 1 : 0;
}

const SOLVED = /^(solved|closed|resolved|done|completed|handled|answered)$/i;

/** Tag-like columns hold several values; the first one mapped to a team item counts. */
export function cellValues(cell: string, multi: boolean): string[] {
  const trimmed = cell.trim();
  if (!trimmed) return [];
  return multi ? trimmed.split(/[\s,;|]+/).filter(Boolean) : [trimmed];
}

export type ValueMaps = { channel: Record<string, string | null>; reason: Record<string, string | null>; segment: Record<string, string | null> };
export type KpiTargets = {
  csat?: string | undefined;
  firstResponse?: { kpi: string; unit: 'SECONDS' | 'MINUTES' } | undefined;
  handleTime?: { kpi: string; unit: 'SECONDS' | 'MINUTES' } | undefined;
};
export type AggregateOptions = {
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  durationUnits: { firstResponse: DurationUnit; handleTime: DurationUnit };
  multiValue: { reason: boolean; segment: boolean };
  valueMaps: ValueMaps;
  kpis: KpiTargets;
  satisfactionScaleMax: number;
  latestMonth: string;
};

type MonthAcc = {
  volumes: Map<string, { received: number; handled: number }>;
  reasons: Map<string, number>;
  segments: Map<string, number>;
  rated: number;
  good: number;
  frtSum: number;
  frtN: number;
  ahtSum: number;
  ahtN: number;
};

export type AggregateResult = {
  months: { month: string; payload: FiguresPayload }[];
  stats: { rows: number; counted: number; noDate: number; future: number; unmappedChannel: number };
};

/** One pass over the rows; memory grows with months × items, not with rows. */
export function aggregateTickets(rows: Iterable<string[]>, o: AggregateOptions): AggregateResult {
  const acc = new Map<string, MonthAcc>();
  const stats = { rows: 0, counted: 0, noDate: 0, future: 0, unmappedChannel: 0 };
  const col = (row: string[], field: TicketField) => (o.mapping[field] === undefined ? '' : (row[o.mapping[field]!] ?? ''));
  const firstMapped = (cell: string, multi: boolean, map: Record<string, string | null>) => {
    for (const v of cellValues(cell, multi)) {
      const target = map[v];
      if (target) return target;
    }
    return null;
  };
  for (const row of rows) {
    stats.rows++;
    const month = monthOf(col(row, 'date'), o.dateOrder);
    if (!month) {
      stats.noDate++;
      continue;
    }
    if (month > o.latestMonth) {
      stats.future++;
      continue;
    }
    // Without a channel column every ticket lands in the one channel the leader chose for "(all)".
    const channel = o.mapping.channel === undefined ? (o.valueMaps.channel[''] ?? null) : firstMapped(col(row, 'channel'), false, o.valueMaps.channel);
    if (!channel) {
      stats.unmappedChannel++;
      continue;
    }
    stats.counted++;
    let m = acc.get(month);
    if (!m) {
      m = { volumes: new Map(), reasons: new Map(), segments: new Map(), rated: 0, good: 0, frtSum: 0, frtN: 0, ahtSum: 0, ahtN: 0 };
      acc.set(month, m);
    }
    const v = m.volumes.get(channel) ?? { received: 0, handled: 0 };
    v.received++;
    if (o.mapping.status === undefined || SOLVED.test(col(row, 'status').trim())) v.handled++;
    m.volumes.set(channel, v);
    const reason = firstMapped(col(row, 'reason'), o.multiValue.reason, o.valueMaps.reason);
    if (reason) m.reasons.set(reason, (m.reasons.get(reason) ?? 0) + 1);
    const segment = firstMapped(col(row, 'segment'), o.multiValue.segment, o.valueMaps.segment);
    if (segment) m.segments.set(segment, (m.segments.get(segment) ?? 0) + 1);
    const sat = o.mapping.satisfaction === undefined ? null : satisfied(col(row, 'satisfaction'), o.satisfactionScaleMax);
    if (sat !== null) {
      m.rated++;
      m.good += sat;
    }
    const frt = o.mapping.firstResponse === undefined ? null : durationSeconds(col(row, 'firstResponse'), o.durationUnits.firstResponse);
    if (frt !== null) {
      m.frtSum += frt;
      m.frtN++;
    }
    const aht = o.mapping.handleTime === undefined ? null : durationSeconds(col(row, 'handleTime'), o.durationUnits.handleTime);
    if (aht !== null) {
      m.ahtSum += aht;
      m.ahtN++;
    }
  }
  const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
  const inUnit = (seconds: number, unit: 'SECONDS' | 'MINUTES') => round(unit === 'MINUTES' ? seconds / 60 : seconds);
  const months = [...acc.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => {
      const kpis: FiguresPayload['kpis'] = [];
      if (o.kpis.csat && m.rated) kpis.push({ kpi: o.kpis.csat, value: round((m.good / m.rated) * 100, 1) });
      if (o.kpis.firstResponse && m.frtN) kpis.push({ kpi: o.kpis.firstResponse.kpi, value: inUnit(m.frtSum / m.frtN, o.kpis.firstResponse.unit) });
      if (o.kpis.handleTime && m.ahtN) kpis.push({ kpi: o.kpis.handleTime.kpi, value: inUnit(m.ahtSum / m.ahtN, o.kpis.handleTime.unit) });
      const payload: FiguresPayload = {
        volumes: [...m.volumes.entries()].map(([channel, v]) => ({ channel, ...v })),
        reasons: [...m.reasons.entries()].map(([reason, count]) => ({ reason, count })),
        segments: [...m.segments.entries()].map(([segment, count]) => ({ segment, count })),
        kpis,
      };
      return { month, payload };
    });
  return { months, stats };
}

/** Distinct values of a column with how often each occurs, most frequent first (for value mapping). */
export function distinctValues(rows: Iterable<string[]>, index: number | undefined, multi: boolean, limit = 200): { value: string; count: number }[] {
  if (index === undefined) return [];
  const counts = new Map<string, number>();
  for (const row of rows) for (const v of cellValues(row[index] ?? '', multi)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([value, count]) => ({ value, count }));
}

/** Default value mapping: a value maps to the team item of the same name, case-insensitively. */
export function guessValueMap(values: { value: string }[], items: { name: string }[]): Record<string, string | null> {
  const byKey = new Map(items.map((i) => [i.name.trim().toLowerCase(), i.name]));
  return Object.fromEntries(values.map(({ value }) => [value, byKey.get(value.trim().toLowerCase()) ?? null]));
}
