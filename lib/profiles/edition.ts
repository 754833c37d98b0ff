// "Meet the team" as an edition freezes it: pure data and its email rendering (no database), so the
// page, the email and the tests read one shape. Names, words and praise only: never a count.
import escapeHtml from 'escape-html';
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

export function meetTheTeamHtml(people: MeetTheTeamPerson[] | undefined, baseUrl: string): string {
  if (!people?.length) return '';
  const cards = people
    .map((p) => {
      const link = new URL(`/people/${encodeURIComponent(p.id)}`, baseUrl).toString();
      const quotes = p.quotes
        .map(
          (q) =>
            `<blockquote style="margin:8px 0;padding:4px 12px;border-left:3px solid #1d5fd1">${escapeHtml(q.text)}<br><span style="color:#475569;font-size:13px">— ${escapeHtml(q.cite)}</span></blockquote>`,
        )
        .join('');
      const wins = p.wins.length
        ? `<p style="margin:8px 0 0;font-size:14px">Wins: ${p.wins.map((w) => escapeHtml(w.title)).join('; ')}</p>`
        : '';
      return `<div style="margin:12px 0;padding:12px 14px;border:1px solid #e2e8f0;border-radius:6px"><p style="margin:0;font-weight:bold"><a href="${escapeHtml(link)}" style="color:#0f172a">${escapeHtml(p.name)}</a></p><p style="margin:2px 0 8px;color:#475569;font-size:13px">${escapeHtml(p.title)} · ${escapeHtml(teamSinceText(p.teamSince))}</p><p style="margin:0;font-size:15px;line-height:1.5;white-space:pre-line">${escapeHtml(p.bio)}</p>${quotes}${wins}</div>`;
    })
    .join('');
  return `<h2 style="font-size:18px;margin:24px 0 8px">${MEET_THE_TEAM_TITLE}</h2>${cards}`;
}

export function meetTheTeamText(people: MeetTheTeamPerson[] | undefined): string[] {
  if (!people?.length) return [];
  return [
    '',
    `${MEET_THE_TEAM_TITLE}:`,
    ...people.flatMap((p) => [
      '',
      `${p.name}, ${p.title} — ${teamSinceText(p.teamSince)}`,
      p.bio,
      ...p.quotes.map((q) => `“${q.text}” — ${q.cite}`),
      ...(p.wins.length ? [`Wins: ${p.wins.map((w) => w.title).join('; ')}`] : []),
    ]),
  ];
}
