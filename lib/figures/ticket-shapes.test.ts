import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeTeam, makeUser } from '../../prisma/factories';
import { loadCatalog, readMonths } from './figures';
import { readTicketBytes } from './ticket-file';
import { applyTicketImport, loadTicketImportContext } from './ticket-import';
import {
  findProfile,
  importInput,
  initialSettings,
  NO_OVERRIDES,
  planImport,
  type ImportContext,
} from './ticket-session';
import { COLUMN_SYNONYMS, detectSourceKind } from './ticket-sources';
import { guessColumns } from './ticket-guess';
import { TICKET_FIELDS } from './ticket-export';

// Each fixture is read from its bytes exactly as the import page reads a chosen file, every default
// accepted, imported, and the stored months compared with counts this test makes itself: its own
// decoding (Node's Buffer), its own small CSV splitter, and the lines it knows each desk writes
// before and after the tickets.

/** A deliberately small RFC 4180 splitter: quotes, doubled quotes, separators and line breaks in quotes. */
function splitCsv(text: string, sep: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) cell += ch;
    else if (ch === sep) {
      record.push(cell);
      cell = '';
    } else if (ch === '\n') {
      record.push(cell.replace(/\r$/, ''));
      records.push(record);
      record = [];
      cell = '';
    } else cell += ch;
  }
  return records;
}

type Spec = {
  file: string;
  kind: string;
  decode: (b: Buffer) => string;
  sep: string;
  encoding: string;
  /** Lines before the header and after the last ticket, as the desk writes them. */
  preamble: number;
  footer: number;
  columns: { date: string; channel: string; reason?: string; segment?: string; satisfaction?: string };
  month: (date: string) => string;
  channel: Record<string, string>;
  multiTag?: boolean;
  scale?: 5 | 10;
};

const utf8 = (b: Buffer) => b.toString('utf8').replace(/^\uFEFF/, '');
const iso = (d: string) => d.slice(0, 7).replace('/', '-');
const us = (d: string) => {
  const [m, , y] = d.split(' ')[0]!.split('/');
  return `${y}-${m!.padStart(2, '0')}`;
};
const dayFirst = (d: string) => {
  const [, m, y] = d.split(' ')[0]!.split(/[/-]/);
  return `${y}-${m}`;
};

