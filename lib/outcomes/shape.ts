// An outcome as an edition freezes it: plain JSON, importable by client components and the email.
import { monthLabel } from '../dates/month';

export type EditionOutcome = {
  id: string;
  kind: 'CONSULTED' | 'PROJECT_FUNDED' | 'HEADCOUNT_OR_BUDGET' | 'PROCESS_CHANGED' | 'OTHER';
  kindLabel: string;
  /** YYYY-MM-DD */
  occurredOn: string;
  text: string;
  /** The ask it answered, if any. */
  ask: { title: string; department: string } | null;
  /** The month of the edition it came from, if any. */
  fromEdition: string | null;
};

/** Where an outcome came from, in a few words: the ask and its department, or the edition. */
export function outcomeSource(o: Pick<EditionOutcome, 'ask' | 'fromEdition'>): string | null {
  if (o.ask) return `After the ask “${o.ask.title}” to ${o.ask.department}`;
  if (o.fromEdition) return `After the ${monthLabel(o.fromEdition)} edition`;
  return null;
}
