import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './monthly-csv';
import {
  aggregateTickets,
  distinctValues,
  durationSeconds,
  guessDateOrder,
  hasSlashDates,
  monthOf,
} from './ticket-export';
import { classifySatisfaction, guessColumns, guessItem, unitFromHeader } from './ticket-guess';
import { initialChoice } from './ticket-plan';

// A Zendesk-like export with what real exports contain: a BOM, ';' separators, quoted fields
// holding separators and line breaks, two date styles, clock and plain-number durations.
const EXPORT = [
  '\uFEFFTicket ID;Created at;Via;Tags;Organization;Satisfaction Score;First reply time (min);Full resolution time;Status',
  '1;2026-03-02 09:14;Phone;billing vip;"Acme; Ltd";Good;10;0:12:00;solved',
  '2;2026-03-15T11:00:00Z;Email;delivery;;Bad;30;"0:20:00";solved',
  '3;31/03/2026;Phone;"billing";;;20;;open',
  '4;01/04/2026;Chat;delivery late;"Multi\nline org";Good;5;0:06:00;closed',
  '5;2026-04-20;Fax;billing;;Good;;;solved',
  '6;;Phone;billing;;;;;solved',
  '7;2026-04-30;email;misc;;5;40;0:30:00;solved',
].join('\r\n');

