// "For your department": one section per department that owns reasons, frozen into an edition's
// snapshot at publish, so every member of a department reads the same words and a later change of
// links never rewrites what was published. Department-level counts only; nothing names a person.
import type { AskStatus } from '../generated/prisma/enums';
import type { EditionContent, EditionQuote } from './content';
import { addMonths } from '../dates/month';
import type { EditionOutcome } from '../outcomes/shape';
import { formatNumber } from '../format';
import { describeChange, type Change } from '../change';
import { dimensionIn, type Dimension } from '../departments/dimension';

/** A department's part of an edition as published. */
export type DepartmentLens = {
  departmentId: string;
  /** The department's name when published. */
  department: string;
  /** The list its contacts were counted from (lib/departments/counts.ts); absent in older snapshots: reasons. */
  dimension?: Dimension;
  /** Contacts this month whose reason the department owns; null when the month has no reason figures. */
  contacts: number | null;
  /** The same over last month and the month a year before; null when there is nothing comparable. */
  lastMonth: number | null;
  lastYear: number | null;
  /** The comparisons a source break forbids (lib/figures/breaks.ts): "not comparable — source changed". */
  notComparable?: ('lastMonth' | 'lastYear')[];
  /** The department's reasons (or segments, or channels: see dimension) with their contacts this month, most first. */
  reasons: { name: string; count: number }[];
  /** A featured (approved, attribution-checked) quote of the edition about the top reason. */
  quoteId: string | null;
  /** Asks of the team to the department: still open, or closed this month. */
  asks: { id: string; title: string; status: AskStatus; answer: string | null }[];
  /** The edition's outcomes that answered the department's asks. */
  outcomeIds: string[];
};

export const ASK_STATUS_TEXT: Record<AskStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  DECLINED: 'Declined',
};

/** The quote about a reason: the first featured quote naming it (featured quotes passed moderation and consent). */
export function quoteAbout(quotes: EditionQuote[], reason: string | undefined): EditionQuote | null {
  if (!reason) return null;
  const needle = reason.trim().toLowerCase();
  return quotes.find((q) => q.text.toLowerCase().includes(needle)) ?? null;
}

/** The outcomes of an edition that came from an ask to this department. */
export function outcomesFor(outcomes: EditionOutcome[], department: string): EditionOutcome[] {
  return outcomes.filter((o) => o.ask?.department === department);
}

/** The section's change on last month or last year, by the one rule: across a source break, none. */
export function lensChange(lens: DepartmentLens, base: 'lastMonth' | 'lastYear'): Change {
  return describeChange(lens.contacts, lens[base], {
    percent: false,
    comparable: !lens.notComparable?.includes(base),
  });
}

/** What the lens's rows are, in the plural and as a column heading. */
export const DIMENSION_WORDS: Record<Dimension, { plural: string; heading: string }> = {
  reason: { plural: 'reasons', heading: 'Reason' },
  segment: { plural: 'segments', heading: 'Segment' },
  channel: { plural: 'channels', heading: 'Channel' },
};

/** "402 contacts this month came from reasons Logistics owns": the section's first line. */
export function lensHeadline(lens: Pick<DepartmentLens, 'contacts' | 'department' | 'dimension'>): string {
  const words = DIMENSION_WORDS[lens.dimension ?? 'reason'];
  if (lens.contacts === null)
    return lens.dimension === 'channel' || lens.dimension === 'segment'
      ? `No contacts by ${words.heading.toLowerCase()} were counted this month.`
      : `No contact reasons were counted this month.`;
  const n = lens.contacts;
  return `${formatNumber(n)} contact${n === 1 ? '' : 's'} this month came from ${words.plural} ${lens.department} owns.`;
}

/** A reason, segment or channel of the team linked to a department; an archived one counts only in months it holds a count. */
export type LensItem = {
  id: string;
  name: string;
  departmentId: string;
  department: string;
  dimension: Dimension;
  archived: boolean;
};

