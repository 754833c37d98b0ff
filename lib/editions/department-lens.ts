// "For your department": one section per department that owns reasons, frozen into an edition's
// snapshot at publish, so every member of a department reads the same words and a later change of
// links never rewrites what was published. Department-level counts only; nothing names a person.
import type { AskStatus } from '../generated/prisma/enums';
import type { EditionQuote } from './content';
import type { EditionOutcome } from '../outcomes/shape';
import { formatNumber } from '../format';
import type { Dimension } from '../departments/counts';

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
