import { describe, expect, it } from 'vitest';
import { describeChange } from '../change';
import { suggestAskBlocks, suggestHighlightBlocks, type EditionContent, type Metric } from './content';
import { isOwnReason } from '../asks/own-reason';
import { channelMovesSentence, kpiClause } from './story';

const count = (value: number, base: number | null) => describeChange(value, base, { percent: false });

const content = (over: Partial<EditionContent> = {}): EditionContent => ({
  team: { name: 'Customer Care', slug: 'care' },
  month: '2026-11',
  total: { key: 'total', label: 'Contacts received', value: 1000, lastMonth: 1000, lastYear: 1000 },
  channels: [],
  kpis: [],
  reasons: [],
  segments: [],
  charts: [],
  quotes: [],
  wins: [],
  updates: [],
  note: null,
  ...over,
});
const channel = (label: string, value: number, lastMonth: number | null, lastYear: number | null): Metric => ({
  key: label,
  label,
  value,
  lastMonth,
  lastYear,
});
const story = (c: EditionContent) => Object.fromEntries(suggestHighlightBlocks(c, null).map((b) => [b.key, b.text]));

describe('the generated story’s sentences', () => {
  it('joins a mixed move of one channel with "but", on last month and last year', () => {
    // The sentence from the issue: "Chat rose 18.1 % against last month; and fell 62.0 % against last year".
    expect(
      channelMovesSentence({ label: 'Chat', change: count(1181, 1000) }, { label: 'Chat', change: count(380, 1000) }),
    ).toBe('Chat rose 18.1% on last month but fell 62.0% on last year.');
  });

  it('says the verb once when both go the same way', () => {
    expect(
      channelMovesSentence({ label: 'Chat', change: count(1200, 1000) }, { label: 'Chat', change: count(1500, 1000) }),
    ).toBe('Chat rose 20.0% on last month and 50.0% on last year.');
    expect(
      channelMovesSentence({ label: 'Phone', change: count(800, 1000) }, { label: 'Phone', change: count(500, 1000) }),
    ).toBe('Phone fell 20.0% on last month and 50.0% on last year.');
  });

  it('joins two channels with "and" or "while", and says one clause when a comparison is missing', () => {
    expect(
      channelMovesSentence({ label: 'Chat', change: count(1200, 1000) }, { label: 'Email', change: count(500, 1000) }),
    ).toBe('Chat rose 20.0% on last month, while Email fell 50.0% on last year.');
    expect(
      channelMovesSentence({ label: 'Chat', change: count(1200, 1000) }, { label: 'Email', change: count(1500, 1000) }),
    ).toBe('Chat rose 20.0% on last month, and Email rose 50.0% on last year.');
    expect(channelMovesSentence({ label: 'Chat', change: count(1200, 1000) }, null)).toBe(
      'Chat rose 20.0% on last month.',
    );
    expect(channelMovesSentence(null, { label: 'Chat', change: count(500, 1000) })).toBe(
      'Chat fell 50.0% on last year.',
    );
    expect(channelMovesSentence({ label: 'Chat', change: count(1200, null) }, null)).toBeNull();
    expect(channelMovesSentence(null, null)).toBeNull();
  });

  it('writes the total with up/down/level, never a bare "+8.3 %" or "rose 0.0 %"', () => {
    const at = (lastMonth: number | null, lastYear: number | null) =>
      story(content({ total: { key: 'total', label: 'Contacts', value: 1200, lastMonth, lastYear } })).total;
    expect(at(1000, 1500)).toBe(
      'In November 2026 the team received **1,200 contacts**, up 20.0% on October 2026 but down 20.0% on November 2025.',
    );
    expect(at(1000, 1000)).toBe(
      'In November 2026 the team received **1,200 contacts**, up 20.0% on October 2026 and 20.0% on November 2025.',
    );
    expect(at(1200, 1500)).toBe(
      'In November 2026 the team received **1,200 contacts**, level with October 2026 but down 20.0% on November 2025.',
    );
    expect(at(1200, 1200)).toBe(
      'In November 2026 the team received **1,200 contacts**, level with October 2026 and November 2025.',
    );
    expect(at(null, 1000)).toBe('In November 2026 the team received **1,200 contacts**, up 20.0% on November 2025.');
    expect(at(null, null)).toBe('In November 2026 the team received **1,200 contacts**.');
  });

  it('leaves channels that did not move out of the story, and writes one sentence for the mover', () => {
    const flat = story(content({ channels: [channel('Phone', 500, 500, 500)] }));
    expect(flat.channels).toBeUndefined();
    const mixed = story(content({ channels: [channel('Chat', 1181, 1000, 3108), channel('Phone', 500, 500, 500)] }));
    expect(mixed.channels).toBe('Chat rose 18.1% on last month but fell 62.0% on last year.');
    expect(mixed.channels).not.toMatch(/against|; and/);
  });

  it('says on or off target in the KPI line, in the KPI’s decimals', () => {
    expect(kpiClause('CSAT', '88.0%', { meets: false, target: 90, unit: '%', decimals: 1 })).toBe(
      'CSAT was 88.0%, off target (target 90.0%)',
    );
    expect(kpiClause('CSAT', '92.0%', { meets: true, target: 90, unit: '%', decimals: 1 })).toBe(
      'CSAT was 92.0%, on target (target 90.0%)',
    );
    expect(kpiClause('Backlog', '120', null)).toBe('Backlog was 120');
  });
});

describe('generated asks', () => {
  const reasons = [
    { name: 'Billing', count: 600, share: 60, lastMonth: 300, lastYear: null },
    { name: 'Delivery', count: 400, share: 40, lastMonth: 200, lastYear: null },
  ];

  it('never ask the team itself: Billing Support does not ask whoever owns billing', () => {
    const asks = suggestAskBlocks(content({ team: { name: 'Billing Support', slug: 'billing' }, reasons }));
    expect(asks.map((a) => a.key)).toEqual(['ask:Delivery']);
    expect(asks[0]!.text).toBe(
      '- **Delivery** caused 400 contacts (200 more than last month). If your team owns delivery, can we talk?',
    );
  });

  it('still ask about every growing reason of a team whose name says nothing about it', () => {
    const asks = suggestAskBlocks(content({ team: { name: 'Customer Care', slug: 'care' }, reasons }));
    expect(asks.map((a) => a.key)).toEqual(['ask:Billing', 'ask:Delivery']);
  });

  it('match the team’s subject by word, setting aside what every service team is called', () => {
    expect(isOwnReason('Billing Support', 'Billing')).toBe(true);
    expect(isOwnReason('Billing team', 'Billing questions')).toBe(true);
    expect(isOwnReason('Payments Desk', 'Payment failed')).toBe(true);
    expect(isOwnReason('Billing Support', 'Payment failed')).toBe(false);
    expect(isOwnReason('Customer Support', 'Support quality')).toBe(false);
    expect(isOwnReason('Customer Care', 'Billing')).toBe(false);
  });
});
