// Hostile input at the library layer: every case asserts the refusal (or the documented outcome)
// AND that no row changed. The HTTP side (API, query strings, server actions) is in
// e2e/hostile-input.spec.ts.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { db } from './db';
import { makeCatalog, makeQuote, makeTeam, makeUser } from '../prisma/factories';
import { foreignActionOrigin } from './action-origin';
import { hasControlCharacter, safeCallbackUrl } from './callback-url';
import { kpiFormSchema } from './team-settings/kpi-schemas';
import { ConflictError, ValidationError } from './errors';
import { loadCatalog, writeMonthTx } from './figures/figures';
import { addMonths, currentMonth, monthSchema } from './dates/month';
import { trendCsv } from './trends/trends';
import { parseMonthForm } from './figures/month-form';
import { formatMonthlyCsv, parseMonthlyCsv } from './figures/monthly-csv';
import { MonthConflictError, saveMonthFromForm } from './figures/month-save';
import { exportMonthlyCsv } from './figures/export';
import { previewMonthlyImport } from './figures/monthly-import';
import { listWall, submitQuote, PENDING_QUOTES_PER_DAY } from './quotes/quotes';
import { submitQuoteSchema } from './quotes/schemas';
import { parseCursor } from './quotes/wall-query';
import { featuredFrom } from './publishing/schemas';
import { addListItem } from './team-settings/lists';
import { createTeamSchema } from './teams/schemas';
import { monthWindow, trendsQuerySchema } from './trends/query';
import { createUserSchema } from './users/schemas';
import { createWin } from './wins/wins';
import { createWinSchema } from './wins/schemas';

const NOW = new Date('2026-11-15T12:00:00Z');

/** Row counts of everything these cases could write; compared before and after each refusal. */
async function rows(teamId?: string) {
  const where = teamId ? { teamId } : {};
  return {
    months: await db.monthFigures.count({ where }),
    volumes: await db.channelVolume.count({ where }),
    kpis: await db.kpiValue.count({ where }),
    channels: await db.channel.count({ where }),
    quotes: await db.quote.count({ where }),
    wins: await db.win.count({ where }),
    audit: await db.auditEvent.count(),
  };
}

async function leaderTeam() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const catalog = await loadCatalog(db, team.id);
  const byName = (list: { id: string; name: string }[], name: string) => list.find((i) => i.name === name)!.id;
  return { team, leader, catalog, phone: byName(catalog.channels, 'Phone'), csat: byName(catalog.kpis, 'CSAT') };
}

describe('months outside 2000-01 … this month', () => {
  const schema = monthSchema(() => NOW);
  it.each(['0000-01', '1000-01', '1999-12', '2026-12', '9999-12', '2026-13', '26-01', ''])('refuses %j', (month) => {
    expect(schema.safeParse(month).success).toBe(false);
  });

  it('accepts 2000-01 and the current month', () => {
    expect(schema.safeParse('2000-01').success).toBe(true);
    expect(schema.safeParse('2026-11').success).toBe(true);
  });

  it('refuses impossible months in a CSV import, writing nothing', async () => {
    const s = await leaderTeam();
    const before = await rows(s.team.id);
    const preview = await previewMonthlyImport(
      s.leader,
      s.team.id,
      'month,kind,item,value\n0000-01,received,Phone,10\n1000-01,kpi,CSAT,90\n',
    );
    expect(preview.problems.map((p) => p.message).join(' ')).toMatch(/0000-01/);
    expect(preview.problems).toHaveLength(2);
    expect(await rows(s.team.id)).toEqual(before);
  });

  it('clamps a custom trends range to months that can exist', () => {
    const q = trendsQuerySchema.parse({ range: 'custom', from: '0000-01', to: '9999-12' });
    // Years outside 2000–2999 are not months at all: the range falls back to the last 12 months.
    expect(q.from).toBeUndefined();
    expect(monthWindow(q, null, NOW)).toEqual({ from: '2025-11', to: '2026-10' });
    const wide = trendsQuerySchema.parse({ range: 'custom', from: '2000-01', to: '2999-12' });
    expect(monthWindow(wide, null, NOW)).toEqual({ from: '2000-01', to: '2026-10' });
    // Months before the team's first figures would be empty rows: the span starts at them.
    expect(monthWindow(wide, '2021-03', NOW)).toEqual({ from: '2021-03', to: '2026-10' });
    const before = trendsQuerySchema.parse({ range: 'custom', from: '2001-01', to: '2002-12' });
    expect(monthWindow(before, '2021-03', NOW)).toEqual({ from: '2001-01', to: '2002-12' });
  });
});

