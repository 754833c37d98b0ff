import { describe, expect, it } from 'vitest';
import { NOT_COMPARABLE, describeChange } from '../change';
import { chartGeometry } from '../charts/geometry';
import { buildContent, metricChange, rowChange, suggestHighlights } from '../editions/content';
import { chartTable } from '../charts/chart-spec';
import { breakRule, COUNTS_PART } from './breaks';
import type { Catalog, MonthRecord } from './figures';
import { sourceNote } from './source-note';

// A team on Freshdesk until August 2026, on Salesforce from September 2026; CSAT and first response
// time are not in the Salesforce file, so they stay from Freshdesk (no break of their own).
const months = [
  '2025-11',
  '2025-12',
  ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
];
const systemOf = (m: string) => (m >= '2026-09' ? 'Salesforce Service Cloud' : 'Freshdesk');
const sources = months.flatMap((month) => [
  { month, part: COUNTS_PART, system: systemOf(month) },
  { month, part: 'csat', system: 'Freshdesk' },
]);

describe('the break rule', () => {
  it('a month-on-month or year-on-year change spanning a switch of source is not comparable', () => {
    const rule = breakRule({ sources, declared: [], comparable: [] });
    expect(rule.breaks.map((b) => [b.month, b.parts, b.from, b.to])).toEqual([
      ['2026-09', [COUNTS_PART], 'Freshdesk', 'Salesforce Service Cloud'],
    ]);
    expect(rule.comparable('2026-08', '2026-09', COUNTS_PART)).toBe(false);
    expect(rule.comparable('2025-11', '2026-11', COUNTS_PART)).toBe(false);
    expect(rule.comparable('2026-11', '2025-11', COUNTS_PART)).toBe(false);
    // Same source on both sides: comparable.
    expect(rule.comparable('2026-10', '2026-11', COUNTS_PART)).toBe(true);
    expect(rule.comparable('2026-07', '2026-08', COUNTS_PART)).toBe(true);
    // A KPI kept from the old source did not change source.
    expect(rule.comparable('2025-11', '2026-11', 'csat')).toBe(true);
    expect(rule.breaks[0]!.sentence).toBe(
      'Source changed in September 2026 (Freshdesk → Salesforce Service Cloud): changes across it are not comparable.',
    );
  });

  it('hand entry names no help desk, so it neither makes a break nor hides one', () => {
    const rule = breakRule({
      sources: [
        { month: '2026-07', part: COUNTS_PART, system: 'Freshdesk' },
        { month: '2026-08', part: COUNTS_PART, system: null },
        { month: '2026-09', part: COUNTS_PART, system: 'Zendesk' },
        { month: '2026-10', part: COUNTS_PART, system: null },
      ],
      declared: [],
      comparable: [],
    });
    expect(rule.breaks.map((b) => b.month)).toEqual(['2026-09']);
    expect(rule.comparable('2026-09', '2026-10', COUNTS_PART)).toBe(true);
  });

  it('a declared break covers every part; a part the leader declared comparable ignores it', () => {
    const rule = breakRule({
      sources: [],
      declared: [{ month: '2026-09', reason: 'We moved from Freshdesk to Salesforce.' }],
      comparable: [{ month: '2026-09', part: 'csat' }],
    });
    expect(rule.comparable('2026-08', '2026-09', COUNTS_PART)).toBe(false);
    expect(rule.comparable('2026-08', '2026-09', 'frt')).toBe(false);
    expect(rule.comparable('2026-08', '2026-09', 'csat')).toBe(true);
    expect(rule.breaksFor('csat')).toEqual([]);
    expect(rule.breaks[0]!.sentence).toBe(
      'Source changed in September 2026 (We moved from Freshdesk to Salesforce): changes across it are not comparable.',
    );
  });

  it('the change rule states no change when told the months are not comparable', () => {
    expect(describeChange(1200, 2000, { percent: false }).text).toBe('−40.0%');
    const c = describeChange(1200, 2000, { percent: false, comparable: false });
    expect(c).toEqual({ text: NOT_COMPARABLE, amount: null, unit: '%', trend: null, tone: 'neutral' });
  });
});

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
      target: null,
      decimals: 1,
    },
  ],
};
// The old desk counted twice as many contacts and only "Billing"; the new one only "Refunds".
const records: MonthRecord[] = months.map((month) => {
  const after = month >= '2026-09';
  return {
    month,
    version: 1,
    updatedAt: null,
    updatedBy: null,
    state: {
      volumes: { phone: { received: after ? 1000 : 2000, handled: 900 } },
      reasons: (after ? { refunds: 400 } : { billing: 800 }) as Record<string, number>,
      segments: {},
      kpis: { csat: 90 },
      note: null,
    },
  };
});

