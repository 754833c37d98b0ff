import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeReview, makeTeam, makeUser } from '../../prisma/factories';
import { freshdeskExport, zendeskExport, type MonthTruth } from '../../prisma/ticket-exports';
import { ForbiddenError, ValidationError } from '../errors';
import { loadCatalog, writeMonthTx } from './figures';
import { currentMonth } from '../dates/month';
import { detectDelimiter } from './monthly-csv';
import { aggregateTickets, distinctValues, guessDateOrder, hasSlashDates, type MultiTagRule } from './ticket-export';
import { guessColumns, unitFromHeader } from './ticket-guess';
import { applyTicketImport, loadTicketImportContext } from './ticket-import';
import {
  initialChoice,
  itemsToCreate,
  mappingsToRemember,
  OTHER_NAME,
  type Lists,
  type RememberedMappings,
  type ValueChoice,
} from './ticket-plan';

const LISTS: Lists = {
  channel: ['Phone', 'Email', 'Chat', 'Social media'],
  reason: ['Billing', 'Delivery', 'Returns', 'Complaints'],
  segment: ['Consumers', 'Business customers', 'Partners'],
};
const MONTHS = ['2025-08', '2025-09', '2025-10'];
const NONE: RememberedMappings = { channel: {}, reason: {}, segment: {}, satisfaction: {} };

async function setup() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, { ...{ channels: LISTS.channel, reasons: LISTS.reason, segments: LISTS.segment } });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  return { team, leader };
}

