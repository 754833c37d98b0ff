// The follow-ups and tracked asks in the edition email, HTML and text. The email's own Markdown
// renderers are passed in, so both parts keep its one rule for text people wrote.
import escapeHtml from 'escape-html';
import type { EditionSnapshot } from '../reviews/content';

type Render = (markdown: string) => string;

const h2 = (title: string) => `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(title)}</h2>`;
const body = (html: string) => `<div style="font-size:15px;line-height:1.5">${html}</div>`;

export function asksUrl(baseUrl: string, slug: string): string {
  return new URL(`/asks?team=${encodeURIComponent(slug)}`, baseUrl).toString();
}

export function editionAsksHtml(snapshot: EditionSnapshot, baseUrl: string, html: Render): string {
  const followUps = snapshot.followUps?.trim() ?? '';
  const tracked = snapshot.trackedAsks ?? [];
  const parts: string[] = [];
  if (followUps) parts.push(h2('Following up on our asks'), body(html(followUps)));
  if (snapshot.asks.trim() || tracked.length) {
    parts.push(h2('How you can help'));
    if (snapshot.asks.trim()) parts.push(body(html(snapshot.asks)));
    for (const ask of tracked)
      parts.push(
        `<div style="margin:10px 0;padding:10px 14px;border:1px solid #e2e8f0;border-radius:6px"><p style="margin:0;color:#1d5fd1;font-size:12px;font-weight:bold;text-transform:uppercase">To ${escapeHtml(ask.department)}</p><p style="margin:2px 0 0;font-weight:bold">${escapeHtml(ask.title)}</p>${ask.details.trim() ? body(html(ask.details)) : ''}</div>`,
      );
    if (tracked.length)
      parts.push(
        `<p style="font-size:14px"><a href="${escapeHtml(asksUrl(baseUrl, snapshot.content.team.slug))}" style="color:#1d5fd1">Answer or follow these asks on the asks page</a></p>`,
      );
  }
  return parts.join('\n');
}

export function editionAsksText(snapshot: EditionSnapshot, baseUrl: string, text: Render): string[] {
  const followUps = snapshot.followUps?.trim() ?? '';
  const tracked = snapshot.trackedAsks ?? [];
  const lines: string[] = [];
  if (followUps) lines.push('', 'Following up on our asks:', text(followUps));
  if (snapshot.asks.trim() || tracked.length) {
    lines.push('', 'How you can help:');
    if (snapshot.asks.trim()) lines.push(text(snapshot.asks));
    for (const ask of tracked) {
      lines.push(`- To ${ask.department}: ${ask.title}`);
      if (ask.details.trim()) lines.push(`  ${text(ask.details).replace(/\n/g, '\n  ')}`);
    }
    if (tracked.length) lines.push(`Answer or follow these asks: ${asksUrl(baseUrl, snapshot.content.team.slug)}`);
  }
  return lines;
}
