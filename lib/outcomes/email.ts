// The edition email's "What changed" part, HTML and text, from the frozen snapshot's outcomes.
import escapeHtml from 'escape-html';
import { formatDay, parseDay } from '../dates/day';
import { outcomeSource, type EditionOutcome } from './shape';

const day = (value: string) => {
  const d = parseDay(value);
  return d ? formatDay(d) : value;
};

export function outcomesEmailHtml(outcomes: EditionOutcome[] | undefined): string {
  if (!outcomes?.length) return '';
  const items = outcomes
    .map((o) => {
      const source = outcomeSource(o);
      return `<li style="margin:0 0 10px"><strong>${escapeHtml(o.kindLabel)}:</strong> ${escapeHtml(o.text)}<br><span style="color:#475569;font-size:13px">${escapeHtml(day(o.occurredOn))}${source ? ` · ${escapeHtml(source)}` : ''}</span></li>`;
    })
    .join('');
  return `<h2 style="font-size:18px;margin:24px 0 8px">What changed</h2><p style="font-size:14px;color:#475569;margin:0 0 8px">What the organisation did since the last edition, thanks to you.</p><ul style="font-size:15px;line-height:1.5;padding-left:20px">${items}</ul>`;
}

export function outcomesEmailText(outcomes: EditionOutcome[] | undefined): string[] {
  if (!outcomes?.length) return [];
  return [
    '',
    'What changed:',
    ...outcomes.map((o) => {
      const source = outcomeSource(o);
      return `- ${o.kindLabel}: ${o.text} (${day(o.occurredOn)}${source ? `; ${source}` : ''})`;
    }),
  ];
}
