// The one table of column names the field's help desks and call-centre systems write, per field,
// and how to tell which desk made a file from its header. Pure and browser-safe; the import page,
// the header-row finder and the tests all read these tables.
import type { TicketField } from './ticket-export';

/** Lower case, punctuation gone, one space between words: "Date/Time Opened" → "date time opened". */
export const headerKey = (h: string) =>
  h
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Per field, the header names that mean it, as headerKey writes them, most specific first. An
 * exact name beats the looser patterns of ticket-guess, so "Type" (Help Scout's channel) and
 * "Ticket type" (Zendesk's reason) each land where their desk means them.
 */
export const COLUMN_SYNONYMS: Record<TicketField, string[]> = {
  date: [
    'created at', // Zendesk, Intercom
    'created time', // Freshdesk, Zoho Desk
    'date time opened', // Salesforce Service Cloud
    'opened date',
    'create date', // HubSpot
    'created date',
    'created', // Jira Service Management
    'opened', // ServiceNow
    'opened at',
    'created datetime', // Gorgias
    'conversation started at',
    'message date', // Front
    'started at', // Aircall
    'start time', // Talkdesk
    'call start time',
    'conversation start', // Genesys
    'date', // Five9, Genesys
    'timestamp',
  ],
  channel: [
    'via', // Zendesk
    'case origin', // Salesforce Service Cloud
    'origin',
    'source', // Freshdesk, HubSpot
    'channel', // Intercom, Gorgias, Zoho Desk
    'initial channel',
    'contact type', // ServiceNow
    'media type', // Genesys
    'medium',
    'inbox', // Front
    'type', // Help Scout (email, chat, phone)
    'call type', // Five9
    'direction', // Aircall
    'mode',
    'request channel',
  ],
  reason: [
    'tags', // Zendesk, Freshdesk, Help Scout, Gorgias, Front
    'conversation tags', // Intercom
    'tag',
    'labels', // Jira Service Management
    'case reason', // Salesforce Service Cloud
    'reason',
    'contact reason',
    'category', // HubSpot, ServiceNow, Zoho Desk
    'classifications', // Zoho Desk
    'ticket type', // Zendesk
    'request type', // Jira Service Management
    'issue type',
    'topic',
    'disposition', // Five9, Talkdesk
    'wrap up', // Genesys
    'wrap up code',
  ],
  segment: [
    'segment',
    'customer segment',
    'customer type',
    'tier',
    'organization', // Zendesk
    'organisation',
    'account name', // Salesforce Service Cloud, Zoho Desk
    'account',
    'company', // ServiceNow
    'company name', // Freshdesk, Intercom
    'associated company', // HubSpot
    'organizations', // Jira Service Management
  ],
  satisfaction: [
    'satisfaction score', // Zendesk
    'csat score', // Salesforce Service Cloud (custom field)
    'csat',
    'satisfaction',
    'satisfaction rating',
    'survey results', // Freshdesk
    'conversation rating', // Intercom
    'happiness rating', // Help Scout, Zoho Desk
    'satisfaction survey score', // Gorgias
    'custom field satisfaction', // Jira Service Management
    'rating', // Talkdesk
    'survey score',
    'score',
  ],
  firstResponse: [
    'first reply time in minutes', // Zendesk
    'first response time in hrs', // Freshdesk
    'first response time', // Help Scout, ServiceNow
    'time to first response', // Intercom
    'time to first agent reply', // HubSpot
    'response time', // Front
    'wait time', // Talkdesk
    'speed of answer',
    'queue time',
  ],
  handleTime: [
    'handle time', // Five9, Front
    'total handle', // Genesys
    'handle time seconds',
    'aht',
    'talk time', // Talkdesk
    'duration in call', // Aircall
    'duration',
    'resolution time',
  ],
  status: ['status', 'ticket status', 'state', 'resolution status'],
};

/** What a file's header says about the desk that wrote it: every pattern must match some column. */
export const SOURCE_KINDS: { kind: string; needs: RegExp[] }[] = [
  { kind: 'Salesforce Service Cloud', needs: [/^case (number|origin)$/] },
  { kind: 'Zendesk', needs: [/^via$/, /^(satisfaction score|first reply time|requester|ticket type)/] },
  { kind: 'Freshdesk', needs: [/^(survey results|resolution status|first response time in hrs)$/] },
  { kind: 'HubSpot', needs: [/^ticket name$/, /^(pipeline|ticket status)$/] },
  { kind: 'Intercom', needs: [/^conversation (id|rating|tags)$/, /^(conversation rating|conversation tags)$/] },
  { kind: 'Help Scout', needs: [/^mailbox$/] },
  { kind: 'Gorgias', needs: [/^(created datetime|satisfaction survey score)$/] },
  { kind: 'Front', needs: [/^inbox$/, /^conversation id$/] },
  { kind: 'Zoho Desk', needs: [/^department$/, /^(classifications|happiness rating|ticket id)$/] },
  { kind: 'Jira Service Management', needs: [/^issue key$/] },
  { kind: 'ServiceNow', needs: [/^(contact type|contact_type)$/, /^(opened|opened at|number)$/] },
  { kind: 'Genesys', needs: [/^media type$/, /^(wrap up|queue|total handle)/] },
  { kind: 'Five9', needs: [/^campaign$/, /^(disposition|call type)$/] },
  { kind: 'Aircall', needs: [/^missed call reason$|^line$/, /^direction$/] },
  { kind: 'Talkdesk', needs: [/^ring groups?$|^talkdesk phone number$/] },
];

/** The desk that wrote a header ("Salesforce Service Cloud"), or "CSV export" when none fits. */
export function detectSourceKind(header: string[]): string {
  const keys = header.map(headerKey);
  return SOURCE_KINDS.find((s) => s.needs.every((re) => keys.some((k) => re.test(k))))?.kind ?? 'CSV export';
}

/** The header's identity for remembering a mapping: its column names, in order. */
export const headerSignature = (header: string[]) => header.map(headerKey).join('|').slice(0, 1000);

const KNOWN = new Set(Object.values(COLUMN_SYNONYMS).flat());
/** How many cells of a row are column names these desks write: the header row has the most. */
export const columnHits = (row: string[]) => row.filter((c) => KNOWN.has(headerKey(c))).length;
