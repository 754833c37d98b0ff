// A month begins at midnight in the team's zone (its own, else APP_TIME_ZONE): tested at the turn
// of a month in three zones, through the one write every form, import and API call goes through.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeTeam, makeUser } from '../../prisma/factories';
import { ValidationError } from '../errors';
import { loadCatalog, writeMonthTx } from './figures';
import { currentMonth } from '../dates/month';

async function teamIn(timeZone: string | null) {
  const team = await makeTeam(db);
  if (timeZone) await db.team.update({ where: { id: team.id }, data: { timeZone } });
  await makeCatalog(db, team.id);
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const catalog = await loadCatalog(db, team.id);
  const phone = catalog.channels.find((c) => c.name === 'Phone')!.id;
  const write = (month: string) =>
    db.$transaction((tx) =>
      writeMonthTx(tx, {
        actor: leader,
        teamId: team.id,
        month,
        change: {
          volumes: { [phone]: { received: 10, handled: 10 } },
          reasons: {},
          segments: {},
          kpis: {},
          note: null,
        },
        mode: 'merge',
        catalog,
        source: 'test',
      }),
    );
  return { team, write };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the month a team may enter follows its time zone', () => {
  it('a Sydney team enters November on the morning of 1 November, while UTC is still in October', async () => {
    const sydney = await teamIn('Australia/Sydney');
    const utc = await teamIn('UTC');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-31T21:30:00Z')); // 08:30 on 1 Nov in Sydney
    expect((await sydney.write('2026-11')).outcome).toBe('new');
    await expect(utc.write('2026-11')).rejects.toBeInstanceOf(ValidationError);
    expect(await db.monthFigures.count({ where: { teamId: utc.team.id } })).toBe(0);
  });

  it('a Los Angeles team cannot enter December while it is still 30 November there', async () => {
    const la = await teamIn('America/Los_Angeles');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T05:00:00Z')); // 21:00 on 30 Nov in Los Angeles
    const refused = await la.write('2026-12').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.month?.[0]).toMatch(/has not started yet in America\/Los_Angeles/);
    expect((await la.write('2026-11')).outcome).toBe('new');
    vi.setSystemTime(new Date('2026-12-01T08:00:00Z')); // midnight in Los Angeles
    expect((await la.write('2026-12')).outcome).toBe('new');
  });

  it('a team without its own zone follows the organisation’s (UTC unless APP_TIME_ZONE says otherwise)', async () => {
    const plain = await teamIn(null);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T23:59:59Z'));
    expect(currentMonth()).toBe('2026-12');
    await expect(plain.write('2027-01')).rejects.toBeInstanceOf(ValidationError);
    vi.setSystemTime(new Date('2027-01-01T00:00:00Z'));
    expect(currentMonth()).toBe('2027-01');
    expect((await plain.write('2027-01')).outcome).toBe('new');
    expect(currentMonth(new Date('2026-10-31T21:30:00Z'), 'Australia/Sydney')).toBe('2026-11');
  });
});