describe('an edition across a change of source', () => {
  const rule = breakRule({ sources, declared: [], comparable: [] });
  const build = (month: string) =>
    buildContent({ team: { name: 'T', slug: 't' }, month, catalog, records, quotes: [], wins: [], updates: [], rule });

  it('September: contacts and channels not comparable with August or last September; CSAT comparable', () => {
    const content = build('2026-09');
    expect(metricChange(content.total, 'lastMonth').text).toBe(NOT_COMPARABLE);
    expect(metricChange(content.total, 'lastYear').text).toBe(NOT_COMPARABLE);
    expect(metricChange(content.channels[0]!, 'lastMonth').text).toBe(NOT_COMPARABLE);
    expect(rowChange(content.reasons[0]!, 'lastYear').text).toBe(NOT_COMPARABLE);
    expect(metricChange(content.kpis[0]!, 'lastMonth').text).toBe('no change');
    // Without the rule (the old code) the collapse was stated as fact.
    const before = buildContent({
      team: { name: 'T', slug: 't' },
      month: '2026-09',
      catalog,
      records,
      quotes: [],
      wins: [],
      updates: [],
    });
    expect(metricChange(before.total, 'lastMonth').text).toBe('−50.0%');
  });

  it('November: month on month comparable, year on year not; the story states no change across the break', () => {
    const content = build('2026-11');
    expect(metricChange(content.total, 'lastMonth').text).toBe('no change');
    expect(metricChange(content.total, 'lastYear').text).toBe(NOT_COMPARABLE);
    const story = suggestHighlights(content, null);
    expect(story).not.toMatch(/on November 2025/);
    expect(story).not.toMatch(/50\.0 %/);
    expect(story).toContain('not compared with November 2025');
    const september = suggestHighlights(build('2026-09'), null);
    expect(september).not.toMatch(/ %/);
    expect(september).not.toMatch(/rose|fell|moved most/);
  });

  it('charts mark the break, split their lines and areas there, and their tables state no change across it', () => {
    const content = build('2026-11');
    const contacts = content.charts.find((c) => c.id === 'contacts')!;
    expect(contacts.breaks).toEqual([{ month: '2026-09', sentence: expect.stringContaining('September 2026') }]);
    const table = chartTable(contacts);
    const sept = table.rows.find((r) => r[0] === '2026-09')!;
    expect(sept.at(-1)).toBe(NOT_COMPARABLE);
    expect(table.rows.find((r) => r[0] === '2026-10')!.at(-1)).toBe('no change');
    const reasons = content.charts.find((c) => c.id === 'reasons')!;
    const g = chartGeometry(reasons);
    expect(g.breakMarkers).toHaveLength(1);
    // Each reason's area is drawn in two pieces (one per side) instead of sloping across the break:
    // "Refunds" starts at the break, so nothing of it is drawn before September.
    const refunds = g.paths[reasons.series.findIndex((s) => s.key === 'Refunds')]!;
    expect(refunds.d.match(/M/g)?.length).toBe(2);
    const csat = content.charts.find((c) => c.id.startsWith('kpi-csat'))!;
    expect(csat.breaks).toBeUndefined();
    const sept2 = chartGeometry(contacts).columns.find((c) => c.lines[0] === '2026-09')!;
    expect(sept2.lines.join(' ')).toContain(NOT_COMPARABLE);
    expect(sept2.lines.join(' ')).toContain('Source changed in September 2026');
  });
});

describe('the source note', () => {
  it('names the latest run of months with how and when, then the earlier sources', () => {
    const at = new Date('2026-12-06T10:00:00Z');
    const old = new Date('2026-08-03T10:00:00Z');
    expect(
      sourceNote([
        { month: '2026-07', kind: 'IMPORT', label: 'Freshdesk', at: old },
        { month: '2026-08', kind: 'IMPORT', label: 'Freshdesk', at: old },
        { month: '2026-09', kind: 'IMPORT', label: 'Salesforce Service Cloud', at },
        { month: '2026-10', kind: 'IMPORT', label: 'Salesforce Service Cloud', at },
        { month: '2026-11', kind: 'IMPORT', label: 'Salesforce Service Cloud', at },
      ]),
    ).toBe('Sep–Nov 2026: Salesforce Service Cloud export imported 6 Dec 2026; earlier: Freshdesk.');
    expect(sourceNote([])).toBeNull();
  });
});
