// "You asked, we did" and "Still open": the Markdown a new draft starts with, written from the
// team's tracked asks. Pure (no database), so the wording is easy to test. It names departments,
// never people: the text is frozen into a published edition, and an answerer may later be erased.
import { differenceInCalendarDays } from 'date-fns';

/** A tracked ask as an edition freezes it: what readers saw, whatever happens to the ask later. */
export type SnapshotAsk = { id: string; title: string; department: string; details: string };

export type DoneAsk = { title: string; department: string; answer: string | null };
export type OpenAsk = {
  title: string;
  department: string;
  status: 'OPEN' | 'IN_PROGRESS';
  answer: string | null;
  /** When the edition that raised it was published: from then on the department could see it. */
  since: Date;
};

/** "5 days", "3 weeks", "4 months": how long an ask has been open, roughly, as a reader says it. */
export function howLong(since: Date, now: Date): string {
  const days = Math.max(0, differenceInCalendarDays(now, since));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days < 14) return plural(days, 'day');
  if (days < 61) return plural(Math.round(days / 7), 'week');
  return plural(Math.round(days / 30.44), 'month');
}

// One line each: an answer's own line breaks would break the list item.
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
// A title is plain words: keep Markdown from reading its stars or brackets as formatting.
const plain = (text: string) => oneLine(text).replace(/([\\`*_[\]<>#|])/g, '\\$1');

export function writeFollowUps(done: DoneAsk[], open: OpenAsk[], now: Date): string {
  const parts: string[] = [];
  if (done.length)
    parts.push(
      '**You asked, we did**',
      done
        .map((a) => `- **${plain(a.title)}** (${plain(a.department)})${a.answer ? `: ${oneLine(a.answer)}` : ''}`)
        .join('\n'),
    );
  if (open.length)
    parts.push(
      '**Still open**',
      open
        .map((a) => {
          const state = `${a.status === 'IN_PROGRESS' ? 'in progress' : 'open'} for ${howLong(a.since, now)}`;
          return `- **${plain(a.title)}** (${plain(a.department)}, ${state})${a.answer ? `: ${oneLine(a.answer)}` : ''}`;
        })
        .join('\n'),
    );
  return parts.join('\n\n');
}
