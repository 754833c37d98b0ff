// Parity is a test, not a habit: an edition holding every section kind renders each section in
// every face it declares: the page (print is the page with print styles), the email's HTML and
// text, and Slack, Teams and webhook posts, which either carry the section's lines or name it
// among what they leave out. A kind added to one face only fails to compile (the renderers are
// records over `SectionKind`) or fails here (a renderer that shows nothing).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EditionView } from '@/components/reviews/edition-view';
import type { EditionSnapshot } from './content';
import { renderEditionEmail } from './email-render';
import { announcementFor, slackPayload, teamsPayload, webhookPayload } from '../deliveries/messages';
import type { ChartSpec } from '../charts/chart-spec';
import { CHAT, editionSections, type SectionKind } from './sections';

const team = { name: 'Care', slug: 'care' };
const metric = { key: 'total', label: 'Contacts received', value: 1234, lastMonth: 1000, lastYear: 1500 };
const kpi = {
  key: 'aht',
  label: 'Handle time',
  value: 4.5,
  lastMonth: 5,
  lastYear: 6,
  unit: 'min',
  percent: false,
  decimals: 1,
  target: 5,
  direction: 'LOWER_IS_BETTER' as const,
  meetsTarget: true,
};
const chart: ChartSpec = {
  id: 'contacts',
  title: 'Contacts by channel',
  description: 'Contacts received each month, by channel.',
  kind: 'stacked-bar',
  xKey: 'month',
  xLabel: 'Month',
  series: [{ key: 'phone', label: 'Phone' }],
  rows: [
    { month: '2025-02', phone: 900, total: 900 },
    { month: '2025-03', phone: 1234, total: 1234 },
  ],
  unit: 'contacts',
};
const quote = {
  id: 'q1',
  text: 'Quotemarker sorted in one call.',
  pullQuote: null,
  cite: 'A customer',
  channel: 'PHONE',
  receivedOn: '2025-03-04',
  credited: [{ id: 'u1', name: 'Ada' }],
};
const win = {
  id: 'w1',
  title: 'Winmarker backlog cleared',
  story: 'We cleared it.',
  occurredOn: '2025-03-10',
  credited: [],
};
const person = {
  id: 'p1',
  name: 'Teammarker Amira',
  title: 'Billing specialist',
  bio: 'I untangle invoices.',
  teamSince: '2021-04',
  quotes: [],
  wins: [],
};
const common = {
  followUps: 'Followmarker: billing answered.',
  trackedAsks: [{ id: 'a1', title: 'Askmarker warn us early', department: 'Finance', details: 'Two weeks.' }],
  asks: 'Tell us early.',
};

const month: EditionSnapshot = {
  title: 'Care: March 2025',
  highlights: 'Storymarker calls **rose**.',
  ...common,
  content: {
    team,
    month: '2025-03',
    total: metric,
    channels: [{ key: 'phone', label: 'Phone', value: 1234, lastMonth: 900, lastYear: null }],
    kpis: [kpi],
    reasons: [{ name: 'Sharemarker billing', count: 600, share: 48.6, lastMonth: 500, lastYear: null }],
    segments: [],
    charts: [chart],
    quotes: [quote],
    wins: [win],
    updates: [
      {
        id: 'u1',
        projectId: 'p',
        projectName: 'Updatemarker new IVR',
        body: 'Live.',
        postedOn: '2025-03-12',
        author: 'Bo',
      },
    ],
    note: null,
    outcomes: [
      {
        id: 'o1',
        kind: 'PROCESS_CHANGED',
        kindLabel: 'Process changed',
        text: 'Outcomemarker refunds in a day.',
        occurredOn: '2025-03-20',
        ask: null,
        fromEdition: null,
      },
    ],
    meetTheTeam: [person],
  },
  departments: [
    {
      departmentId: 'd1',
      department: 'Deptmarker Finance',
      contacts: 600,
      lastMonth: 500,
      lastYear: null,
      reasons: [{ name: 'Sharemarker billing', count: 600 }],
      quoteId: 'q1',
      asks: [{ id: 'a1', title: 'Askmarker warn us early', status: 'OPEN', answer: null }],
      outcomeIds: ['o1'],
    },
  ],
};
/** A reader in the fixture's department: their edition opens with "For your department". */
const lens = { departmentId: 'd1' };

const year: EditionSnapshot = {
  title: 'Care: 2025 in review',
  highlights: 'Storymarker of the year.',
  ...common,
  content: { ...month.content, month: '2025', charts: [], updates: [], outcomes: undefined },
  year: {
    year: '2025',
    months: [{ month: '2025-01', contacts: 1000 }],
    total: 14000,
    lastYearTotal: 13000,
    lastYearMonths: 12,
    charts: [chart],
    kpis: [
      {
        key: 'aht',
        label: 'Yearkpimarker handle time',
        unit: 'min',
        percent: false,
        decimals: 1,
        target: 5,
        direction: 'LOWER_IS_BETTER',
        method: 'average',
        value: 4.6,
        lastYear: 5.2,
        monthsWithValue: 12,
        monthsMet: 10,
        meetsTarget: true,
      },
    ],
    mostThanked: [{ month: '2025-03', title: 'Thankedmarker March', thanks: 4 }],
    outcomes: [{ id: 'yo1', kind: 'PROJECT_FUNDED', occurredOn: '2025-06-01', text: 'Yearoutcomemarker funded' }],
    people: [{ id: 'u1', name: 'Peoplemarker Ada' }],
  },
};

