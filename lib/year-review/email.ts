// A year in review as an email: the year's total against last year, the months as a table, the
// KPIs with how each was summed, the story, quotes, outcomes and the people credited. Built from
// the frozen snapshot like the monthly email, with the same Markdown rule and unsubscribe line.
import escapeHtml from 'escape-html';
import { describeChange } from '../change';
import { monthLabel } from '../dates/month';
import { formatMetric, type EditionSnapshot } from '../reviews/content';
import { editionSubject, markdownHtml, markdownText, UNSUBSCRIBE_PLACEHOLDER } from '../reviews/email-render';
import { describeYearKpi, OUTCOME_LABELS, type YearContent } from './content';

const cell = 'padding:6px 10px;border-bottom:1px solid #e2e8f0;';
const h2 = (text: string) => `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(text)}</h2>`;

export function renderYearEmail(
  snapshot: EditionSnapshot,
  year: YearContent,
  link: string,
): { subject: string; html: string; text: string } {
  const { content } = snapshot;
  const team = content.team.name;
  const subject = editionSubject(team, year.year);
  const baseUrl = new URL(link).origin;
  const change = describeChange(year.total, year.lastYearTotal, { percent: false });
  const totalLine = `${formatMetric(year.total)} contacts in ${year.year} (${change.text} on ${Number(year.year) - 1})`;
  const months = year.months
    .map(
      (m) =>
        `<tr><th align="left" style="${cell}font-weight:600">${escapeHtml(monthLabel(m.month))}</th><td align="right" style="${cell}">${escapeHtml(m.contacts === null ? 'no figures' : formatMetric(m.contacts))}</td></tr>`,
    )
    .join('');
  const kpis = year.kpis.filter((k) => k.value !== null).map(describeYearKpi);
  const quotes = content.quotes
    .map(
      (q) =>
        `<blockquote style="margin:12px 0;padding:8px 14px;border-left:4px solid #1d5fd1;color:#0f172a">${escapeHtml(q.pullQuote ?? q.text)}<br><span style="color:#475569;font-size:13px">— ${escapeHtml(q.cite)}</span></blockquote>`,
    )
    .join('');
  const outcomes = year.outcomes.map((o) => `${OUTCOME_LABELS[o.kind] ?? 'Outcome'} (${o.occurredOn}): ${o.text}`);
  const people = year.people.map((p) => p.name).join(', ');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;color:#0f172a">
<div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff">
<p style="margin:0;color:#475569;font-size:13px">${escapeHtml(team)} · ${escapeHtml(year.year)} year in review</p>
<h1 style="font-size:24px;margin:4px 0 16px">${escapeHtml(snapshot.title)}</h1>
<p style="font-size:16px;font-weight:bold">${escapeHtml(totalLine)}</p>
<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;font-size:14px">
<thead><tr><th align="left" style="${cell}">Month</th><th align="right" style="${cell}">Contacts</th></tr></thead>
<tbody>${months}</tbody></table>
${kpis.length ? `${h2('KPIs')}<ul style="font-size:14px;line-height:1.5">${kpis.map((k) => `<li>${escapeHtml(k)}</li>`).join('')}</ul>` : ''}
${h2('The story of the year')}
<div style="font-size:15px;line-height:1.5">${markdownHtml(snapshot.highlights, baseUrl)}</div>
${quotes ? `${h2('What customers said')}${quotes}` : ''}
${outcomes.length ? `${h2('What changed because of our work')}<ul style="font-size:14px;line-height:1.5">${outcomes.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>` : ''}
${people ? `${h2('People credited this year')}<p style="font-size:14px">${escapeHtml(people)}</p>` : ''}
${snapshot.asks.trim() ? `${h2('How you can help')}<div style="font-size:15px;line-height:1.5">${markdownHtml(snapshot.asks, baseUrl)}</div>` : ''}
<p style="margin:28px 0"><a href="${escapeHtml(link)}" style="background:#1d5fd1;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:bold">Read the year in review</a></p>
<p style="color:#64748b;font-size:12px">You get this because you work here or are on ${escapeHtml(team)}’s distribution list. <a href="${UNSUBSCRIBE_PLACEHOLDER}" style="color:#475569">Stop ${escapeHtml(team)}’s editions by email</a> (one click, no sign-in).</p>
</div></body></html>`;
  const text = [
    snapshot.title,
    `${team} · ${year.year} year in review`,
    '',
    totalLine,
    ...year.months.map(
      (m) => `- ${monthLabel(m.month)}: ${m.contacts === null ? 'no figures' : formatMetric(m.contacts)}`,
    ),
    ...(kpis.length ? ['', ...kpis.map((k) => `- ${k}`)] : []),
    '',
    markdownText(snapshot.highlights, baseUrl),
    ...(content.quotes.length
      ? ['', 'What customers said:', ...content.quotes.map((q) => `“${q.pullQuote ?? q.text}” — ${q.cite}`)]
      : []),
    ...(outcomes.length ? ['', 'What changed because of our work:', ...outcomes.map((o) => `- ${o}`)] : []),
    ...(people ? ['', `People credited this year: ${people}`] : []),
    ...(snapshot.asks.trim() ? ['', 'How you can help:', markdownText(snapshot.asks, baseUrl)] : []),
    '',
    `Read the year in review: ${link}`,
    '',
    '--',
    `To stop ${team}’s editions by email (one click, no sign-in): ${UNSUBSCRIBE_PLACEHOLDER}`,
  ].join('\n');
  return { subject, html, text };
}
