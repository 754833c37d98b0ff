// First guesses for a help-desk export: which column holds what (from the headers Zendesk,
// Freshdesk, Intercom, Help Scout and phone systems write), which unit a time column is in, and
// which team item a value such as "Phone call (inbound)" or "Mail" most likely means. Pure and
// browser-safe; the leader sees every guess on the page and can change it.
import type { ColumnMapping, DurationUnit, TicketField } from './ticket-export';
import { COLUMN_SYNONYMS, headerKey } from './ticket-sources';

// After the exact names of COLUMN_SYNONYMS, per field, patterns in order of preference: a column
// matching an earlier pattern wins, so "Tags" beats "Type" beats a free-text "Subject" for the reason.
const COLUMN_PATTERNS: [TicketField, RegExp[]][] = [
  ['firstResponse', [/first.*(reply|response)/i, /time to first/i, /wait time|queue time|speed of answer|asa\b/i]],
  ['handleTime', [/handle|aht/i, /talk time/i, /full resolution|resolution time|time to close/i, /duration/i]],
  ['satisfaction', [/satisf|csat/i, /survey/i, /rating|score/i]],
  [
    'date',
    [
      /^created|created (at|time|date|on)|creation/i,
      /^(date|opened|submitted|start( time)?|call start|received)/i,
      /date|time ?stamp|time$/i,
    ],
  ],
  ['channel', [/^(initial )?channel|channel$/i, /^via$|via/i, /^source|medium/i, /^type$/i, /direction/i]],
  [
    'reason',
    [
      /^tags?$|tags/i,
      /reason|disposition|wrap.?up/i,
      /ticket type|^type$|category|topic|issue/i,
      /queue|group/i,
      /subject/i,
    ],
  ],
  ['segment', [/segment|customer type|tier/i, /organi[sz]ation|company|account/i]],
  ['status', [/^status|state$/i]],
];

