// The edition as an HTML email (and its plain-text part). Built from the frozen snapshot, so the
// email says what the page says; customers appear only through the snapshot's `cite`, which the
// quotes module's attribution rule wrote. Markdown is rendered with raw HTML ignored and the
// result sanitized, and every other value is escaped.
import escapeHtml from 'escape-html';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { monthLabel } from '../figures/month';
import { formatMetric, metricChange, type EditionSnapshot, type Metric } from './content';

const markdown = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

function markdownHtml(text: string): string {
  return String(markdown.processSync(text));
}

function markdownText(text: string): string {
  // The plain part keeps the words; Markdown's markers are readable enough as they are.
  return text.replace(/\*\*(.+?)\*\*/g, '$1');
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

export function renderEditionEmail(snapshot: EditionSnapshot, link: string): { subject: string; html: string; text: string } {
  const { content } = snapshot;
  const label = monthLabel(content.month);
  const subject = `${snapshot.title} (${content.team.name}, ${label})`;
  const kpiTarget = (k: EditionSnapshot['content']['kpis'][number]) => (k.target === null ? '' : `${k.meetsTarget ? 'meets' : 'misses'} target ${formatMetric(k.target, k.unit, k.decimals)}`);
  const rows = [metricRow(content.total), ...content.channels.map((c) => metricRow(c)), ...content.kpis.map((k) => metricRow(k, k.unit, k.decimals, kpiTarget(k)))].join('');
  const quotes = content.quotes
    .map((q) => `<blockquote style="margin:12px 0;padding:8px 14px;border-left:4px solid #1d5fd1;color:#0f172a">${escapeHtml(q.pullQuote ?? q.text)}<br><span style="color:#475569;font-size:13px">— ${escapeHtml(q.cite)}</span></blockquote>`)
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
<div style="font-size:15px;line-height:1.5">${markdownHtml(snapshot.highlights)}</div>
${quotes ? `<h2 style="font-size:18px;margin:24px 0 8px">What customers said</h2>${quotes}` : ''}
${snapshot.asks.trim() ? `<h2 style="font-size:18px;margin:24px 0 8px">How you can help</h2><div style="font-size:15px;line-height:1.5">${markdownHtml(snapshot.asks)}</div>` : ''}
<p style="margin:28px 0"><a href="${escapeHtml(link)}" style="background:#1d5fd1;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:bold">Read the full edition</a></p>
<p style="color:#64748b;font-size:12px">You get this because you work here. To stop ${escapeHtml(content.team.name)}’s editions by email, open the edition and choose “Stop these emails”.</p>
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
    markdownText(snapshot.highlights),
    ...(content.quotes.length ? ['', 'What customers said:', ...content.quotes.map((q) => `“${q.pullQuote ?? q.text}” — ${q.cite}`)] : []),
    ...(snapshot.asks.trim() ? ['', 'How you can help:', markdownText(snapshot.asks)] : []),
    '',
    `Read the full edition: ${link}`,
  ].join('\n');
  return { subject, html, text };
}
