// One month of figures, every face that shows it: the edition page (print is the page), the email,
// the chat post, the dashboard tile, the TV tile, the trend tooltip and the CSV. Each must spell
// the CSAT value, its change, its target status and the contacts' change exactly as lib/format.ts
// does — and none may carry another spelling of the same thing ("91.5 %", "Meets target 90%").
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EditionView } from '@/components/reviews/edition-view';
import { HeadlineTile } from '@/components/dashboard/headline-tile';
import { Tile as TvTile } from '@/components/tv/tv-rotator';
import type { Catalog, MonthRecord } from '../figures/figures';
import type { MonthState } from '../figures/state';
import { buildContent, type EditionSnapshot } from './content';
import { renderEditionEmail } from './email-render';
import { announcementFor } from '../deliveries/messages';
import { headlinesFor } from '../dashboard/headlines';
import { buildCharts } from '../trends/charts';
import { chartTable } from '../charts/chart-spec';
import { chartGeometry } from '../charts/geometry';
import { toSafeCsv } from '../csv';
import { formatChange, formatCount, formatShare, formatTargetLine, formatWithUnit } from '../format';

const item = (id: string, name: string) => ({ id, name, nameKey: name.toLowerCase(), archivedAt: null });
const catalog: Catalog = {
  channels: [item('phone', 'Phone')],
  reasons: [item('billing', 'Billing'), item('delivery', 'Delivery')],
  segments: [],
  kpis: [{ ...item('csat', 'CSAT'), unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', target: 90, decimals: 1 }],
};
const state = (phone: number, csat: number, billing: number): MonthState => ({
  volumes: { phone: { received: phone, handled: phone } },
  reasons: { billing, delivery: phone - billing },
  segments: {},
  kpis: { csat },
  note: null,
});
const record = (month: string, s: MonthState): MonthRecord => ({
  month,
  version: 1,
  state: s,
  updatedAt: null,
  updatedBy: null,
});
const records = [
  record('2024-11', state(1000, 90, 100)),
  record('2025-10', state(1000, 87.5, 100)),
  record('2025-11', state(1120, 91.5, 168)),
];

// The spellings, from the module itself.
const CSAT = formatWithUnit(91.5, '%', 1); // 91.5%
const CSAT_CHANGE = formatChange(4, 'pts'); // +4.0 pts, non-breaking
const TARGET = formatTargetLine(true, 90, '%', 1); // On target · target 90.0%
const CONTACTS = formatCount(1120); // 1,120
const CONTACTS_CHANGE = formatChange(12, '%'); // +12.0%
const BILLING_SHARE = formatShare(15); // 15.0%
const WRONG = [
  /\d %/,
  /\d pts/,
  /Meets target|Misses target|missing its target/i,
  /[Tt]arget:? 90%/,
  /target of 90%/,
  /version \d/i,
];

const snapshot: EditionSnapshot = {
  title: 'November',
  highlights: '',
  asks: '',
  content: buildContent({
    team: { name: 'Care', slug: 'care' },
    month: '2025-11',
    catalog,
    records,
    quotes: [],
    wins: [],
    updates: [],
  }),
};

/** Markup as a reader reads it: tags gone, the few entities a renderer writes turned back. */
const textOf = (html: string) =>
  html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|&#160;|&#xA0;/gi, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"');

function expectOneSpelling(face: string, text: string, spellings: string[]) {
  for (const s of spellings) expect(text, `${face} shows ${JSON.stringify(s)}`).toContain(s);
  for (const w of WRONG) expect(text, `${face} has no ${w}`).not.toMatch(w);
}

describe('one value, one spelling, on every face', () => {
  const headlines = headlinesFor(catalog, records, '2025-11')!.headlines;
  const csat = headlines.find((h) => h.label === 'CSAT')!;
  const contacts = headlines.find((h) => h.label === 'Contacts')!;

  it('the edition page and its print', () => {
    const text = textOf(renderToStaticMarkup(createElement(EditionView, { snapshot, zone: 'Europe/London' })));
    expectOneSpelling('page', text, [CSAT, CSAT_CHANGE, TARGET, CONTACTS, CONTACTS_CHANGE, BILLING_SHARE]);
  });

  it('the email, HTML and text', async () => {
    const email = await renderEditionEmail(snapshot, 'https://reviews.example.test/reviews/care/2025-11');
    const spellings = [CSAT, CSAT_CHANGE, TARGET, CONTACTS, CONTACTS_CHANGE, BILLING_SHARE];
    expectOneSpelling('email HTML', textOf(email.html), spellings);
    expectOneSpelling('email text', email.text, spellings);
  });

  it('the chat post', () => {
    const post = announcementFor(snapshot, 'https://reviews.example.test/reviews/care/2025-11');
    const text = post.headlines.map((h) => `${h.label} ${h.value} ${h.change}`).join('\n');
    expectOneSpelling('chat', text, [CSAT, CSAT_CHANGE, CONTACTS, CONTACTS_CHANGE]);
  });

  it('the dashboard and the TV', () => {
    for (const [face, render] of [
      ['dashboard', (h: typeof csat) => createElement(HeadlineTile, { headline: h })],
      ['TV', (h: typeof csat) => createElement(TvTile, { h })],
    ] as const) {
      expectOneSpelling(face, textOf(renderToStaticMarkup(render(csat))), [CSAT, CSAT_CHANGE, TARGET]);
      expectOneSpelling(face, textOf(renderToStaticMarkup(render(contacts))), [CONTACTS, CONTACTS_CHANGE]);
    }
  });

  it('the trend tooltip, its table and the CSV', () => {
    const charts = buildCharts(catalog, records, '2024-11', '2025-11', [], []);
    const kpi = charts.find((c) => c.title === 'CSAT')!;
    const tooltip = chartGeometry(kpi).columns.at(-1)!.lines.join('\n');
    expectOneSpelling('tooltip', tooltip, [CSAT, CSAT_CHANGE, 'Target: 90.0%']);
    const table = chartTable(kpi);
    expect(table.header).toContain('CSAT (%)');
    expect(table.rows.at(-1)).toContain(CSAT_CHANGE);
    const csv = toSafeCsv([table.header, ...table.rows]);
    // The change stays as readers see it, not turned into text with a leading "'".
    expect(csv).toContain(`,${CSAT_CHANGE}`);
    const contactsCsv = chartTable(charts.find((c) => c.id === 'contacts')!);
    expect(contactsCsv.rows.at(-1)).toContain(CONTACTS_CHANGE);
  });
});