/** Sensible first guesses from the header names; the leader corrects them on the page. */
export function guessColumns(header: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const keys = header.map(headerKey);
  for (const [field] of COLUMN_PATTERNS) {
    for (const name of COLUMN_SYNONYMS[field]) {
      const index = keys.findIndex((k, i) => !taken.has(i) && k === name);
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  for (const [field, patterns] of COLUMN_PATTERNS) {
    if (mapping[field] !== undefined) continue;
    for (const re of patterns) {
      const index = header.findIndex((h, i) => !taken.has(i) && re.test(h.trim()));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** "First response time (in hrs)" is in hours, "… in minutes" in minutes; otherwise `fallback`. */
export function unitFromHeader(header: string | undefined, fallback: DurationUnit = 'minutes'): DurationUnit {
  const h = (header ?? '').toLowerCase();
  if (/\b(hrs?|hours?)\b/.test(h)) return 'hours';
  if (/\b(mins?|minutes?)\b/.test(h)) return 'minutes';
  if (/\b(secs?|seconds?)\b|\(s\)/.test(h)) return 'seconds';
  return fallback;
}

/** Lower case, accents and punctuation gone, one space between words: "E-Mail " → "e mail". */
export function normalise(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const singular = (word: string) =>
  word.length > 4 && word.endsWith('ies')
    ? `${word.slice(0, -3)}y`
    : word.length > 3 && word.endsWith('s') && !word.endsWith('ss')
      ? word.slice(0, -1)
      : word;
const key = (value: string) => normalise(value).split(' ').map(singular).join(' ');

export type Dimension = 'channel' | 'reason' | 'segment';

// Families of words that mean the same thing in help-desk exports. A value and a team item
// match when they fall in the same family.
const FAMILIES: Record<Dimension, [string, RegExp][]> = {
  channel: [
    ['phone', /\b(phone|voice|call|calls|telephone|telephony|ivr|voicemail|callback)\b/],
    ['email', /\b(e ?mail|mail|web ?form|webform|form|contact form|portal|api|ticket)\b/],
    ['messaging', /\b(whatsapp|sms|text|messaging|imessage|telegram|wechat|line)\b/],
    ['social', /\b(social|twitter|x|facebook|instagram|tiktok|linkedin|dm)\b/],
    ['chat', /\b(chat|live ?chat|web ?chat|widget|messenger|conversation|in app)\b/],
    // A direction alone ("Inbound", Five9's call type) means a call; "Outbound email" is email.
    ['phone', /\b(inbound|outbound)\b/],
  ],
  reason: [],
  segment: [
    ['consumer', /\b(consumer|private|individual|b2c|retail|personal|household|resident|member)\b/],
    ['business', /\b(business|company|companie|b2b|corporate|enterprise|organi[sz]ation|sme|smb|commercial)\b/],
    ['partner', /\b(partner|reseller|supplier|vendor|agent)\b/],
    ['internal', /\b(internal|employee|staff|colleague)\b/],
  ],
};
const OTHER = /^(other|others|not set|unknown|misc|miscellaneous|none|n a|other not set|uncategori[sz]ed)$/;

function family(dimension: Dimension, value: string): string | null {
  const n = key(value);
  for (const [name, re] of FAMILIES[dimension]) if (re.test(n)) return name;
  return null;
}

/** The team's catch-all item ("Other", "Not set", "Unknown"…), if it has one. */
export function otherItem(items: string[]): string | null {
  return items.find((i) => OTHER.test(normalise(i))) ?? null;
}

/**
 * The team item a value most likely means, or null: same name (ignoring case, punctuation and
 * plurals); then a shared family ("Phone call (inbound)" → Phone, "Web form" → Email-like,
 * "WhatsApp" → Messaging or else Social); then for reasons a tag word naming the item
 * ("billing_invoice" → Billing). An organisation column's empty cells lean to the consumer-like
 * item and named organisations to the business-like one.
 */
export function guessItem(
  dimension: Dimension,
  value: string,
  items: string[],
  context: { organisationColumn?: boolean } = {},
): string | null {
  const k = key(value);
  const exact = items.find((i) => key(i) === k);
  if (exact) return exact;
  if (dimension === 'segment' && context.organisationColumn) {
    const want = value.trim() === '' ? 'consumer' : 'business';
    return items.find((i) => family('segment', i) === want) ?? null;
  }
  if (value.trim() === '') return null;
  const f = family(dimension, value);
  if (f) {
    const same = items.find((i) => family(dimension, i) === f);
    if (same) return same;
    // Messaging apps count as social where a team has no messaging channel, and vice versa.
    const near = f === 'messaging' ? 'social' : f === 'social' ? 'messaging' : null;
    if (near) return items.find((i) => family(dimension, i) === near) ?? null;
    return null;
  }
  if (dimension === 'reason') {
    const words = new Set(k.split(' '));
    return (
      items.find((i) =>
        key(i)
          .split(' ')
          .every((w) => words.has(w)),
      ) ?? null
    );
  }
  return null;
}

export type SatisfactionClass = 'satisfied' | 'unsatisfied' | 'none';

const SATISFIED =
  /^(good|satisfied|very satisfied|positive|happy|extremely happy|very happy|great|amazing|awesome|excellent|yes|thumbs ?up|😀|😃|🙂|👍|❤️)\b/i;
const NOT_A_RESPONSE =
  /^(offered|unoffered|not offered|not sent|sent|pending|n\/a|na|none|-|no response|not rated|unrated)$/i;

/**
 * The standard CSAT rule: a response is satisfied when it is "Good" or in the top two of a
 * five-point scale (4–5 of 5; 9–10 of 10); every other response counts against, neutral ones
 * included. Offered-but-unanswered surveys and empty cells are not responses.
 */
export function classifySatisfaction(value: string, scaleMax = 5): SatisfactionClass {
  const s = value.trim();
  if (!s || NOT_A_RESPONSE.test(s)) return 'none';
  if (SATISFIED.test(s)) return /^(not|un|dis)/i.test(s) ? 'unsatisfied' : 'satisfied';
  const n = Number(s.replace(',', '.'));
  if (Number.isFinite(n)) {
    if (n < 0 || n > scaleMax) return 'none';
    return n >= (scaleMax > 5 ? scaleMax - 1 : 4) ? 'satisfied' : 'unsatisfied';
  }
  return 'unsatisfied';
}
