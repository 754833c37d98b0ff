// The short announcement each destination gets: title, the sections' chat parts (lib/editions/
// sections.ts: headline numbers, a quote, wins, outcomes, tracked asks), what it leaves out, the link. Pure functions,
// so the payloads are tested without a network.
import { createHmac } from 'node:crypto';
import { formatMetric, metricChange, type EditionSnapshot, type KpiMetric, type Metric } from '../editions/content';
import { chatSummary, editionName, type ChatSummary } from '../editions/sections';

export type DestinationKindName = 'SLACK' | 'TEAMS' | 'WEBHOOK';

export type Announcement = {
  team: { name: string; slug: string };
  month: string;
  title: string;
  url: string;
  headlines: { label: string; value: string; change: string }[];
  quote: { text: string; cite: string } | null;
  test: boolean;
  /**
   * What each section contributes to a chat post, in the edition's order, and the headings of the
   * sections left out (lib/editions/sections.ts, `CHAT`). Absent on the test message without an edition.
   */
  summary?: ChatSummary;
};

/** Contacts and the first two KPIs (channels when there are fewer KPIs): what the edition leads with. */
export function announcementFor(snapshot: EditionSnapshot, url: string, test = false): Announcement {
  const { content } = snapshot;
  const picks: (Metric | KpiMetric)[] = [content.total, ...content.kpis, ...content.channels].slice(0, 3);
  const quote = content.quotes[0];
  // A year in review compares with the year before; it has no last month.
  const against = snapshot.year ? 'lastYear' : 'lastMonth';
  return {
    team: content.team,
    month: content.month,
    title: snapshot.title,
    url,
    headlines: picks.map((m) => ({
      label: m.label,
      value: formatMetric(m.value, 'unit' in m ? m.unit : undefined, 'decimals' in m ? m.decimals : 0),
      change: `${metricChange(m, against).text} vs ${against === 'lastYear' ? 'last year' : 'last month'}`,
    })),
    quote: quote ? { text: quote.pullQuote ?? quote.text, cite: quote.cite } : null,
    test,
    summary: chatSummary(snapshot),
  };
}

const heading = (a: Announcement) => `${a.test ? '[Test] ' : ''}${a.team.name} · ${editionName(a.month)}: ${a.title}`;

// Slack reads `text` and mrkdwn fields as markup: `<!channel>`, `<@U123>` and `<url|label>` are
// control sequences, so &, < and > are escaped as Slack's docs ask (a title "<!channel>" must not
// ping a whole channel). The header is plain_text, which Slack shows as typed and never parses.
export const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// A link's address may not carry the characters that end it.
const slackLinkUrl = (url: string) => url.replace(/[<>|]/g, (c) => encodeURIComponent(c));

/** "Also in the edition: …": what a chat post leaves out, so readers know to open the page. */
const leftOutLine = (a: Announcement) =>
  a.summary?.leftOut.length ? `Also in the edition: ${a.summary.leftOut.join(', ')}.` : null;

export function slackPayload(a: Announcement) {
  const numbers = a.headlines
    .map((h) => `*${slackEscape(h.label)}*: ${slackEscape(h.value)} (${slackEscape(h.change)})`)
    .join('\n');
  const also = leftOutLine(a);
  const mrkdwn = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
  return {
    text: slackEscape(heading(a)),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: heading(a).slice(0, 150) } },
      ...(a.summary
        ? a.summary.parts.map((p) =>
            mrkdwn(`*${slackEscape(p.title)}*\n${p.lines.map((l) => `• ${slackEscape(l)}`).join('\n')}`),
          )
        : [mrkdwn(numbers || 'No figures this month.')]),
      ...(also ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(also) }] }] : []),
      mrkdwn(`<${slackLinkUrl(a.url)}|Read the edition>`),
    ],
  };
}

// Teams renders an Adaptive Card's TextBlock and Fact text as a Markdown subset (bold, italic,
// lists, links) and decodes HTML entities; it renders no HTML. What people typed is shown as typed:
// entities for &, < and > (so no tag or `<at>` form appears), a backslash before the Markdown
// characters, and before a line start that would begin a list.
export const teamsEscape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\*_~`[\]]/g, '\\$&')
    .replace(/^(\s*)([-+]|\d+\.)(?=\s)/gm, '$1\\$2');

/** A Teams Workflows ("Post to a channel when a webhook request is received") Adaptive Card. */
export function teamsPayload(a: Announcement) {
  const also = leftOutLine(a);
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: teamsEscape(heading(a)), weight: 'Bolder', size: 'Medium', wrap: true },
            ...(a.summary
              ? a.summary.parts.flatMap((p) => [
                  { type: 'TextBlock', text: teamsEscape(p.title), weight: 'Bolder', wrap: true, spacing: 'Medium' },
                  { type: 'TextBlock', text: p.lines.map((l) => `- ${teamsEscape(l)}`).join('\n'), wrap: true },
                ])
              : [
                  {
                    type: 'FactSet',
                    facts: a.headlines.map((h) => ({
                      title: teamsEscape(h.label),
                      value: teamsEscape(`${h.value} (${h.change})`),
                    })),
                  },
                ]),
            ...(also ? [{ type: 'TextBlock', text: teamsEscape(also), wrap: true, isSubtle: true }] : []),
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Read the edition', url: a.url }],
        },
      },
    ],
  };
}

export function webhookPayload(a: Announcement) {
  return {
    event: a.test ? 'edition.test' : 'edition.published',
    team: a.team,
    month: a.month,
    title: a.title,
    url: a.url,
    headlines: a.headlines,
    quote: a.quote,
    sections: a.summary?.parts ?? [],
    leftOut: a.summary?.leftOut ?? [],
  };
}

export function payloadFor(kind: DestinationKindName, a: Announcement): object {
  return kind === 'SLACK' ? slackPayload(a) : kind === 'TEAMS' ? teamsPayload(a) : webhookPayload(a);
}

export const TIMESTAMP_HEADER = 'X-Service-Review-Timestamp';
export const SIGNATURE_HEADER = 'X-Service-Review-Signature';

/** "sha256=<hex>" of HMAC-SHA256 over `timestamp + "." + body`: the receiver recomputes it to trust the body. */
export function signBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
