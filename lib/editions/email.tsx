// The edition as an email, from React components with React Email: one component tree gives the
// HTML part, and the text part is made from that HTML (`toPlainText`), so the two cannot disagree.
// Each section kind has its email renderer here, typed against lib/editions/sections.ts (a kind
// without one does not compile); headings, words and numbers come from the same section data and
// helpers as the page. Built for mail clients: inline styles, tables for layout, one column that
// reads at 320 px, colours a dark mode can invert (with `color-scheme` and a dark style block for
// the clients that honour it), and numbers never broken from their unit.
import type { CSSProperties, ReactNode } from 'react';
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import { render, toPlainText } from '@react-email/render';
import { monthLabel } from '../dates/month';
import { rowChange, formatMetric, metricChange, type EditionSnapshot, type KpiMetric, type Metric } from './content';
import { chartTable, ALL_KEY } from '../charts/chart-spec';
import { formatValue as chartValue } from '../charts/geometry';
import { formatShare } from '../format';
import { outcomeSource } from '../outcomes/shape';
import { teamSinceText } from '../profiles/edition';
import { OUTCOME_LABELS } from './year-content';
import { markdownHtml } from './email-markdown';
import { ASK_STATUS_TEXT, lensChange, lensHeadline } from './department-lens';
import {
  editionDay as day,
  editionSections,
  type EditionLens,
  metricValue,
  targetText,
  YEAR_METHOD_TEXT,
  yearKpiValue,
  yearTotalLine,
  type EditionSection,
  type SectionKind,
  type SectionOf,
} from './sections';

/** Where each recipient's own unsubscribe link goes in a rendered email (see `forRecipient`). */
export const UNSUBSCRIBE_PLACEHOLDER = 'https://unsubscribe.invalid/__RECIPIENT__';

const INK = '#0f172a';
const MUTED = '#475569';
const LINE = '#e2e8f0';
const ACCENT = '#1d5fd1';
const TONE_COLOUR = { better: '#166534', worse: '#b91c1c', neutral: MUTED } as const;

const text: CSSProperties = { fontSize: '15px', lineHeight: '1.5', margin: '0 0 8px', color: INK };
const small: CSSProperties = { fontSize: '13px', lineHeight: '1.4', margin: 0, color: MUTED };
const card: CSSProperties = {
  margin: '10px 0',
  padding: '10px 14px',
  border: `1px solid ${LINE}`,
  borderRadius: '6px',
};
const cell: CSSProperties = { padding: '6px 8px', borderBottom: `1px solid ${LINE}`, fontSize: '14px' };

/** A number with its unit that no line break may split: non-breaking spaces and nowrap. */
function Num({ children }: { children: string }) {
  // lib/format.ts already joins a number to its unit with a non-breaking space; nowrap keeps the
  // whole figure on one line in clients that ignore it.
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}

/**
 * A table the text part lays out as columns (`data-text-format`, read by `renderEditionEmail`'s
 * text options); full width unless `compact`.
 */
function DataTable({ compact = false, children }: { compact?: boolean; children: ReactNode }) {
  return (
    <table
      role="presentation"
      data-text-format="dataTable"
      cellPadding={0}
      cellSpacing={0}
      style={{ ...(compact ? {} : { width: '100%' }), borderCollapse: 'collapse' }}
    >
      <tbody>{children}</tbody>
    </table>
  );
}

function Md({ markdown, baseUrl }: { markdown: string; baseUrl: string }) {
  return <div style={text} dangerouslySetInnerHTML={{ __html: markdownHtml(markdown, baseUrl) }} />;
}

function ChangeLine({ m, against, label }: { m: Metric; against: 'lastMonth' | 'lastYear'; label: string }) {
  const change = metricChange(m, against);
  return (
    <>
      {label} <span style={{ color: TONE_COLOUR[change.tone], whiteSpace: 'nowrap' }}>{change.text}</span>
    </>
  );
}

type Ctx = { baseUrl: string; link: string };
type Body<K extends SectionKind> = (props: { section: SectionOf<K>; ctx: Ctx }) => ReactNode;

