// One edition across a change of help desk, held on every face at once: the page (and so print),
// both email parts, Slack, Teams and the webhook, the dashboard card and the TV. Each must say
// "not comparable — source changed" where a comparison spans the change, say which change and where
// the figures came from, and never state the old desk's collapse as a change.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EditionView } from '@/components/reviews/edition-view';
import { HeadlineTile, Sparkline } from '@/components/dashboard/headline-tile';
import { Tile } from '@/components/tv/tv-rotator';
import { NOT_COMPARABLE } from '../change';
import { breakRule, COUNTS_PART } from '../figures/breaks';
import { sourceNote } from '../figures/source-note';
import type { Catalog, MonthRecord } from '../figures/figures';
import { headlinesFor } from '../dashboard/headlines';
import { announcementFor, slackPayload, teamsPayload, webhookPayload } from '../deliveries/messages';
import { buildContent, suggestHighlights, type EditionSnapshot } from './content';
import { renderEditionEmail } from './email-render';
import { editionSections } from './sections';

// Freshdesk until August 2026 (2,000 phone contacts a month, all "Billing"), Salesforce from
// September (1,000 a month, all "Refunds"): the drop is the desks' counting, not the customers'.
const months = Array.from({ length: 13 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 8 + i, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
});
const after = (m: string) => m >= '2026-09';
const desk = (m: string) => (after(m) ? 'Salesforce Service Cloud' : 'Freshdesk');
const catalog: Catalog = {
  channels: [{ id: 'phone', name: 'Phone', nameKey: 'phone', archivedAt: null }],
  reasons: [
    { id: 'billing', name: 'Billing', nameKey: 'billing', archivedAt: null },
    { id: 'refunds', name: 'Refunds', nameKey: 'refunds', archivedAt: null },
  ],
  segments: [],
  kpis: [
    {
      id: 'csat',
      name: 'CSAT',
      nameKey: 'csat',
      archivedAt: null,
      unit: 'PERCENT',
      direction: 'HIGHER_IS_BETTER',
      target: 90,
      decimals: 1,
    },
  ],
};
const records: MonthRecord[] = months.map((month) => ({
  month,
  version: 1,
  updatedAt: null,
  updatedBy: null,
  state: {
    volumes: { phone: { received: after(month) ? 1000 : 2000, handled: 900 } },
    reasons: (after(month) ? { refunds: 400 } : { billing: 800 }) as Record<string, number>,
    segments: {},
    // The Salesforce file has no CSAT column: the leader kept Freshdesk's.
    kpis: { csat: 91 },
    note: null,
  },
}));
const rule = breakRule({
  sources: months.flatMap((month) => [
    { month, part: COUNTS_PART, system: desk(month) },
    { month, part: 'csat', system: 'Freshdesk' },
  ]),
  declared: [],
  comparable: [],
});
const importedOn = new Date('2026-10-06T09:00:00Z');
const note = sourceNote(
  months.map((month) => ({
    month,
    kind: 'IMPORT',
    label: desk(month),
    at: after(month) ? importedOn : new Date('2026-08-04T09:00:00Z'),
  })),
)!;
const SENTENCE =
  'Source changed in September 2026 (Freshdesk → Salesforce Service Cloud): changes across it are not comparable.';
const KEPT = 'Freshdesk export imported 4 Aug 2026';
const NOTE = 'Source: Sep 2026: Salesforce Service Cloud export imported 6 Oct 2026; earlier: Freshdesk.';