describe('ticket export aggregation', () => {
  it('counts by month against hand-counted totals', () => {
    const text = EXPORT.replace(/^\uFEFF/, '');
    const rows = parse(text, {
      delimiter: detectDelimiter(text.split('\n')[0]!),
      relax_column_count: true,
    }) as string[][];
    const [header, ...data] = rows;
    const mapping = guessColumns(header!);
    expect(mapping).toEqual({
      date: 1,
      channel: 2,
      reason: 3,
      segment: 4,
      satisfaction: 5,
      firstResponse: 6,
      handleTime: 7,
      status: 8,
    });
    expect(guessDateOrder(data.map((r) => r[1]!))).toBe('DMY');
    const guessed = initialChoice('channel', distinctValues(data, 2, false), ['Phone', 'Email', 'Chat'], {});
    // Nothing is dropped by default: Fax becomes a channel of its own; here the leader ignores it.
    expect(guessed).toEqual({ Phone: 'Phone', Email: 'Email', Chat: 'Chat', Fax: 'Fax', email: 'Email' });
    const channelMap = { ...guessed, Fax: null };
    const result = aggregateTickets(data, {
      mapping,
      dateOrder: 'DMY',
      durationUnits: { firstResponse: 'minutes', handleTime: 'minutes' },
      multiTag: true,
      multiTagRule: 'first',
      satisfaction: {},
      valueMaps: {
        channel: channelMap,
        reason: { billing: 'Billing', delivery: 'Delivery', late: 'Delivery', vip: null, misc: null },
        segment: { 'Acme; Ltd': 'Business' },
      },
      kpis: {
        csat: 'CSAT',
        firstResponse: { kpi: 'FRT', unit: 'MINUTES' },
        handleTime: { kpi: 'AHT', unit: 'SECONDS' },
      },
      latestMonth: '2026-11',
    });
    // Hand count. March: #1 phone solved, #2 email solved, #3 phone open (31/03 day-first).
    // April: #4 chat closed, #5 Fax ignored, #7 email solved. #6 has no date.
    expect(result.stats).toEqual({ rows: 7, counted: 5, noDate: 1, future: 0, unmappedChannel: 1, ignored: 2 });
    expect(result.months).toEqual([
      {
        month: '2026-03',
        payload: {
          volumes: [
            { channel: 'Phone', received: 2, handled: 1 },
            { channel: 'Email', received: 1, handled: 1 },
          ],
          reasons: [
            { reason: 'Billing', count: 2 },
            { reason: 'Delivery', count: 1 },
          ],
          segments: [{ segment: 'Business', count: 1 }],
          // 1 good of 2 rated; FRT (10+30+20)/3 min; AHT (720+1200)/2 s.
          kpis: [
            { kpi: 'CSAT', value: 50 },
            { kpi: 'FRT', value: 20 },
            { kpi: 'AHT', value: 960 },
          ],
        },
        check: { contacts: 3, withReason: 3, withSegment: 1, responses: 2 },
      },
      {
        month: '2026-04',
        payload: {
          volumes: [
            { channel: 'Chat', received: 1, handled: 1 },
            { channel: 'Email', received: 1, handled: 1 },
          ],
          reasons: [{ reason: 'Delivery', count: 1 }],
          segments: [],
          // Good + 5/5 → 100 %; FRT (5+40)/2; AHT (360+1800)/2.
          kpis: [
            { kpi: 'CSAT', value: 100 },
            { kpi: 'FRT', value: 22.5 },
            { kpi: 'AHT', value: 1080 },
          ],
        },
        check: { contacts: 2, withReason: 1, withSegment: 0, responses: 2 },
      },
    ]);
  });

  it('reads the common date and duration formats', () => {
    expect(monthOf('2026-10-05', 'DMY')).toBe('2026-10');
    expect(monthOf('05/10/2026', 'DMY')).toBe('2026-10');
    expect(monthOf('05/10/2026', 'MDY')).toBe('2026-05');
    expect(monthOf('5.10.26', 'DMY')).toBe('2026-10');
    expect(monthOf('Oct 5, 2026 3:04 PM', 'MDY')).toBe('2026-10');
    expect(monthOf('5 October 2026', 'DMY')).toBe('2026-10');
    expect(monthOf('yesterday', 'DMY')).toBeNull();
    // Timestamps fall in the team's zone's month: with Z or an offset they are instants.
    expect(monthOf('2026-10-31T23:30:00Z', 'DMY')).toBe('2026-10');
    expect(monthOf('2026-10-31T23:30:00Z', 'DMY', 'Australia/Sydney')).toBe('2026-11');
    expect(monthOf('2026-11-01 01:00:00+11:00', 'DMY', 'UTC')).toBe('2026-10');
    expect(monthOf('2026-12-01T05:00:00Z', 'DMY', 'America/Los_Angeles')).toBe('2026-11');
    expect(monthOf('2026-11-01 00:30', 'DMY', 'America/Los_Angeles')).toBe('2026-11');
    expect(durationSeconds('1:02:03', 'minutes')).toBe(3723);
    expect(durationSeconds('02:03', 'minutes')).toBe(123);
    expect(durationSeconds('1,5', 'hours')).toBe(5400);
    expect(hasSlashDates(['2026-03-01', '2026-03-02T10:00:00Z'])).toBe(false);
    expect(hasSlashDates(['2026-03-01', '03/04/2026'])).toBe(true);
  });

  it('guesses columns from Zendesk, Freshdesk, Intercom, Help Scout and phone-system headers', () => {
    const zendesk = [
      'Id',
      'Requester',
      'Created at',
      'Subject',
      'Via',
      'Ticket type',
      'Tags',
      'Organization',
      'Satisfaction Score',
      'First reply time in minutes',
      'Full resolution time in minutes',
      'Status',
    ];
    expect(guessColumns(zendesk)).toEqual({
      date: 2,
      channel: 4,
      reason: 6,
      segment: 7,
      satisfaction: 8,
      firstResponse: 9,
      handleTime: 10,
      status: 11,
    });
    const freshdesk = [
      'Ticket ID',
      'Subject',
      'Status',
      'Priority',
      'Source',
      'Type',
      'Created time',
      'Resolved time',
      'Tags',
      'Company Name',
      'Survey results',
      'First response time (in hrs)',
      'Resolution time (in hrs)',
    ];
    expect(guessColumns(freshdesk)).toEqual({
      date: 6,
      channel: 4,
      reason: 8,
      segment: 9,
      satisfaction: 10,
      firstResponse: 11,
      handleTime: 12,
      status: 2,
    });
    expect(unitFromHeader('First response time (in hrs)')).toBe('hours');
    expect(unitFromHeader('First reply time in minutes')).toBe('minutes');
    expect(unitFromHeader('Talk time (sec)')).toBe('seconds');
    const helpScout = [
      'Conversation ID',
      'Created At',
      'Type',
      'Subject',
      'Tags',
      'Customer',
      'Rating',
      'First Response Time',
      'Status',
    ];
    expect(guessColumns(helpScout)).toMatchObject({
      date: 1,
      channel: 2,
      reason: 4,
      satisfaction: 6,
      firstResponse: 7,
    });
    const intercom = [
      'Conversation ID',
      'Created at',
      'Initial channel',
      'Conversation tags',
      'Company name',
      'Conversation rating',
      'Time to first response',
    ];
    expect(guessColumns(intercom)).toMatchObject({
      date: 1,
      channel: 2,
      reason: 3,
      segment: 4,
      satisfaction: 5,
      firstResponse: 6,
    });
    const phone = ['Call ID', 'Start time', 'Direction', 'Queue', 'Disposition', 'Wait time', 'Talk time'];
    expect(guessColumns(phone)).toMatchObject({ date: 1, channel: 2, reason: 4, firstResponse: 5, handleTime: 6 });
  });

  it('matches values by normalised name and synonyms', () => {
    const channels = ['Phone', 'Email', 'Chat', 'Social media'];
    expect(guessItem('channel', 'Phone call (inbound)', channels)).toBe('Phone');
    expect(guessItem('channel', 'Voice', channels)).toBe('Phone');
    expect(guessItem('channel', 'Mail', channels)).toBe('Email');
    expect(guessItem('channel', 'Web form', channels)).toBe('Email');
    expect(guessItem('channel', 'E-Mail', channels)).toBe('Email');
    expect(guessItem('channel', 'WhatsApp', channels)).toBe('Social media');
    expect(guessItem('channel', 'Twitter DM', channels)).toBe('Social media');
    expect(guessItem('channel', 'Chat', channels)).toBe('Chat');
    expect(guessItem('channel', 'Fax', channels)).toBeNull();
    expect(guessItem('reason', 'billing_invoice', ['Billing', 'Delivery'])).toBe('Billing');
    expect(guessItem('reason', 'Deliveries', ['Billing', 'Delivery'])).toBe('Delivery');
    expect(guessItem('segment', '', ['Consumers', 'Business customers'], { organisationColumn: true })).toBe(
      'Consumers',
    );
    expect(guessItem('segment', 'Acme Ltd', ['Consumers', 'Business customers'], { organisationColumn: true })).toBe(
      'Business customers',
    );
    // What the team chose before wins over the guess, an ignore included.
    expect(
      initialChoice('channel', [{ value: 'Mail' }, { value: 'Fax' }, { value: 'Voice' }], channels, {
        mail: 'Chat',
        fax: 'Phone',
        voice: null,
      }),
    ).toEqual({ Mail: 'Chat', Fax: 'Phone', Voice: null });
  });

  it('classifies satisfaction by the standard CSAT rule, neutral counting against', () => {
    expect(classifySatisfaction('Good')).toBe('satisfied');
    expect(classifySatisfaction('Good with comment')).toBe('satisfied');
    expect(classifySatisfaction('Bad')).toBe('unsatisfied');
    expect(classifySatisfaction('Offered')).toBe('none');
    expect(classifySatisfaction('Not Offered')).toBe('none');
    expect(classifySatisfaction('')).toBe('none');
    expect(classifySatisfaction('Extremely happy')).toBe('satisfied');
    expect(classifySatisfaction('Happy')).toBe('satisfied');
    expect(classifySatisfaction('Neutral')).toBe('unsatisfied');
    expect(classifySatisfaction('Unhappy')).toBe('unsatisfied');
    expect(classifySatisfaction('Not Good')).toBe('unsatisfied');
    expect(classifySatisfaction('4')).toBe('satisfied');
    expect(classifySatisfaction('3')).toBe('unsatisfied');
    expect(classifySatisfaction('9', 10)).toBe('satisfied');
    expect(classifySatisfaction('8', 10)).toBe('unsatisfied');
  });
});