export type LensInputs = {
  month: string;
  items: LensItem[];
  /** Each item's count (reasons, segments) or contacts received (channels) in the month, a month and a year before. */
  counts: { id: string; month: string; count: number }[];
  /** Per list, which of those months hold any counts for it: the others have no figure, not zero. */
  withFigures: Record<Dimension, Set<string>>;
  /** Whether the month compares with the month before and the year before (lib/figures/breaks.ts). */
  comparable: { lastMonth: boolean; lastYear: boolean };
  /** The team's asks to the departments: open, or closed in the month. */
  asks: { id: string; departmentId: string | null; title: string; status: AskStatus; answer: string | null }[];
  content: Pick<EditionContent, 'quotes' | 'outcomes'>;
};

/** A department's part of the team's asks (open, or closed in the month), oldest first: at most ten. */
export function lensAsks(asks: LensInputs['asks'], departmentId: string): DepartmentLens['asks'] {
  return asks
    .filter((a) => a.departmentId === departmentId)
    .slice(0, 10)
    .map((a) => ({ id: a.id, title: a.title, status: a.status, answer: a.answer }));
}

/**
 * Each department's part, from what the snapshot builder read (and the demo, from its own reads):
 * a department counts from one list only, its reasons, else segments, else channels
 * (lib/departments/dimension.ts), so no contact is counted twice.
 */
export function composeDepartmentLenses(input: LensInputs): DepartmentLens[] {
  const { month, counts, withFigures, comparable, asks, content } = input;
  const byDepartment = new Map<string, { name: string; items: LensItem[] }>();
  for (const item of input.items) {
    const entry = byDepartment.get(item.departmentId) ?? { name: item.department, items: [] };
    entry.items.push(item);
    byDepartment.set(item.departmentId, entry);
  }
  const prior = { lastMonth: addMonths(month, -1), lastYear: addMonths(month, -12) };
  const counted = new Set(counts.map((c) => `${c.id}|${c.month}`));
  const countOf = (id: string, m: string) =>
    counts.filter((c) => c.id === id && c.month === m).reduce((a, c) => a + c.count, 0);
  const dimensionAt = (items: LensItem[], m: string) =>
    dimensionIn(items.map((i) => ({ ...i, counted: counted.has(`${i.id}|${m}`) })));
  const total = (dimension: Dimension, list: LensItem[], m: string) =>
    withFigures[dimension].has(m) ? list.reduce((a, r) => a + countOf(r.id, m), 0) : null;
  // A month counted from another list (an archived reason's months) is no base for a change.
  const base = (dimension: Dimension, all: LensItem[], list: LensItem[], key: 'lastMonth' | 'lastYear') =>
    comparable[key] && dimensionAt(all, prior[key]) === dimension ? total(dimension, list, prior[key]) : null;
  return [...byDepartment.entries()]
    .flatMap(([departmentId, { name, items: all }]) => {
      const dimension = dimensionAt(all, month);
      if (!dimension) return [];
      const items = all.filter((i) => i.dimension === dimension);
      const rows = items
        .map((r) => ({ name: r.name, count: countOf(r.id, month) }))
        .filter((r) => r.count > 0)
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      return {
        departmentId,
        department: name,
        dimension,
        contacts: total(dimension, items, month),
        lastMonth: base(dimension, all, items, 'lastMonth'),
        lastYear: base(dimension, all, items, 'lastYear'),
        ...(comparable.lastMonth && comparable.lastYear
          ? {}
          : {
              notComparable: (['lastMonth', 'lastYear'] as const).filter((k) => !comparable[k]),
            }),
        reasons: rows,
        // A quote is matched to the top reason; segments and channels carry none.
        quoteId: dimension === 'reason' ? (quoteAbout(content.quotes, rows[0]?.name)?.id ?? null) : null,
        asks: lensAsks(asks, departmentId),
        outcomeIds: outcomesFor(content.outcomes ?? [], name).map((o) => o.id),
      };
    })
    .sort((a, b) => a.department.localeCompare(b.department));
}