const content = buildContent({
  team: { name: 'Billing Support', slug: 'billing' },
  month: '2026-09',
  catalog,
  records,
  quotes: [],
  wins: [],
  updates: [],
  rule,
  sourceNote: note,
  kpiSources: { csat: KEPT },
});
const snapshot: EditionSnapshot = {
  title: 'September',
  highlights: suggestHighlights(content, null),
  asks: '',
  content,
};
const link = 'https://review.example.com/reviews/billing/2026-09';
/** Text of rendered HTML, tags dropped and spaces of every kind as one. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&gt;/g, '>')
    .replace(/[\s\u00a0]+/g, ' ');
// Any statement of the 50 % drop, however spelled (−50.0%, -50 %, 50.0 % fewer).
const DROP = /[−-]\s?50(\.0)?\s?%|50(\.0)?\s?% (fewer|lower|down)/;

describe('an edition across a change of source, on every face', () => {
  it('the note and the break are in the section model the faces render from', () => {
    expect(note).toBe(NOTE.replace('Source: ', ''));
    const sections = editionSections(snapshot);
    const numbers = sections.find((s) => s.kind === 'numbers')!;
    expect(numbers).toMatchObject({ sourceNote: NOTE, breaks: [SENTENCE] });
    for (const id of ['reasons', 'charts']) expect(sections.find((s) => s.id === id)).toMatchObject({ note: NOTE });
  });

  it('the page (and print) says not comparable, the break and the source; states no drop', () => {
    const page = words(renderToStaticMarkup(createElement(EditionView, { snapshot, zone: 'Europe/London' })));
    expect(page).toContain(`vs last month ${NOT_COMPARABLE}`);
    expect(page).toContain(`vs last year ${NOT_COMPARABLE}`);
    expect(page).toContain(SENTENCE);
    // Under the numbers, the reasons table and the charts.
    expect(page.split(NOTE).length - 1).toBe(3);
    expect(page).toContain('not compared with August 2026 or September 2025');
    // CSAT, kept from the old desk, says so on its tile, and its change holds (no break of its own).
    expect(page).toContain(`Source: ${KEPT}`);
    expect(page).toContain('vs last month no change');
    expect(page).not.toMatch(DROP);
  });

  it('both email parts say the same', async () => {
    const email = await renderEditionEmail(snapshot, link);
    for (const part of [words(email.html), email.text.replace(/[\s\u00a0]+/g, ' ')]) {
      expect(part).toContain(`vs last month ${NOT_COMPARABLE}`);
      expect(part).toContain(SENTENCE);
      expect(part).toContain(NOTE);
      expect(part).toContain(`Source: ${KEPT}`);
      expect(part).not.toMatch(DROP);
    }
  });

  it('Slack, Teams and the webhook say not comparable, which change, and where from', () => {
    const a = announcementFor(snapshot, link);
    for (const post of [slackPayload(a), teamsPayload(a), webhookPayload(a)]) {
      const body = JSON.stringify(post)
        .replace(/&gt;/g, '>')
        .replace(/\\u003e/g, '>');
      expect(body).toContain(`Contacts received: 1,000 (${NOT_COMPARABLE} vs last month)`);
      expect(body).toContain(SENTENCE);
      expect(body).toContain(NOTE);
      expect(body).toContain(`CSAT: 91.0% (no change vs last month), source: ${KEPT}`);
      expect(body).not.toMatch(DROP);
    }
  });

  it('the dashboard card and the TV: no change across it, the line broken with a marker and the sentence', () => {
    const card = headlinesFor(catalog, records, '2026-09', rule, { csat: KEPT })!;
    const csat = card.headlines.find((h) => h.key === 'kpi-csat')!;
    expect(words(renderToStaticMarkup(createElement(HeadlineTile, { headline: csat })))).toContain(`Source: ${KEPT}`);
    expect(words(renderToStaticMarkup(createElement(Tile, { h: csat })))).toContain(`Source: ${KEPT}`);
    const contacts = card.headlines.find((h) => h.key === 'contacts')!;
    const tile = words(renderToStaticMarkup(createElement(HeadlineTile, { headline: contacts })));
    expect(tile).toContain(`last month: ${NOT_COMPARABLE}`);
    expect(tile).toContain(`last year: ${NOT_COMPARABLE}`);
    expect(tile).not.toMatch(DROP);
    const tv = words(renderToStaticMarkup(createElement(Tile, { h: contacts })));
    expect(tv).toContain(`Last month: ${NOT_COMPARABLE}`);
    expect(tv).not.toMatch(/▼|on last month/);

    const spark = renderToStaticMarkup(createElement(Sparkline, { points: card.spark, label: 'Contacts' }));
    expect(spark.match(/data-source-break/g)).toHaveLength(1);
    // Two runs of line, one per desk: never a segment from August down to September.
    const d = /<path d="([^"]+)"/.exec(spark)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
    // September, alone on the new desk's side, is a dot rather than nothing.
    expect(d.trimEnd()).toMatch(/M100\.0,[\d.]+ l0\.01,0$/);
    expect(words(spark)).toContain(SENTENCE);
    // The month after the break, and nothing for a month inside one source.
    expect(card.spark.filter((p) => p.sourceChanged).map((p) => p.month)).toEqual(['2026-09']);
  });
});
