// The edition as an email: subject, HTML and text for every recipient at once, rendered from the
// frozen snapshot's sections by lib/editions/email.tsx (React Email), so the email carries every
// section the page has, under the same heading. Customers appear only through the snapshot's
// `cite`, which the quotes module's attribution rule wrote; Markdown follows the page's rule.
import escapeHtml from 'escape-html';
import { createElement } from 'react';
import { editionName } from './sections';
import { EditionEmail, renderEmailParts, UNSUBSCRIBE_PLACEHOLDER } from './email';
import type { EditionSnapshot } from './content';
import type { EditionLens } from './sections';

export { UNSUBSCRIBE_PLACEHOLDER };
export { markdownHtml } from './email-markdown';

export function editionUrl(baseUrl: string, slug: string, month: string): string {
  return new URL(`/reviews/${encodeURIComponent(slug)}/${month}`, baseUrl).toString();
}

/** "Customer Care — November 2026 review": the team and period once, whatever the title says. */
export function editionSubject(teamName: string, month: string): string {
  return `${teamName} — ${editionName(month)}`;
}

/**
 * The email for every recipient at once: the one part that differs per person (their signed
 * unsubscribe link) is a placeholder `forRecipient` fills, so a list of thousands renders once.
 */
export async function renderEditionEmail(
  snapshot: EditionSnapshot,
  link: string,
  lens: EditionLens = {},
): Promise<{ subject: string; html: string; text: string }> {
  const { content, year } = snapshot;
  const subject = editionSubject(content.team.name, year ? year.year : content.month);
  const { html, text } = await renderEmailParts(createElement(EditionEmail, { snapshot, link, subject, lens }));
  return { subject, html, text };
}

/** One recipient's copy: their own signed unsubscribe link in both parts. */
export function forRecipient(message: { subject: string; html: string; text: string }, unsubscribePage: string) {
  return {
    subject: message.subject,
    html: message.html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, escapeHtml(unsubscribePage)),
    text: message.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, unsubscribePage),
  };
}
