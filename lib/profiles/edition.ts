// "Meet the team" as an edition freezes it: pure data (no database), so the page, the email and
// the tests read one shape. Names, words and praise only: never a count.
import { monthLabel } from '../dates/month';

export type MeetTheTeamPerson = {
  id: string;
  name: string;
  title: string;
  /** Plain text as the person typed it. */
  bio: string;
  /** "YYYY-MM": the month they joined the team. */
  teamSince: string;
  /** A few approved quotes crediting them, newest first (the customer only as `cite` allows). */
  quotes: { id: string; text: string; cite: string; receivedOn: string }[];
  /** A few wins crediting them, newest first. */
  wins: { id: string; title: string; occurredOn: string }[];
};

export const MEET_THE_TEAM_TITLE = 'Meet the team';

export function teamSinceText(month: string): string {
  return `In the team since ${monthLabel(month)}`;
}