const SPECS: Spec[] = [
  {
    file: 'salesforce-cases.csv',
    kind: 'Salesforce Service Cloud',
    decode: (b) => b.toString('latin1'),
    sep: ',',
    encoding: 'windows-1252',
    preamble: 3,
    footer: 5,
    columns: {
      date: 'Date/Time Opened',
      channel: 'Case Origin',
      reason: 'Case Reason',
      segment: 'Account Name',
      satisfaction: 'CSAT Score',
    },
    month: us,
    channel: { Phone: 'Phone', Email: 'Email', Web: 'Web', Chat: 'Chat', 'Partner Portal': 'Email' },
  },
  {
    file: 'zendesk-tickets.csv',
    kind: 'Zendesk',
    decode: utf8,
    sep: ',',
    encoding: 'utf-8',
    preamble: 0,
    footer: 0,
    columns: {
      date: 'Created at',
      channel: 'Via',
      reason: 'Tags',
      segment: 'Organization',
      satisfaction: 'Satisfaction Score',
    },
    month: iso,
    channel: {
      'Phone call (inbound)': 'Phone',
      Mail: 'Email',
      'Web Widget': 'Chat',
      'Closed ticket': 'Email',
      API: 'Email',
      Chat: 'Chat',
    },
    multiTag: true,
  },
  {
    file: 'freshdesk-tickets.csv',
    kind: 'Freshdesk',
    decode: utf8,
    sep: ';',
    encoding: 'utf-8',
    preamble: 0,
    footer: 0,
    columns: {
      date: 'Created time',
      channel: 'Source',
      reason: 'Tags',
      segment: 'Company Name',
      satisfaction: 'Survey results',
    },
    month: dayFirst,
    channel: {
      Phone: 'Phone',
      Email: 'Email',
      Portal: 'Email',
      Chat: 'Chat',
      'Feedback Widget': 'Chat',
      'Outbound Email': 'Email',
    },
    multiTag: true,
  },
  {
    file: 'intercom-conversations.txt',
    kind: 'Intercom',
    decode: (b) => b.toString('utf16le').replace(/^\uFEFF/, ''),
    sep: '\t',
    encoding: 'utf-16le',
    preamble: 0,
    footer: 0,
    columns: {
      date: 'Created at',
      channel: 'Channel',
      reason: 'Conversation tags',
      segment: 'Company name',
      satisfaction: 'Conversation rating',
    },
    month: iso,
    channel: { Messenger: 'Chat', Email: 'Email', WhatsApp: 'WhatsApp', 'Phone & SMS': 'Phone' },
    multiTag: true,
  },
  {
    file: 'helpscout-conversations.csv',
    kind: 'Help Scout',
    decode: utf8,
    sep: ',',
    encoding: 'utf-8',
    preamble: 0,
    footer: 0,
    columns: { date: 'Created At', channel: 'Type', reason: 'Tags', satisfaction: 'Happiness Rating' },
    month: iso,
    channel: { email: 'Email', chat: 'Chat', phone: 'Phone' },
    multiTag: true,
  },
  {
    file: 'zoho-desk-tickets.csv',
    kind: 'Zoho Desk',
    decode: utf8,
    sep: ',',
    encoding: 'utf-8',
    preamble: 0,
    footer: 0,
    columns: {
      date: 'Created Time',
      channel: 'Channel',
      reason: 'Classifications',
      segment: 'Account Name',
      satisfaction: 'Happiness Rating',
    },
    month: dayFirst,
    channel: { Email: 'Email', Phone: 'Phone', Web: 'Web', Forums: 'Forums', Twitter: 'Twitter' },
  },
  {
    file: 'servicenow-incidents.csv',
    kind: 'ServiceNow',
    decode: utf8,
    sep: ',',
    encoding: 'utf-8',
    preamble: 0,
    footer: 2,
    columns: {
      date: 'Opened',
      channel: 'Contact type',
      reason: 'Category',
      segment: 'Company',
      satisfaction: 'Satisfaction (1-10)',
    },
    month: iso,
    channel: {
      Phone: 'Phone',
      Email: 'Email',
      'Self-service': 'Self-service',
      'Walk-in': 'Walk-in',
      'Virtual Agent': 'Virtual Agent',
    },
    scale: 10,
  },
  {
    file: 'five9-call-log.csv',
    kind: 'Five9',
    decode: utf8,
    sep: ',',
    encoding: 'utf-8',
    preamble: 0,
    footer: 0,
    columns: { date: 'DATE', channel: 'CALL TYPE', reason: 'DISPOSITION' },
    month: iso,
    channel: { Inbound: 'Phone', Outbound: 'Phone', 'Queue Callback': 'Phone' },
  },
  {
    file: 'genesys-interactions.csv',
    kind: 'Genesys',
    decode: utf8,
    sep: ',',
    encoding: 'utf-8',
    preamble: 3,
    footer: 0,
    columns: { date: 'Date', channel: 'Media Type', reason: 'Wrap-up' },
    month: us,
    channel: { voice: 'Phone', chat: 'Chat', email: 'Email', message: 'message', callback: 'Phone' },
  },
];

/** The team's default for a reason value: Billing and Delivery by word, empty as "Other / not set", else itself. */
const expectedReason = (cell: string, multi: boolean) => {
  // A tag cell counts under its first tag: comma-separated (Freshdesk, Intercom) or space-separated (Zendesk).
  const c = cell.trim();
  const t = multi && c ? c.split(/[,;|]/.test(c) ? /[,;|]/ : /\s+/)[0]!.trim() : c;
  if (/(^|[^a-z])billing([^a-z]|$)/i.test(t)) return 'Billing';
  if (/(^|[^a-z])delivery([^a-z]|$)/i.test(t)) return 'Delivery';
  return t === '' ? 'Other / not set' : t;
};
const satisfied = (v: string, scale: number): boolean | null => {
  const s = v.trim();
  if (!s || /^(offered|unoffered)$/i.test(s)) return null;
  if (/^\d+$/.test(s)) return Number(s) >= (scale === 10 ? 9 : 4);
  return /^(good|great|happy|extremely happy)$/i.test(s);
};
const add = (r: Record<string, number>, k: string) => (r[k] = (r[k] ?? 0) + 1);

