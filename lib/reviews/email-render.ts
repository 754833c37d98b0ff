// The edition as an HTML email (and its plain-text part). Built from the frozen snapshot, so the
// email says what the page says; customers appear only through the snapshot's `cite`, which the
// quotes module's attribution rule wrote. Markdown is rendered with raw HTML ignored and the
// result sanitized, and every other value is escaped.
import escapeHtml from 'escape-html';
import type { Element, ElementContent, Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { monthLabel } from '../dates/month';
import { isSafeMarkdownUrl } from '../markdown-policy';
import { formatMetric, metricChange, type EditionSnapshot, type Metric } from './content';
import { editionAsksHtml, editionAsksText } from '../asks/email-parts';
import { outcomesEmailHtml, outcomesEmailText } from '../outcomes/email';
import { meetTheTeamHtml, meetTheTeamText } from '../profiles/edition';
import { renderYearEmail } from '../year-review/email';

/**
 * The page's Markdown rule, applied to the email: an image becomes its alt text (no remote
 * content, no tracking pixels), a link keeps its address only when the page would keep it, and a
 * link within the site is made absolute (a mail client has no site to resolve it against).
 */
function emailLinkPolicy(baseUrl: string) {
  const fix = (nodes: ElementContent[]): ElementContent[] =>
    nodes.map((node) => {
      if (node.type !== 'element') return node;
      if (node.tagName === 'img')
        return { type: 'text', value: typeof node.properties.alt === 'string' ? node.properties.alt : '' };
      const el: Element = { ...node, children: fix(node.children) };
      if (el.tagName === 'a') {
        const href = typeof el.properties.href === 'string' ? el.properties.href : '';
        if (!href || !isSafeMarkdownUrl(href))
          return { type: 'element', tagName: 'span', properties: {}, children: el.children };
        el.properties = { href: /^[/#]/.test(href.trim()) ? new URL(href.trim(), baseUrl).toString() : href.trim() };
      }
      return el;
    });
  return () => (tree: Root) => {
    tree.children = tree.children.map((n) => (n.type === 'element' ? fix([n])[0]! : n));
  };
}

export function markdownHtml(text: string, baseUrl: string): string {
  return String(
    unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(rehypeSanitize)
      .use(emailLinkPolicy(baseUrl))
      .use(rehypeStringify)
      .processSync(text),
  );
}

const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr']);

/** Plain text from the same tree the HTML part is made from, so both parts follow one rule. */
export function markdownText(text: string, baseUrl: string): string {
  const pipeline = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize).use(emailLinkPolicy(baseUrl));
  const tree = pipeline.runSync(pipeline.parse(text)) as Root;
  const walk = (nodes: (Root | ElementContent)[]): string =>
    nodes
      .map((node) => {
        if (node.type === 'text') return node.value;
        if (node.type === 'root') return walk(node.children as ElementContent[]);
        if (node.type !== 'element') return '';
        const inner = walk(node.children);
        if (node.tagName === 'a' && typeof node.properties.href === 'string' && node.properties.href !== inner)
          return `${inner} (${node.properties.href})`;
        if (node.tagName === 'li') return `- ${inner.trim()}\n`;
        // The line breaks between list items are the source's, not the reader's.
        if (node.tagName === 'ul' || node.tagName === 'ol')
          return `${walk(node.children.filter((c) => c.type !== 'text' || c.value.trim()))}\n`;
        if (node.tagName === 'br') return '\n';
        return BLOCKS.has(node.tagName) ? `${inner.trim()}\n\n` : inner;
      })
      .join('');
  return walk([tree])
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function editionUrl(baseUrl: string, slug: string, month: string): string {
  return new URL(`/reviews/${encodeURIComponent(slug)}/${month}`, baseUrl).toString();
}

const cell = 'padding:6px 10px;border-bottom:1px solid #e2e8f0;';

// The change's tone as email-safe colours (no CSS variables in mail clients): better, worse, neutral.
const TONE_COLOUR = { better: '#166534', worse: '#b91c1c', neutral: '#475569' } as const;
const changeCell = (m: Metric, against: 'lastMonth' | 'lastYear') => {
  const change = metricChange(m, against);
  return `<td align="right" style="${cell}color:${TONE_COLOUR[change.tone]}">${escapeHtml(change.text)}</td>`;
};

function metricRow(m: Metric, unit?: string, decimals = 0, target?: string) {
  return `<tr><th align="left" style="${cell}font-weight:600">${escapeHtml(m.label)}</th><td align="right" style="${cell}">${escapeHtml(formatMetric(m.value, unit, decimals))}</td>${changeCell(m, 'lastMonth')}${changeCell(m, 'lastYear')}<td style="${cell}color:#475569">${escapeHtml(target ?? '')}</td></tr>`;
}

/** Where each recipient's own unsubscribe link goes in a rendered email (see `forRecipient`). */
export const UNSUBSCRIBE_PLACEHOLDER = 'https://unsubscribe.invalid/__RECIPIENT__';

/** "Customer Care — November 2026 review": the team and month once, whatever the title says. */
export function editionSubject(teamName: string, month: string): string {
  return `${teamName} — ${monthLabel(month)} review`;
}

/**
 * The email for every recipient at once: the one part that differs per person (their signed
 * unsubscribe link) is a placeholder `forRecipient` fills, so a list of thousands renders once.
 */
export function renderEditionEmail(
  snapshot: EditionSnapshot,
  link: string,
): { subject: string; html: string; text: string } {
  if (snapshot.year) return renderYearEmail(snapshot, snapshot.year, link);
  const { content } = snapshot;
  const label = monthLabel(content.month);
  const subject = editionSubject(content.team.name, content.month);
  const baseUrl = new URL(link).origin;
  const kpiTarget = (k: EditionSnapshot['content']['kpis'][number]) =>
    k.target === null
      ? ''
      : `${k.meetsTarget ? 'meets' : 'misses'} target ${formatMetric(k.target, k.unit, k.decimals)}`;
  const rows = [
    metricRow(content.total),
    ...content.channels.map((c) => metricRow(c)),
    ...content.kpis.map((k) => metricRow(k, k.unit, k.decimals, kpiTarget(k))),
  ].join('');
  const quotes = content.quotes
    .map(
      (q) =>
        `<blockquote style="margin:12px 0;padding:8px 14px;border-left:4px solid #1d5fd1;color:#0f172a">${escapeHtml(q.pullQuote ?? q.text)}<br><span style="color:#475569;font-size:13px">— ${escapeHtml(q.cite)}</span></blockquote>`,
    )
    .join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;color:#0f172a">
<div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff">
<p style="margin:0;color:#475569;font-size:13px">${escapeHtml(content.team.name)} · ${escapeHtml(label)}</p>
<h1 style="font-size:24px;margin:4px 0 16px">${escapeHtml(snapshot.title)}</h1>
<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;font-size:14px">
<thead><tr><th align="left" style="${cell}">This month</th><th align="right" style="${cell}">Value</th><th align="right" style="${cell}">vs last month</th><th align="right" style="${cell}">vs last year</th><th style="${cell}"></th></tr></thead>
<tbody>${rows}</tbody></table>
<h2 style="font-size:18px;margin:24px 0 8px">The story of the month</h2>
<div style="font-size:15px;line-height:1.5">${markdownHtml(snapshot.highlights, baseUrl)}</div>
${quotes ? `<h2 style="font-size:18px;margin:24px 0 8px">What customers said</h2>${quotes}` : ''}
${meetTheTeamHtml(content.meetTheTeam, baseUrl)}
${outcomesEmailHtml(content.outcomes)}
${editionAsksHtml(snapshot, baseUrl, (t) => markdownHtml(t, baseUrl))}
<p style="margin:28px 0"><a href="${escapeHtml(link)}" style="background:#1d5fd1;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:bold">Read the full edition</a></p>
<p style="color:#64748b;font-size:12px">You get this because you work here or are on ${escapeHtml(content.team.name)}’s distribution list. <a href="${UNSUBSCRIBE_PLACEHOLDER}" style="color:#475569">Stop ${escapeHtml(content.team.name)}’s editions by email</a> (one click, no sign-in).</p>
</div></body></html>`;
  const textRows = [content.total, ...content.channels, ...content.kpis].map((m) => {
    const unit = 'unit' in m ? (m.unit as string) : undefined;
    const decimals = 'decimals' in m ? (m.decimals as number) : 0;
    return `- ${m.label}: ${formatMetric(m.value, unit, decimals)} (${metricChange(m, 'lastMonth').text} vs last month, ${metricChange(m, 'lastYear').text} vs last year)`;
  });
  const text = [
    `${snapshot.title}`,
    `${content.team.name} · ${label}`,
    '',
    ...textRows,
    '',
    markdownText(snapshot.highlights, baseUrl),
    ...(content.quotes.length
      ? ['', 'What customers said:', ...content.quotes.map((q) => `“${q.pullQuote ?? q.text}” — ${q.cite}`)]
      : []),
    ...meetTheTeamText(content.meetTheTeam),
    ...outcomesEmailText(content.outcomes),
    ...editionAsksText(snapshot, baseUrl, (t) => markdownText(t, baseUrl)),
    '',
    `Read the full edition: ${link}`,
    '',
    '--',
    `To stop ${content.team.name}’s editions by email (one click, no sign-in): ${UNSUBSCRIBE_PLACEHOLDER}`,
  ].join('\n');
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