const EMAIL: { [K in SectionKind]: Body<K> } = {
  numbers: ({ section: s }) => (
    <>
      <Text style={small}>{`Against ${s.against[0]} and ${s.against[1]}.`}</Text>
      <DataTable>
        {[s.total, ...s.channels, ...s.kpis].map((m: Metric | KpiMetric) => {
          const target = 'direction' in m ? targetText(m) : null;
          return (
            <tr key={m.key}>
              <th align="left" style={{ ...cell, fontWeight: 600 }}>
                {m.label}
                <br />
                <span style={{ ...small, fontWeight: 400 }}>
                  <ChangeLine m={m} against="lastMonth" label="vs last month" />
                  {' · '}
                  <ChangeLine m={m} against="lastYear" label="vs last year" />
                  {target ? (
                    <>
                      {' · '}
                      <Num>{target}</Num>
                    </>
                  ) : null}
                  {'source' in m && m.source ? (
                    <>
                      <br />
                      {`Source: ${m.source}`}
                    </>
                  ) : null}
                </span>
              </th>
              <td align="right" style={{ ...cell, fontSize: '18px', fontWeight: 700, verticalAlign: 'top' }}>
                <Num>{metricValue(m)}</Num>
              </td>
            </tr>
          );
        })}
      </DataTable>
      {s.note ? <Text style={small}>{`Note on the figures: ${s.note}`}</Text> : null}
      {s.breaks?.map((b) => (
        <Text key={b} style={small}>
          {b}
        </Text>
      ))}
      {s.sourceNote ? <Text style={small}>{s.sourceNote}</Text> : null}
    </>
  ),
  yearNumbers: ({ section: s }) => (
    <>
      <Text style={{ ...text, fontSize: '16px', fontWeight: 700 }}>{yearTotalLine(s)}</Text>
      {s.monthsWithFigures < 12 ? <Text style={small}>Figures for {s.monthsWithFigures} of 12 months.</Text> : null}
      {s.kpis.map((k) => (
        <Text key={k.key} style={text}>
          {k.label}: <Num>{yearKpiValue(k)}</Num> ({k.method === 'average' ? 'the year’s average' : 'at the year’s end'}
          ; target <Num>{formatMetric(k.target, k.unit, k.decimals)}</Num> met in {k.monthsMet} of {k.monthsWithValue}{' '}
          months)
        </Text>
      ))}
    </>
  ),
  story: ({ section: s, ctx }) => <Md markdown={s.markdown} baseUrl={ctx.baseUrl} />,
  quotes: ({ section: s }) => (
    <>
      {s.quotes.map((q) => (
        <blockquote
          key={q.id}
          style={{ margin: '12px 0', padding: '8px 14px', borderLeft: `4px solid ${ACCENT}`, color: INK }}
        >
          {q.pullQuote ?? q.text}
          <br />
          <span style={small}>{`— ${q.cite}`}</span>
        </blockquote>
      ))}
    </>
  ),
  shares: ({ section: s }) =>
    s.rows.length ? (
      <>
        <DataTable>
          {s.rows.map((r) => (
            <tr key={r.name}>
              <th align="left" style={{ ...cell, fontWeight: 600 }}>
                {r.name}
                <br />
                <span style={{ ...small, fontWeight: 400 }}>
                  vs last month <Num>{rowChange(r, 'lastMonth').text}</Num> · vs last year{' '}
                  <Num>{rowChange(r, 'lastYear').text}</Num>
                </span>
              </th>
              <td align="right" style={{ ...cell, verticalAlign: 'top' }}>
                <Num>{formatMetric(r.count)}</Num>
                <br />
                <span style={small}>
                  <Num>{formatShare(r.share)}</Num>
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
        {s.note ? <Text style={small}>{s.note}</Text> : null}
      </>
    ) : (
      <Text style={small}>No figures for this month.</Text>
    ),
  charts: ({ section: s, ctx }) => (
    <>
      {s.charts.map((chart) => {
        // A compact table of the chart's lead column (a month's edition: its latest months); the chart is on the page.
        const { rows } = chartTable(chart);
        const key = chart.id === 'contacts' ? ALL_KEY : (chart.series[0]?.key ?? '');
        const column = chart.id === 'contacts' ? chart.series.length + 1 : 1;
        const latest = s.rows === 'all' ? rows : rows.slice(-3);
        return (
          <div key={chart.id} style={card}>
            <Text style={{ ...text, fontWeight: 700, margin: 0 }}>{chart.title}</Text>
            <DataTable compact>
              {latest.map((r, i) => {
                const value = r[column];
                return (
                  <tr key={`${key}-${i}`}>
                    <td style={{ ...cell, borderBottom: 0, paddingLeft: 0 }}>{String(r[0] ?? '')}</td>
                    <td align="right" style={{ ...cell, borderBottom: 0 }}>
                      <Num>{chartValue(typeof value === 'number' ? value : null, chart)}</Num>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          </div>
        );
      })}
      {s.note ? <Text style={small}>{s.note}</Text> : null}
      <Text style={small}>
        <Link href={`${ctx.link}#${s.id}`} style={{ color: ACCENT }}>
          See the charts in the edition
        </Link>
      </Text>
    </>
  ),
  yearKpis: ({ section: { kpis, year } }) =>
    kpis.length ? (
      <>
        {kpis.map((k) => (
          <Text key={k.key} style={text}>
            <strong>{k.label}</strong>: <Num>{yearKpiValue(k)}</Num> ({YEAR_METHOD_TEXT[k.method].toLowerCase()})
            {k.target !== null ? (
              <>
                ; target <Num>{formatMetric(k.target, k.unit, k.decimals)}</Num>, met in {k.monthsMet} of{' '}
                {k.monthsWithValue} months
              </>
            ) : null}
            ; {Number(year) - 1}: <Num>{yearKpiValue(k, k.lastYear)}</Num>
          </Text>
        ))}
      </>
    ) : (
      <Text style={small}>No KPIs were measured in {year}.</Text>
    ),
  mostThanked: ({ section: s, ctx }) =>
    s.editions.length ? (
      <>
        {s.editions.map((e) => (
          <Text key={e.month} style={text}>
            <Link
              href={new URL(`/reviews/${encodeURIComponent(s.slug)}/${e.month}`, ctx.baseUrl).toString()}
              style={{ color: ACCENT }}
            >
              {monthLabel(e.month)}: {e.title}
            </Link>{' '}
            <span style={small}>
              ({e.thanks} thank-you{e.thanks === 1 ? '' : 's'})
            </span>
          </Text>
        ))}
      </>
    ) : (
      <Text style={small}>No monthly edition was thanked this year.</Text>
    ),
  wins: ({ section: s, ctx }) => (
    <>
      {s.wins.map((w) => (
        <div key={w.id} style={card}>
          <Text style={{ ...text, fontWeight: 700, margin: 0 }}>{w.title}</Text>
          <Text style={small}>{day(w.occurredOn)}</Text>
          <Md markdown={w.story} baseUrl={ctx.baseUrl} />
          {w.credited.length ? (
            <Text style={small}>{`Thanks to ${w.credited.map((c) => c.name).join(', ')}`}</Text>
          ) : null}
        </div>
      ))}
    </>
  ),
  meetTheTeam: ({ section: s, ctx }) => (
    <>
      {s.people.map((p) => (
        <div key={p.id} style={card}>
          <Text style={{ ...text, fontWeight: 700, margin: 0 }}>
            <Link href={new URL(`/people/${encodeURIComponent(p.id)}`, ctx.baseUrl).toString()} style={{ color: INK }}>
              {p.name}
            </Link>
          </Text>
          <Text style={small}>{`${p.title} · ${teamSinceText(p.teamSince)}`}</Text>
          <Text style={{ ...text, whiteSpace: 'pre-line' }}>{p.bio}</Text>
          {p.quotes.map((q) => (
            <blockquote key={q.id} style={{ margin: '8px 0', padding: '4px 12px', borderLeft: `3px solid ${ACCENT}` }}>
              {q.text}
              <br />
              <span style={small}>{`— ${q.cite}`}</span>
            </blockquote>
          ))}
          {p.wins.length ? <Text style={small}>{`Wins: ${p.wins.map((w) => w.title).join('; ')}`}</Text> : null}
        </div>
      ))}
    </>
  ),
  updates: ({ section: s, ctx }) => (
    <>
      {s.updates.map((u) => (
        <div key={u.id} style={card}>
          <Text style={{ ...text, fontWeight: 700, margin: 0 }}>{u.projectName}</Text>
          <Text style={small}>{`${day(u.postedOn)} · ${u.author}`}</Text>
          <Md markdown={u.body} baseUrl={ctx.baseUrl} />
        </div>
      ))}
    </>
  ),
  outcomes: ({ section: s }) => (
    <>
      <Text style={small}>What the organisation did since the last edition, thanks to you.</Text>
      <ul style={{ ...text, paddingLeft: '20px' }}>
        {s.outcomes.map((o) => {
          const source = outcomeSource(o);
          return (
            <li key={o.id} style={{ margin: '0 0 10px' }}>
              <strong>{o.kindLabel}:</strong> {o.text}
              <br />
              <span style={small}>{`${day(o.occurredOn)}${source ? ` · ${source}` : ''}`}</span>
            </li>
          );
        })}
      </ul>
    </>
  ),
  yearOutcomes: ({ section: s }) => (
    <ul style={{ ...text, paddingLeft: '20px' }}>
      {s.outcomes.map((o) => (
        <li key={o.id} style={{ margin: '0 0 8px' }}>
          <strong>{OUTCOME_LABELS[o.kind] ?? 'Outcome'}</strong> ({day(o.occurredOn)}): {o.text}
        </li>
      ))}
    </ul>
  ),
  people: ({ section: s }) => <Text style={text}>{s.people.map((p) => p.name).join(', ')}</Text>,
  followUps: ({ section: s, ctx }) => <Md markdown={s.markdown} baseUrl={ctx.baseUrl} />,
  asks: ({ section: s, ctx }) => (
    <>
      {s.markdown ? <Md markdown={s.markdown} baseUrl={ctx.baseUrl} /> : null}
      {s.tracked.map((ask) => (
        <div key={ask.id} style={card}>
          <Text style={{ ...small, color: ACCENT, fontSize: '12px', fontWeight: 700, textTransform: 'uppercase' }}>
            {`To ${ask.department}`}
          </Text>
          <Text style={{ ...text, fontWeight: 700, margin: 0 }}>{ask.title}</Text>
          {ask.details.trim() ? <Md markdown={ask.details} baseUrl={ctx.baseUrl} /> : null}
        </div>
      ))}
      {s.tracked.length ? (
        <Text style={text}>
          <Link href={asksUrl(ctx.baseUrl, s.slug)} style={{ color: ACCENT }}>
            Answer or follow these asks on the asks page
          </Link>
        </Text>
      ) : null}
    </>
  ),
  department: ({ section: { lens, quote, outcomes }, ctx }) => (
    <div style={{ ...card, borderLeft: `4px solid ${ACCENT}` }}>
      <Text style={{ ...text, fontSize: '16px', fontWeight: 700 }}>{lensHeadline(lens)}</Text>
      <Text style={small}>
        vs last month <Num>{lensChange(lens, 'lastMonth').text}</Num> · vs last year{' '}
        <Num>{lensChange(lens, 'lastYear').text}</Num>
      </Text>
      {lens.reasons.length ? (
        <DataTable>
          {lens.reasons.map((r) => (
            <tr key={r.name}>
              <th align="left" style={{ ...cell, fontWeight: 600 }}>
                {r.name}
              </th>
              <td align="right" style={cell}>
                <Num>{formatMetric(r.count)}</Num>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {quote ? (
        <blockquote style={{ margin: '12px 0', padding: '8px 14px', borderLeft: `4px solid ${ACCENT}`, color: INK }}>
          {quote.pullQuote ?? quote.text}
          <br />
          <span style={small}>{`— ${quote.cite}`}</span>
        </blockquote>
      ) : null}
      {lens.asks.length ? (
        <ul style={{ ...text, paddingLeft: '20px' }}>
          {lens.asks.map((a) => (
            <li key={a.id}>
              <strong>{`Ask: ${a.title}`}</strong>
              {` (${ASK_STATUS_TEXT[a.status]})`}
              {a.answer ? `: ${a.answer}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {outcomes.map((o) => (
        <Text key={o.id} style={text}>
          <strong>{`${o.kindLabel}:`}</strong> {o.text}
        </Text>
      ))}
      <Text style={text}>
        <Link href={departmentUrl(ctx.baseUrl, lens.departmentId)} style={{ color: ACCENT }}>
          {`${lens.department}’s last twelve months`}
        </Link>
      </Text>
    </div>
  ),
};

export function departmentUrl(baseUrl: string, departmentId: string): string {
  return new URL(`/departments/${encodeURIComponent(departmentId)}`, baseUrl).toString();
}

export function asksUrl(baseUrl: string, slug: string): string {
  return new URL(`/asks?team=${encodeURIComponent(slug)}`, baseUrl).toString();
}

/** One section under its heading: the page's heading, word for word. */
export function EmailSection({ section, ctx }: { section: EditionSection; ctx: Ctx }) {
  const Render = EMAIL[section.kind] as Body<typeof section.kind>;
  return (
    <Section data-section={section.kind}>
      <Heading as="h2" style={{ fontSize: '18px', margin: '24px 0 8px', color: INK }}>
        {section.title}
      </Heading>
      <Render section={section as never} ctx={ctx} />
    </Section>
  );
}

// Clients that honour `prefers-color-scheme` get dark colours; inline colours stay for the rest,
// chosen to survive the clients that invert them on their own.
const DARK = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .sr-body, .sr-card { background: #0b1220 !important; color: #e2e8f0 !important; }
  .sr-card h1, .sr-card h2, .sr-card p, .sr-card th, .sr-card td, .sr-card li, .sr-card div, .sr-card blockquote { color: #e2e8f0 !important; }
  .sr-card span { color: #cbd5e1 !important; }
  .sr-card a { color: #93c5fd !important; }
  .sr-card a.sr-button, .sr-card a.sr-button span { background: #93c5fd !important; color: #0b1220 !important; }
}
@media (max-width: 480px) { .sr-card { padding: 14px !important; } }
`;

export function EditionEmail({
  snapshot,
  link,
  subject,
  lens = {},
}: {
  snapshot: EditionSnapshot;
  link: string;
  subject: string;
  /** The recipient's department: its "For your department" section comes first. */
  lens?: EditionLens;
}) {
  const { content, year } = snapshot;
  const team = content.team.name;
  const ctx = { baseUrl: new URL(link).origin, link };
  return (
    <Html lang="en">
      <Head>
        <title>{subject}</title>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{DARK}</style>
      </Head>
      <Preview>{snapshot.title}</Preview>
      <Body className="sr-body" style={{ margin: 0, background: '#f8fafc', fontFamily: 'Arial,Helvetica,sans-serif' }}>
        <Container
          className="sr-card"
          style={{ maxWidth: '640px', padding: '24px', background: '#ffffff', color: INK }}
        >
          <Text style={small}>{`${team} · ${year ? `${year.year} year in review` : monthLabel(content.month)}`}</Text>
          <Heading as="h1" style={{ fontSize: '24px', margin: '4px 0 16px', color: INK }}>
            {snapshot.title}
          </Heading>
          {editionSections(snapshot, lens).map((section) => (
            <EmailSection key={section.id} section={section} ctx={ctx} />
          ))}
          <Section style={{ margin: '28px 0' }}>
            <Button
              className="sr-button"
              href={link}
              style={{
                background: ACCENT,
                color: '#ffffff',
                padding: '10px 18px',
                borderRadius: '6px',
                fontWeight: 700,
              }}
            >
              {year ? 'Read the year in review' : 'Read the full edition'}
            </Button>
          </Section>
          <Hr style={{ borderColor: LINE }} />
          <Text style={{ ...small, fontSize: '12px' }}>
            You get this because you work here or are on {team}’s distribution list. To stop {team}’s editions by email
            (one click, no sign-in):{' '}
            {/* The signed link is one long word: it breaks anywhere rather than widen a phone's screen. */}
            <Link href={UNSUBSCRIBE_PLACEHOLDER} style={{ color: MUTED, wordBreak: 'break-all' }}>
              {UNSUBSCRIBE_PLACEHOLDER}
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** HTML and text from the one tree. */
export async function renderEmailParts(node: ReactNode): Promise<{ html: string; text: string }> {
  const html = await render(node);
  const text = toPlainText(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { linkBrackets: ['(', ')'], hideLinkHrefIfSameAsText: true } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 } },
      { selector: 'ul', options: { itemPrefix: '- ' } },
      {
        selector: '[data-text-format="dataTable"]',
        format: 'dataTable',
        options: { uppercaseHeaderCells: false, maxColumnWidth: 200 },
      },
      { selector: 'th', options: { uppercase: false } },
    ],
  });
  return { html, text };
}