function truthOf(spec: Spec) {
  const records = splitCsv(spec.decode(readFileSync(join(import.meta.dirname, 'fixtures', spec.file))), spec.sep);
  const nonBlank = records.filter((r) => r.some((c) => c.trim() !== ''));
  const [header, ...rest] = nonBlank.slice(spec.preamble);
  const tickets = rest.slice(0, rest.length - spec.footer);
  const col = (name: string | undefined) => (name ? header!.indexOf(name) : -1);
  const months: Record<
    string,
    {
      contacts: number;
      channels: Record<string, number>;
      reasons: Record<string, number>;
      segments: Record<string, number>;
      good: number;
      rated: number;
    }
  > = {};
  for (const t of tickets) {
    const m = (months[spec.month(t[col(spec.columns.date)]!)] ??= {
      contacts: 0,
      channels: {},
      reasons: {},
      segments: {},
      good: 0,
      rated: 0,
    });
    m.contacts++;
    const raw = t[col(spec.columns.channel)]!;
    add(m.channels, spec.channel[raw] ?? `unexpected channel ${raw}`);
    if (spec.columns.reason) add(m.reasons, expectedReason(t[col(spec.columns.reason)]!, !!spec.multiTag));
    if (spec.columns.segment) add(m.segments, t[col(spec.columns.segment)]!.trim() ? 'Business' : 'Consumers');
    if (spec.columns.satisfaction) {
      const s = satisfied(t[col(spec.columns.satisfaction)]!, spec.scale ?? 5);
      if (s !== null) m.rated++;
      if (s) m.good++;
    }
  }
  return { tickets: tickets.length, months };
}