/** What the import page does in the browser, step by step, with the leader's overrides. */
function plan(
  text: string,
  remembered: RememberedMappings,
  o: {
    overrides?: Partial<Record<keyof Lists, ValueChoice>>;
    rule?: MultiTagRule;
    confirmed?: boolean;
    lists?: Lists;
  } = {},
) {
  const lists = o.lists ?? LISTS;
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!;
  const [header, ...rows] = parse(text, {
    bom: true,
    delimiter: detectDelimiter(firstLine),
    relax_column_count: true,
  }) as string[][];
  const mapping = guessColumns(header!);
  const multiTag = /tag/i.test(header![mapping.reason!]!);
  const organisationColumn = /organi|company/i.test(header![mapping.segment!]!);
  const choices = {
    channel: {
      ...initialChoice('channel', distinctValues(rows, mapping.channel, false), lists.channel, remembered.channel),
      ...o.overrides?.channel,
    },
    reason: {
      ...initialChoice('reason', distinctValues(rows, mapping.reason, multiTag), lists.reason, remembered.reason),
      ...o.overrides?.reason,
    },
    segment: {
      ...initialChoice('segment', distinctValues(rows, mapping.segment, false), lists.segment, remembered.segment, {
        organisationColumn,
      }),
      ...o.overrides?.segment,
    },
  };
  const dates = rows.map((r) => r[mapping.date!]!);
  const units = {
    firstResponse: unitFromHeader(header![mapping.firstResponse!]),
    handleTime: unitFromHeader(header![mapping.handleTime!]),
  };
  const agg = aggregateTickets(rows, {
    mapping,
    dateOrder: guessDateOrder(dates.slice(0, 2000)),
    durationUnits: units,
    multiTag,
    multiTagRule: o.rule ?? 'first',
    valueMaps: choices,
    satisfaction: {},
    kpis: { csat: 'CSAT', firstResponse: { kpi: 'First response time', unit: 'MINUTES' } },
    latestMonth: currentMonth(),
  });
  const input = {
    months: agg.months.map(({ month, payload }) => ({ month, payload })),
    cover: { reasons: true, segments: true, kpis: ['CSAT', 'First response time'] },
    create: {
      channel: itemsToCreate(choices.channel, lists.channel),
      reason: itemsToCreate(choices.reason, lists.reason),
      segment: itemsToCreate(choices.segment, lists.segment),
    },
    mappings: mappingsToRemember(choices),
    ignored: { rows: agg.stats.rows, ignored: agg.stats.ignored, confirmed: o.confirmed ?? false },
  };
  return { agg, input, mapping, units, choices, slashDates: hasSlashDates(dates) };
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((n, v) => n + v, 0);
const count = (
  t: MonthTruth,
  key: 'byChannel' | 'solvedByChannel' | 'byTags' | 'byOrg' | 'bySatisfaction',
  ...values: string[]
) => values.reduce((n, v) => n + (t[key][v] ?? 0), 0);

describe('ticket export import', () => {
  it('a Zendesk-like export sets each month exactly as the file says, and re-importing changes nothing', async () => {
    const { team, leader } = await setup();
    const file = zendeskExport(MONTHS, 400);
    // A month already holding figures from elsewhere, with a reason and a KPI the file never names.
    const catalog = await loadCatalog(db, team.id);
    const id = (list: { id: string; name: string }[], name: string) => list.find((i) => i.name === name)!.id;
    await db.$transaction((tx) =>
      writeMonthTx(tx, {
        actor: leader,
        teamId: team.id,
        month: '2025-09',
        change: {
          volumes: { [id(catalog.channels, 'Phone')]: { received: 5000, handled: 4000 } },
          reasons: { [id(catalog.reasons, 'Complaints')]: 999, [id(catalog.reasons, 'Billing')]: 7 },
          segments: { [id(catalog.segments, 'Consumers')]: 8902, [id(catalog.segments, 'Partners')]: 40 },
          kpis: { [id(catalog.kpis, 'Average handle time')]: 7 },
        },
        mode: 'merge',
        catalog,
        source: 'test',
      }),
    );
    const before = await loadTicketImportContext(leader, team.id);
    const p = plan(file.text, before.remembered);
    expect(p.slashDates).toBe(false);
    expect(p.units).toEqual({ firstResponse: 'minutes', handleTime: 'minutes' });
    // Every Via value matched by a synonym; nothing ignored, so no confirmation is needed.
    expect(p.choices.channel).toEqual({
      'Phone call (inbound)': 'Phone',
      Mail: 'Email',
      'Web form': 'Email',
      Chat: 'Chat',
      WhatsApp: 'Social media',
      'Twitter DM': 'Social media',
    });
    expect(p.agg.stats).toMatchObject({ rows: 1200, counted: 1200, ignored: 0 });
    const { results } = await applyTicketImport(leader, team.id, p.input);
    expect(results.map((r) => r.outcome)).toEqual(['new', 'updated', 'new']);

    const after = await loadTicketImportContext(leader, team.id);
    for (const month of MONTHS) {
      const t = file.truth[month]!;
      const m = after.months[month]!;
      expect(m.volumes).toEqual({
        Phone: {
          received: count(t, 'byChannel', 'Phone call (inbound)'),
          handled: count(t, 'solvedByChannel', 'Phone call (inbound)'),
        },
        Email: {
          received: count(t, 'byChannel', 'Mail', 'Web form'),
          handled: count(t, 'solvedByChannel', 'Mail', 'Web form'),
        },
        Chat: { received: count(t, 'byChannel', 'Chat'), handled: count(t, 'solvedByChannel', 'Chat') },
        'Social media': {
          received: count(t, 'byChannel', 'WhatsApp', 'Twitter DM'),
          handled: count(t, 'solvedByChannel', 'WhatsApp', 'Twitter DM'),
        },
      });
      const contacts = t.tickets;
      // Nothing is dropped by default: a tag no reason matches becomes a reason named as in the file
      // (account_password), a ticket with no tags counts as "Other / not set".
      expect(sum(m.reasons)).toBe(contacts);
      expect(m.reasons.account_password).toBe(count(t, 'byTags', 'account_password'));
      expect(m.reasons[OTHER_NAME]).toBe(count(t, 'byTags', ''));
      expect(p.agg.months.find((x) => x.month === month)!.check).toMatchObject({
        contacts,
        withReason: contacts,
        withSegment: contacts,
      });
      expect(m.reasons.Billing).toBe(count(t, 'byTags', 'billing invoice', 'billing', 'billing delivery'));
      // Every contact counted once per dimension: empty organisations are consumers, named ones businesses.
      expect(m.segments).toEqual({ Consumers: t.byOrg['']!, 'Business customers': contacts - t.byOrg['']! });
      const good = count(t, 'bySatisfaction', 'Good', 'Good with comment');
      expect(m.kpis.CSAT).toBe(Math.round((good / (good + count(t, 'bySatisfaction', 'Bad'))) * 1000) / 10);
    }
    // The seeded month keeps none of its old reason, segment or channel values; the KPI the file does not fill stays.
    const september = after.months['2025-09']!;
    expect(september.reasons.Complaints).toBeUndefined();
    expect(september.segments.Partners).toBeUndefined();
    expect(september.volumes.Phone!.received).not.toBe(5000);
    expect(september.kpis['Average handle time']).toBe(7);

    // The same file again, pre-filled from memory: nothing changes, no new versions.
    const again = plan(file.text, after.remembered);
    expect(again.choices).toEqual(p.choices);
    const second = await applyTicketImport(leader, team.id, again.input);
    expect(second.results.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('maps "(empty)" and unmatched tags to "Other / not set", created with the import and audited; reasons then sum to contacts', async () => {
    const { team, leader } = await setup();
    const file = zendeskExport(MONTHS.slice(0, 2), 300, 7);
    const p = plan(file.text, NONE, { overrides: { reason: { '': OTHER_NAME, account_password: 'Account' } } });
    // Tags no reason matches become reasons of their own, except the one the leader pointed at Account.
    expect(p.input.create.reason).toEqual(expect.arrayContaining(['Account', OTHER_NAME]));
    expect(p.input.create.reason).not.toContain('account_password');
    await applyTicketImport(leader, team.id, {
      ...p.input,
      satisfaction: [{ value: 'Good with comment', choice: 'unsatisfied' }],
    });
    const after = await loadTicketImportContext(leader, team.id);
    for (const month of MONTHS.slice(0, 2)) {
      const t = file.truth[month]!;
      expect(sum(after.months[month]!.reasons)).toBe(t.tickets);
      expect(after.months[month]!.reasons[OTHER_NAME]).toBe(t.byTags['']);
    }
    expect(await db.contactReason.count({ where: { teamId: team.id, name: { in: ['Account', OTHER_NAME] } } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: 'reason.create', actorId: leader.id } })).toBe(
      p.input.create.reason.length,
    );
    // Remembered server-side: the next import pre-fills the leader's choices.
    expect(after.remembered.reason).toMatchObject({ '': OTHER_NAME, account_password: 'Account', billing: 'Billing' });
    expect(after.remembered.satisfaction).toEqual({ 'good with comment': 'unsatisfied' });
  });

  it('a Freshdesk-like export: day-first dates, hours, five-point survey words, tags counted under each when chosen', async () => {
    const { team, leader } = await setup();
    const file = freshdeskExport(MONTHS, 250);
    const p = plan(file.text, NONE, { rule: 'each' });
    expect(p.slashDates).toBe(true);
    expect(p.units.firstResponse).toBe('hours');
    expect(p.choices.channel).toEqual({
      Phone: 'Phone',
      Email: 'Email',
      Portal: 'Email',
      Chat: 'Chat',
      'Feedback Widget': 'Chat',
    });
    await applyTicketImport(leader, team.id, p.input);
    const after = await loadTicketImportContext(leader, team.id);
    for (const month of MONTHS) {
      const t = file.truth[month]!;
      const m = after.months[month]!;
      expect(sum(Object.fromEntries(Object.entries(m.volumes).map(([k, v]) => [k, v.received])))).toBe(t.tickets);
      expect(m.volumes.Email!.received).toBe(count(t, 'byChannel', 'Email', 'Portal'));
      // "returns, billing" counts under both (and "billing,refund" too, refund becoming a reason of its
      // own): the sum exceeds the contacts.
      expect(sum(m.reasons)).toBe(
        2 * count(t, 'byTags', 'billing,refund', 'returns, billing') + count(t, 'byTags', 'delivery', 'account', ''),
      );
      const satisfied = count(t, 'bySatisfaction', 'Extremely happy', 'Happy');
      const responses = satisfied + count(t, 'bySatisfaction', 'Neutral', 'Unhappy', 'Extremely unhappy');
      expect(m.kpis.CSAT).toBe(Math.round((satisfied / responses) * 1000) / 10);
      expect(sum(m.segments)).toBe(t.tickets);
    }
  });

  it('refuses when more than 5 % of tickets would be ignored unless confirmed, and writes nothing', async () => {
    const { team, leader } = await setup();
    const file = zendeskExport(['2025-08'], 200, 3);
    const p = plan(file.text, NONE, { overrides: { channel: { WhatsApp: null, 'Twitter DM': null } } });
    expect(p.agg.stats.ignored / p.agg.stats.rows).toBeGreaterThan(0.05);
    const error = await applyTicketImport(leader, team.id, p.input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain(`${p.agg.stats.ignored} of 200 tickets`);
    expect(await db.monthFigures.count({ where: { teamId: team.id } })).toBe(0);
    const confirmed = plan(file.text, NONE, {
      overrides: { channel: { WhatsApp: null, 'Twitter DM': null } },
      confirmed: true,
    });
    await applyTicketImport(leader, team.id, confirmed.input);
    expect(await db.monthFigures.count({ where: { teamId: team.id } })).toBe(1);
  });

  it('lists months with a published edition, and only the team’s leaders may import', async () => {
    const { team, leader } = await setup();
    await makeReview(db, { teamId: team.id, month: '2025-09', status: 'PUBLISHED' });
    expect((await loadTicketImportContext(leader, team.id)).published).toEqual(['2025-09']);
    const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
    const other = await makeUser(db, { role: 'LEADER', teamId: (await makeTeam(db)).id });
    const input = plan(zendeskExport(['2025-08'], 20).text, NONE).input;
    await expect(applyTicketImport(agent, team.id, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyTicketImport(other, team.id, input)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.contactReason.count({ where: { teamId: team.id } })).toBe(4);
  });
});