describe('figures that do not fit or are not decimals', () => {
  it.each([
    ['received', '9999999999', /more than 1,000,000,000/],
    ['received', '1e3', /whole number/],
    ['received', '-5', /whole number/],
    ['kpi', '0x10', /number like 91.5/],
    ['kpi', '1e3', /number like 91.5/],
    ['kpi', 'Infinity', /number like 91.5/],
    ['kpi', '12345678901', /number like 91.5|more than/],
  ])('the month form refuses %s = %j and saves nothing', async (kind, value, message) => {
    const s = await leaderTeam();
    const before = await rows(s.team.id);
    const field = kind === 'kpi' ? `kpi:${s.csat}` : `received:${s.phone}`;
    const values = kind === 'kpi' ? { [field]: value } : { [field]: value, [`handled:${s.phone}`]: '1' };
    expect(parseMonthForm(values, s.catalog).fieldErrors[field]?.[0]).toMatch(message);
    await expect(saveMonthFromForm(s.leader, s.team.id, '2026-01', 0, values)).rejects.toBeInstanceOf(ValidationError);
    expect(await rows(s.team.id)).toEqual(before);
  });

  it.each(['0x10', '1e3', '9999999999', 'Infinity'])('a CSV import refuses the value %j', async (value) => {
    const s = await leaderTeam();
    const before = await rows(s.team.id);
    const preview = await previewMonthlyImport(
      s.leader,
      s.team.id,
      `month,kind,item,value\n2026-01,kpi,CSAT,${value}\n`,
    );
    expect(preview.problems).toHaveLength(1);
    expect(await rows(s.team.id)).toEqual(before);
  });

  it('parses 0x10 as a problem, not as 16', () => {
    const { entries, problems } = parseMonthlyCsv('month,kind,item,value\n2026-01,kpi,CSAT,0x10\n', NOW);
    expect(entries).toHaveLength(0);
    expect(problems[0]?.message).toMatch(/not a number/);
  });
});

describe('KPI targets follow the figures’ rule', () => {
  const kpi = (unit: string, target: string) =>
    kpiFormSchema.safeParse({ name: 'Target test', unit, direction: 'HIGHER_IS_BETTER', target, decimals: '1' });
  it.each([
    ['COUNT', '1e11', /number like 91.5/],
    ['COUNT', '100000000000', /number like 91.5/],
    ['COUNT', '1000000001', /more than 1,000,000,000/],
    ['COUNT', '0x10', /number like 91.5/],
    ['MINUTES', '1e-9', /number like 91.5/],
    ['SCORE', 'Infinity', /number like 91.5/],
    ['SCORE', '1.0000001', /number like 91.5/],
    ['PERCENT', '101', /percentage target is between 0 and 100/],
    ['MINUTES', '-5', /negative/],
  ])('a %s target of %j is refused at the field', (unit, target, message) => {
    const result = kpi(unit, target);
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors.target?.[0]).toMatch(message);
  });

  it.each([
    ['PERCENT', '92.5', 92.5],
    ['MINUTES', '7,5', 7.5],
    ['SCORE', '-2', -2],
    ['COUNT', '1000000000', 1_000_000_000],
    ['COUNT', ' ', null],
  ])('a %s target of %j is %j', (unit, target, expected) => {
    expect(kpi(unit, target)).toMatchObject({ success: true, data: { target: expected } });
  });
});