describe('help-desk exports of every shape, imported with every default accepted', () => {
  // Each imports three months into a real database: well under the limit alone, slower on a busy machine.
  it.each(SPECS)(
    '$file ($kind) stores what the file says',
    async (spec) => {
      const truth = truthOf(spec);
      const team = await makeTeam(db);
      await makeCatalog(db, team.id);
      const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
      const catalog = await loadCatalog(db, team.id);
      const context = await loadTicketImportContext(leader, team.id);
      const active = (items: { name: string }[]) => items.map((i) => i.name);
      const ctx: ImportContext = {
        channel: active(catalog.channels),
        reason: active(catalog.reasons),
        segment: active(catalog.segments),
        kpis: catalog.kpis.map((k) => ({ name: k.name, unit: k.unit })),
        remembered: context.remembered,
        profiles: context.profiles,
        latestMonth: '2026-12',
        timeZone: 'UTC',
      };

      // What the page does after the file is chosen.
      const file = readTicketBytes(new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', spec.file))));
      expect(file.encoding).toBe(spec.encoding);
      expect(file.accented.join(' ')).not.toContain('\uFFFD');
      expect(file.rows).toHaveLength(truth.tickets);
      const leftOut = Object.fromEntries(file.leftOut.map((l) => [l.why, l.lines]));
      expect(leftOut).toEqual({
        ...(spec.preamble ? { preamble: spec.preamble } : {}),
        ...(spec.footer ? { footer: spec.footer } : {}),
      });
      expect(detectSourceKind(file.header)).toBe(spec.kind);
      const settings = initialSettings(file, ctx, findProfile(ctx.profiles, file.header));
      const plan = planImport(file, settings, NO_OVERRIDES, ctx, null);
      expect(plan.mustConfirm).toBe(false);
      expect(plan.aggregated!.stats.ignored).toBe(0);
      await applyTicketImport(leader, team.id, importInput({ ...file, name: spec.file }, settings, plan, ctx, false));

      const after = await loadCatalog(db, team.id);
      const names = (items: { id: string; name: string }[], r: Record<string, number>) =>
        Object.fromEntries(Object.entries(r).map(([id, n]) => [items.find((i) => i.id === id)!.name, n]));
      const stored = await readMonths(db, team.id, '2026-01', '2026-12');
      expect(stored.map((s) => s.month)).toEqual(Object.keys(truth.months).sort());
      for (const s of stored) {
        const t = truth.months[s.month]!;
        const volumes = Object.fromEntries(
          Object.entries(s.state.volumes).map(([id, v]) => [after.channels.find((c) => c.id === id)!.name, v.received]),
        );
        expect(volumes, `${s.month} channels`).toEqual(t.channels);
        expect(Object.values(volumes).reduce((a, b) => a + b, 0)).toBe(t.contacts);
        if (spec.columns.reason) expect(names(after.reasons, s.state.reasons), `${s.month} reasons`).toEqual(t.reasons);
        if (spec.columns.segment)
          expect(names(after.segments, s.state.segments), `${s.month} segments`).toEqual(t.segments);
        const csat = names(after.kpis, s.state.kpis).CSAT;
        if (spec.columns.satisfaction) expect(csat).toBe(Math.round((t.good / t.rated) * 1000) / 10);
      }

      // The whole mapping is remembered for this desk: the next month's file of it needs no choice.
      const again = await loadTicketImportContext(leader, team.id);
      expect(again.profiles.map((p) => p.sourceKind)).toEqual([spec.kind]);
      expect(again.profiles[0]!.settings.encoding).toBe(spec.encoding);
    },
    120_000,
  );

  it('a team with two desks keeps a source profile for each: the repeat month of either needs no choice', async () => {
    const team = await makeTeam(db);
    await makeCatalog(db, team.id);
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const contextNow = async (): Promise<ImportContext> => {
      const catalog = await loadCatalog(db, team.id);
      const context = await loadTicketImportContext(leader, team.id);
      return {
        channel: catalog.channels.map((c) => c.name),
        reason: catalog.reasons.map((c) => c.name),
        segment: catalog.segments.map((c) => c.name),
        kpis: catalog.kpis.map((k) => ({ name: k.name, unit: k.unit })),
        remembered: context.remembered,
        profiles: context.profiles,
        latestMonth: '2026-12',
        timeZone: 'UTC',
      };
    };
    const bytesOf = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)));
    // Salesforce: the leader counts Web cases as Email and leaves the CSAT column out.
    let ctx = await contextNow();
    const sf = readTicketBytes(bytesOf('salesforce-cases.csv'));
    const sfSettings = initialSettings(sf, ctx, findProfile(ctx.profiles, sf.header));
    delete sfSettings.mapping.satisfaction;
    const sfPlan = planImport(sf, sfSettings, { ...NO_OVERRIDES, channel: { Web: 'Email' } }, ctx, null);
    await applyTicketImport(leader, team.id, importInput({ ...sf, name: 'sf.csv' }, sfSettings, sfPlan, ctx, false));
    // Zendesk: the leader counts "Closed ticket" follow-ups nowhere, confirming the tick.
    ctx = await contextNow();
    const zd = readTicketBytes(bytesOf('zendesk-tickets.csv'));
    const zdSettings = initialSettings(zd, ctx, findProfile(ctx.profiles, zd.header));
    const zdPlan = planImport(zd, zdSettings, { ...NO_OVERRIDES, channel: { 'Closed ticket': null } }, ctx, null);
    expect(zdPlan.mustConfirm).toBe(true);
    await applyTicketImport(leader, team.id, importInput({ ...zd, name: 'zd.csv' }, zdSettings, zdPlan, ctx, true));

    ctx = await contextNow();
    expect(ctx.profiles.map((p) => p.sourceKind).sort()).toEqual(['Salesforce Service Cloud', 'Zendesk']);
    for (const [name, kind] of [
      ['salesforce-cases.csv', 'Salesforce Service Cloud'],
      ['zendesk-tickets.csv', 'Zendesk'],
    ] as const) {
      const file = readTicketBytes(bytesOf(name));
      const profile = findProfile(ctx.profiles, file.header);
      expect(profile?.sourceKind).toBe(kind);
      const settings = initialSettings(file, ctx, profile);
      const plan = planImport(file, settings, NO_OVERRIDES, ctx, profile);
      if (kind === 'Zendesk') {
        expect(plan.choices.channel['Closed ticket']).toBeNull();
        expect(plan.choices.channel.Mail).toBe('Email');
      } else {
        expect(settings.mapping.satisfaction).toBeUndefined();
        expect(settings.dateOrder).toBe('MDY');
        expect(plan.choices.channel.Web).toBe('Email');
      }
      // Every remembered choice comes back: the same figures as the leader's first import of this desk.
      expect(plan.aggregated!.months).toEqual((kind === 'Zendesk' ? zdPlan : sfPlan).aggregated!.months);
    }
  }, 120_000);

  it('every synonym in the table is read as its field, wherever the column stands', () => {
    for (const field of TICKET_FIELDS)
      for (const name of COLUMN_SYNONYMS[field]) {
        const header = ['Ticket reference', 'Internal note', name.toUpperCase(), 'Assignee'];
        expect(guessColumns(header)[field], `"${name}" as ${field}`).toBe(2);
      }
  });
});
