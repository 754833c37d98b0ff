// Realistic help-desk exports for tests: a Zendesk-like file (BOM, ISO dates, `Via` values such as
// "Phone call (inbound)", space-separated tags, an Organization column empty on most tickets,
// Good/Bad/Offered ratings, subjects with commas and line breaks) and a Freshdesk-like one (';',
// day-first dates, comma-separated tags, five-point survey words, times in hours). Deterministic,
// and each returns what it wrote per month so tests compare against the truth, not the code.

/** A small seeded generator (mulberry32): same seed, same file. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const quote = (s: string, sep: string) => (/["\n\r]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s);

export type MonthTruth = {
  tickets: number;
  byChannel: Record<string, number>;
  solvedByChannel: Record<string, number>;
  byTags: Record<string, number>;
  byOrg: Record<string, number>;
  bySatisfaction: Record<string, number>;
};
export type TicketExport = { text: string; truth: Record<string, MonthTruth> };

function tally(
  truth: Record<string, MonthTruth>,
  month: string,
  channel: string,
  solved: boolean,
  tags: string,
  org: string,
  sat: string,
) {
  const t = (truth[month] ??= {
    tickets: 0,
    byChannel: {},
    solvedByChannel: {},
    byTags: {},
    byOrg: {},
    bySatisfaction: {},
  });
  t.tickets++;
  t.byChannel[channel] = (t.byChannel[channel] ?? 0) + 1;
  if (solved) t.solvedByChannel[channel] = (t.solvedByChannel[channel] ?? 0) + 1;
  t.byTags[tags] = (t.byTags[tags] ?? 0) + 1;
  t.byOrg[org] = (t.byOrg[org] ?? 0) + 1;
  t.bySatisfaction[sat] = (t.bySatisfaction[sat] ?? 0) + 1;
}

export const ZENDESK_VIA = [
  'Phone call (inbound)',
  'Phone call (inbound)',
  'Mail',
  'Mail',
  'Web form',
  'Chat',
  'WhatsApp',
  'Twitter DM',
] as const;
export const ZENDESK_TAGS = [
  'billing invoice',
  'billing',
  'delivery late',
  'delivery',
  'returns',
  'billing delivery',
  'account_password',
  '',
] as const;
const ORGS = ['Acme Ltd', 'Globex', 'Initech, Inc.'];
const ZENDESK_SAT = ['Good', 'Good', 'Good with comment', 'Bad', 'Offered', 'Not Offered', 'Not Offered'];

/** `perMonth` tickets in each of `months` ("YYYY-MM"); 61 % have no organisation. */
export function zendeskExport(months: string[], perMonth: number, seed = 1): TicketExport {
  const r = random(seed);
  const truth: Record<string, MonthTruth> = {};
  const lines = [
    'Id,Requester,Created at,Subject,Via,Ticket type,Tags,Organization,Satisfaction Score,First reply time in minutes,Full resolution time in minutes,Status',
  ];
  let id = 1000;
  for (const month of months) {
    for (let i = 0; i < perMonth; i++) {
      const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
      const via = pick(r, ZENDESK_VIA);
      const tags = pick(r, ZENDESK_TAGS);
      const org = r() < 0.61 ? '' : pick(r, ORGS);
      const sat = pick(r, ZENDESK_SAT);
      const status = pick(r, ['Solved', 'Solved', 'Closed', 'Open', 'Pending']);
      const subject = r() < 0.2 ? `Invoice, again\nsee "attached"` : 'Where is my order?';
      tally(truth, month, via, status === 'Solved' || status === 'Closed', tags, org, sat);
      lines.push(
        [
          id++,
          `Customer ${i}`,
          `${month}-${day}T${String(8 + (i % 10)).padStart(2, '0')}:15:00Z`,
          quote(subject, ','),
          via,
          'question',
          tags,
          quote(org, ','),
          sat,
          String(5 + Math.floor(r() * 120)),
          String(30 + Math.floor(r() * 600)),
          status,
        ].join(','),
      );
    }
  }
  return { text: '\uFEFF' + lines.join('\r\n') + '\r\n', truth };
}

export const FRESHDESK_SOURCE = ['Phone', 'Email', 'Email', 'Portal', 'Chat', 'Feedback Widget'] as const;
export const FRESHDESK_TAGS = ['billing,refund', 'delivery', 'returns, billing', 'account', ''] as const;
const FRESHDESK_SAT = ['Extremely happy', 'Happy', 'Neutral', 'Unhappy', 'Extremely unhappy', '', ''];

/** Day-first dates ("31-03-2026 14:22"), ';' separators, times in hours. */
export function freshdeskExport(months: string[], perMonth: number, seed = 2): TicketExport {
  const r = random(seed);
  const truth: Record<string, MonthTruth> = {};
  const lines = [
    'Ticket ID;Subject;Status;Priority;Source;Type;Created time;Resolved time;Tags;Company Name;Survey results;First response time (in hrs);Resolution time (in hrs)',
  ];
  let id = 1;
  for (const month of months) {
    const [y, m] = month.split('-');
    for (let i = 0; i < perMonth; i++) {
      const day = String(13 + Math.floor(r() * 15)).padStart(2, '0');
      const source = pick(r, FRESHDESK_SOURCE);
      const tags = pick(r, FRESHDESK_TAGS);
      const org = r() < 0.5 ? '' : pick(r, ORGS);
      const sat = pick(r, FRESHDESK_SAT);
      const status = pick(r, ['Resolved', 'Closed', 'Open']);
      tally(truth, month, source, status !== 'Open', tags, org, sat);
      lines.push(
        [
          id++,
          quote('Refund; please\nthanks', ';'),
          status,
          'Low',
          source,
          'Question',
          `${day}-${m}-${y} 14:22`,
          '',
          quote(tags, ';'),
          quote(org, ';'),
          sat,
          (r() * 4).toFixed(2),
          (r() * 30).toFixed(2),
        ].join(';'),
      );
    }
  }
  return { text: lines.join('\n') + '\n', truth };
}