describe('CSV formula injection', () => {
  const payloads = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3'];

  it('the monthly export escapes formula-leading names and notes, and imports back unchanged', async () => {
    const s = await leaderTeam();
    await db.channel.create({
      data: { teamId: s.team.id, name: payloads[1]!, nameKey: payloads[1]!.toLowerCase(), position: 9 },
    });
    const catalog = await loadCatalog(db, s.team.id);
    const evil = catalog.channels.find((c) => c.name === payloads[1])!;
    const csv = formatMonthlyCsv(
      [
        {
          month: '2026-01',
          version: 1,
          updatedAt: new Date(),
          state: {
            volumes: { [evil.id]: { received: 5, handled: 4 } },
            reasons: {},
            segments: {},
            kpis: {},
            note: payloads[0]!,
          },
        } as never,
      ],
      catalog,
    );
    const cells = (parse(csv) as string[][]).flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+@]/);
    expect(cells).toContain(`'${payloads[0]}`);
    expect(cells).toContain(`'${payloads[1]}`);
    const back = parseMonthlyCsv(csv, NOW);
    expect(back.problems).toEqual([]);
    expect(back.entries.find((e) => e.kind === 'note')?.value).toBe(payloads[0]);
    expect(back.entries.find((e) => e.kind === 'received')?.item).toBe(payloads[1]);
  });

  it('the trends CSV escapes formula-leading channel names', async () => {
    const team = await makeTeam(db);
    await makeCatalog(db, team.id, { channels: [payloads[0]!, 'Phone'] });
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const catalog = await loadCatalog(db, team.id);
    const month = addMonths(currentMonth(), -1);
    const change = {
      volumes: Object.fromEntries(catalog.channels.map((c) => [c.id, { received: 10, handled: 9 }])),
      reasons: {},
      segments: {},
      kpis: {},
      note: null,
    };
    await db.$transaction((tx) =>
      writeMonthTx(tx, { actor: leader, teamId: team.id, month, change, mode: 'merge', catalog, source: 'test' }),
    );
    const result = await trendCsv(leader, trendsQuerySchema.parse({ team: team.slug, range: '12' }), 'contacts');
    const cells = (parse(result!.csv) as string[][]).flat();
    expect(cells).toContain(`'${payloads[0]}`);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+@]/);
  });

  it('an export read through the service escapes too', async () => {
    const s = await leaderTeam();
    await db.monthFigures.create({ data: { teamId: s.team.id, month: '2026-02', note: payloads[2]! } });
    const csv = await exportMonthlyCsv(s.leader, s.team.id, '2026-01', '2026-03');
    expect(csv).toContain(`'${payloads[2]}`);
    expect(csv).not.toMatch(/(^|,)@SUM/m);
  });
});

describe('quote wall cursors and limits', () => {
  it.each(['2026-99-99_abc', '0000-00-00_x', '2026-02-30_abc', "2026-01-01_x' OR 1=1", '_', 'garbage'])(
    'ignores the cursor %j (first page, no error)',
    async (cursor) => {
      expect(parseCursor(cursor)).toBeUndefined();
      const reader = await makeUser(db, { role: 'COLLEAGUE' });
      await expect(listWall(reader, { after: cursor })).resolves.toHaveProperty('quotes');
      await expect(listWall(reader, { before: cursor })).resolves.toHaveProperty('quotes');
    },
  );

  it(`refuses an agent's quote beyond ${PENDING_QUOTES_PER_DAY} pending from the last day`, async () => {
    const team = await makeTeam(db);
    const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
    await db.quote.createMany({
      data: Array.from({ length: PENDING_QUOTES_PER_DAY }, (_, i) => ({
        teamId: team.id,
        submitterId: agent.id,
        submissionKey: `flood-${i}-${Date.now()}`,
        text: `Thanks ${i}`,
        attribution: 'ANONYMOUS' as const,
        channel: 'EMAIL' as const,
        receivedOn: new Date('2026-11-01'),
      })),
    });
    const before = await rows(team.id);
    const input = submitQuoteSchema.parse({
      submissionKey: `one-more-${Date.now()}`,
      text: 'One more thank-you.',
      attribution: 'ANONYMOUS',
      channel: 'EMAIL',
      receivedOn: '2026-11-02',
      creditIds: agent.id,
    });
    const error = await submitQuote(agent, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/waiting for moderation/);
    expect(await rows(team.id)).toEqual(before);
  });
});