/** Words each kind's section must show on every face: typed over every kind, so a new kind needs one. */
const MARKER: { [K in SectionKind]: string } = {
  numbers: 'Contacts received',
  yearNumbers: '14,000',
  story: 'Storymarker',
  quotes: 'Quotemarker',
  shares: 'Sharemarker',
  charts: 'Contacts by channel',
  yearKpis: 'Yearkpimarker',
  mostThanked: 'Thankedmarker',
  wins: 'Winmarker',
  meetTheTeam: 'Teammarker',
  updates: 'Updatemarker',
  outcomes: 'Outcomemarker',
  yearOutcomes: 'Yearoutcomemarker',
  people: 'Peoplemarker',
  followUps: 'Followmarker',
  asks: 'Askmarker',
  department: 'Deptmarker',
};

const link = 'https://review.example.com/reviews/care/2025-03';
const page = (snapshot: EditionSnapshot) =>
  renderToStaticMarkup(createElement(EditionView, { snapshot, zone: 'Europe/London', lens }));
/** The text of a section of rendered HTML: from its `data-section` mark to the next one. */
const between = (html: string, kind: string, title: string) => {
  const start = html.indexOf(`data-section="${kind}"`);
  expect(start, `${kind} rendered`).toBeGreaterThan(-1);
  return html
    .slice(start)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .includes(title);
};

describe('one edition, every face', () => {
  it('the two fixtures hold every section kind there is', () => {
    const kinds = new Set([...editionSections(month, lens), ...editionSections(year)].map((s) => s.kind));
    expect([...kinds].sort()).toEqual(Object.keys(CHAT).sort());
  });

  for (const [name, snapshot] of [
    ['month', month],
    ['year', year],
  ] as const) {
    it(`a ${name}: each section is on the page and in both email parts under the same heading, in order`, async () => {
      const sections = editionSections(snapshot, lens);
      const html = page(snapshot);
      const email = await renderEditionEmail(snapshot, link, lens);
      const at = (text: string, part: string) => text.indexOf(part);
      let last = { page: -1, html: -1, text: -1 };
      for (const s of sections) {
        // The page, the email's HTML and its text each carry the section's heading and its words.
        expect(between(html, s.kind, s.title), `${s.kind} on the page`).toBe(true);
        expect(between(email.html, s.kind, s.title), `${s.kind} in the email`).toBe(true);
        expect(html, `${s.kind} words on the page`).toContain(MARKER[s.kind]);
        expect(email.html, `${s.kind} words in the email`).toContain(MARKER[s.kind]);
        expect(email.text, `${s.kind} words in the text part`).toContain(MARKER[s.kind]);
        const now = {
          page: at(html, `id="${s.id}"`),
          html: at(email.html, `data-section="${s.kind}"`),
          text: at(email.text, s.title),
        };
        expect(now.page, `${s.kind} in page order`).toBeGreaterThan(last.page);
        expect(now.text, `${s.kind} heading in text order`).toBeGreaterThan(last.text);
        last = now;
      }
    });

    it(`a ${name}: Slack, Teams and webhook carry each section's chat lines or say they leave it out`, () => {
      const announcement = announcementFor(snapshot, link);
      const posts = {
        slack: JSON.stringify(slackPayload(announcement)),
        teams: JSON.stringify(teamsPayload(announcement)),
        webhook: JSON.stringify(webhookPayload(announcement)),
      };
      for (const s of editionSections(snapshot)) {
        for (const [face, body] of Object.entries(posts)) {
          if (CHAT[s.kind] === 'not-in-chat') {
            // Slack and Teams say so in words; the webhook lists the headings for its receiver.
            const said = face === 'webhook' ? `"leftOut":[` : 'Also in the edition: ';
            expect(body, `${s.kind} named as left out of ${face}`).toContain(said);
            expect(body.slice(body.indexOf(said)), `${s.kind} named as left out of ${face}`).toContain(s.title);
          } else {
            const part = announcement.summary?.parts.find((p) => p.kind === s.kind);
            expect(part?.lines.length, `${s.kind} has chat lines`).toBeGreaterThan(0);
            for (const line of part!.lines)
              expect(body, `${s.kind} in ${face}`).toContain(JSON.stringify(line).slice(1, 21));
          }
        }
      }
    });
  }

  it('an edition published before the optional sections existed still renders on every face', async () => {
    const old: Record<string, unknown> = { ...month, content: { ...month.content } };
    delete old.followUps;
    delete old.trackedAsks;
    delete (old.content as Record<string, unknown>).outcomes;
    delete (old.content as Record<string, unknown>).meetTheTeam;
    const snapshot = old as EditionSnapshot;
    const kinds = editionSections(snapshot).map((s) => s.kind);
    expect(kinds).not.toContain('followUps');
    expect(kinds).not.toContain('meetTheTeam');
    expect(page(snapshot)).toContain('Storymarker');
    const email = await renderEditionEmail(snapshot, link);
    expect(email.text).toContain('Winmarker');
    expect(email.html).toContain('Tell us early.');
    expect(JSON.stringify(slackPayload(announcementFor(snapshot, link)))).toContain('Contacts received');
  });

  it('never breaks a number from its unit in the email', async () => {
    const email = await renderEditionEmail(month, link);
    expect(email.html).toContain('4.5\u00a0min');
    expect(email.html).not.toMatch(/4\.5 min/);
  });
});