describe('wins are idempotent', () => {
  it('ten concurrent identical submissions record one win', async () => {
    const team = await makeTeam(db);
    const agent = await makeUser(db, { role: 'AGENT', teamId: team.id });
    const input = createWinSchema.parse({
      title: 'Backlog cleared',
      story: 'Done.',
      occurredOn: '2026-10-03',
      creditIds: agent.id,
      submissionKey: `same-${Date.now()}`,
    });
    const results = await Promise.all(Array.from({ length: 10 }, () => createWin(agent, input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.win.count({ where: { teamId: team.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'win.create', actorId: agent.id } })).toBe(1);
  });

  it('refuses a submission without its form key', () => {
    expect(
      createWinSchema.safeParse({ title: 'Backlog cleared', story: 'Done.', occurredOn: '2026-10-03', creditIds: 'x' })
        .success,
    ).toBe(false);
  });
});

describe('names that do not look like what they are', () => {
  it.each([
    ['\u200B', /Enter the person/],
    ['\u200B\u200C\uFEFF', /Enter the person/],
    ['Ann\u202Egnp.exe', /direction/],
    ['Ann\u2066Lee', /direction/],
    ['Ann\nLee', /control/],
  ])('a user name %j is refused', (name, message) => {
    const result = createUserSchema.safeParse({ name, email: 'x@example.test', role: 'EXEC', teamId: '' });
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors.name?.[0]).toMatch(message);
  });

  it('a team name with a direction override is refused; full-width letters are folded', () => {
    expect(createTeamSchema.safeParse({ name: 'Billing\u202E', slug: '' }).success).toBe(false);
    expect(createTeamSchema.parse({ name: 'Ｂｉｌｌｉｎｇ\u200B', slug: '' })).toEqual({
      name: 'Billing',
      slug: 'billing',
    });
  });

  it.each(['Phone\u200B', 'Ｐｈｏｎｅ', ' phone ', 'P\u00ADhone'])(
    'the list item %j meets "Phone" as a duplicate and adds nothing',
    async (raw) => {
      const s = await leaderTeam();
      const { nameField } = await import('./names');
      const name = nameField({ max: 80, empty: 'Enter a name.', tooLong: 'Too long' }).parse(raw);
      const before = await rows(s.team.id);
      await expect(addListItem(s.leader, s.team.id, 'channel', name)).rejects.toBeInstanceOf(ValidationError);
      expect(await rows(s.team.id)).toEqual(before);
    },
  );
});

describe('callback URLs after sign-in', () => {
  const base = 'https://review.example.com';
  it.each([
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '//evil.example',
    '///evil.example',
    '/.//evil.example',
    'https://evil.example/',
    'https://review.example.com.evil.example/',
    'javascript:alert(1)',
    '/é',
    '/\u2028x',
    ' /reviews',
  ])('%j goes to "/"', (value) => {
    expect(safeCallbackUrl(value, base)).toBe('/');
  });

  it.each([
    ['/reviews/customer-care/2026-10?x=1#thanks', '/reviews/customer-care/2026-10?x=1#thanks'],
    ['/%09/evil.example', '/%09/evil.example'],
    ['https://review.example.com/trends', '/trends'],
    ['/a/../b', '/b'],
  ])('%j stays on the site as %j', (value, expected) => {
    expect(safeCallbackUrl(value, base)).toBe(expected);
  });
});

describe('control characters in Auth.js URLs', () => {
  it.each([
    '/api/auth/error?error=%01',
    '/api/auth/error?error=%7f',
    '/api/auth/signin?callbackUrl=%2F%0A',
    '/x\u0000',
    '/a%1Fb',
  ])('%j holds one', (url) => expect(hasControlCharacter(url)).toBe(true));
  it.each([
    '/api/auth/session',
    '/api/auth/signin?callbackUrl=%2Ftrends%3Fx%3D1',
    '/%C3%A9%E2%82%AC',
    '/%2501',
    '/%G1',
  ])('%j holds none', (url) => expect(hasControlCharacter(url)).toBe(false));
});

describe('editions and server-action origins', () => {
  it('a quote ticked twice is featured once', () => {
    const form = new FormData();
    form.append('feature:q1', 'on');
    form.append('feature:q1', 'on');
    form.append('order:q1', '1');
    form.append('feature:q2', 'on');
    form.append('order:q2', '2');
    expect(featuredFrom(form)).toEqual(['q1', 'q2']);
  });

  it.each([
    [
      {
        'next-action': 'a',
        origin: 'https://evil.example',
        host: 'review.example.com',
        'x-forwarded-host': 'evil.example',
      },
      undefined,
      'https://evil.example',
    ],
    [
      {
        'next-action': 'a',
        origin: 'https://evil.example',
        host: 'review.example.com',
        'x-forwarded-host': 'evil.example',
      },
      'https://review.example.com',
      'https://evil.example',
    ],
    [
      { 'next-action': 'a', origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
      'https://review.example.com',
      null,
    ],
    [{ 'next-action': 'a', origin: 'null', host: 'review.example.com' }, undefined, 'null'],
    [
      {
        'next-action': 'a',
        origin: 'https://review.example.com',
        host: '127.0.0.1:3000',
        'x-forwarded-host': 'review.example.com',
      },
      'https://review.example.com',
      null,
    ],
    [{ 'next-action': 'a', origin: 'http://127.0.0.1:3100', host: '127.0.0.1:3100' }, undefined, null],
    [{ origin: 'https://evil.example', host: 'review.example.com' }, undefined, null],
  ])('%j with PUBLIC_URL %j → refused origin %j', (headers, publicUrl, expected) => {
    expect(foreignActionOrigin(new Headers(headers as Record<string, string>), publicUrl)).toBe(expected);
  });
});

describe('stored data cannot break pages', () => {
  it('a month stored before the range rule (0000-01) does not break the quote wall or trends windows', async () => {
    const s = await leaderTeam();
    await db.monthFigures.create({ data: { teamId: s.team.id, month: '0000-01' } });
    const q = trendsQuerySchema.parse({ range: 'all' });
    expect(monthWindow(q, '0000-01', NOW)).toEqual({ from: '2000-01', to: '2026-10' });
    await makeQuote(db, { teamId: s.team.id, submitterId: s.leader.id, status: 'APPROVED' });
    await expect(listWall(s.leader, {})).resolves.toHaveProperty('quotes');
  });

  it('saving a month with a stale version is refused with nothing written', async () => {
    const s = await leaderTeam();
    await saveMonthFromForm(s.leader, s.team.id, '2026-03', 0, {
      [`received:${s.phone}`]: '10',
      [`handled:${s.phone}`]: '9',
    });
    const before = await rows(s.team.id);
    await expect(
      saveMonthFromForm(s.leader, s.team.id, '2026-03', 0, {
        [`received:${s.phone}`]: '11',
        [`handled:${s.phone}`]: '9',
      }),
    ).rejects.toBeInstanceOf(MonthConflictError);
    expect(await rows(s.team.id)).toEqual(before);
  });
});
