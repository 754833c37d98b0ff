import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeQuote, makeReview, makeTeam, makeUser, makeWin } from '../../prisma/factories';
import { ForbiddenError, ValidationError } from '../errors';
import { loadCatalog, writeMonthTx } from '../figures/figures';
import type { MonthChange } from '../figures/state';
import { formatMetric } from '../editions/content';
import { renderEditionEmail } from '../editions/email-render';
import { listArchive, readEdition, thankReview } from '../readership/readers';
import { publishReview, ReviewConflictError, saveReview, startReview } from '../publishing/reviews';
import { listPublishedDrift } from '../editions/drift';
import { getReach } from '../readership/reach';
import { chartTable } from '../trends/charts';
import { listYearReviewChoices, startYearReview } from './year-review';

// 2025 with July missing; 2024 complete. Phone grows 10 a month, chat is flat.
const PHONE = (m: number) => 1000 + m * 10;
const CHAT = 200;
const CSAT_2025 = [88, 91, 92, 89, 90, 93, 0, 91, 87, 90, 92, 94]; // July (index 6) has no figures
const BACKLOG_2025 = [140, 120, 110, 100, 90, 95, 0, 80, 85, 70, 75, 60];

async function setup() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, {
    channels: ['Phone', 'Chat'],
    kpis: [
      { name: 'CSAT', unit: 'PERCENT', target: 90 },
      { name: 'Backlog', unit: 'COUNT', direction: 'LOWER_IS_BETTER', target: 100 },
    ],
  });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id, name: 'Lead Year' });
  const zoe = await makeUser(db, { role: 'AGENT', teamId: team.id, name: 'Zoe Adams' });
  const adam = await makeUser(db, { role: 'AGENT', teamId: team.id, name: 'adam Brown' });
  const chloe = await makeUser(db, { role: 'AGENT', teamId: team.id, name: 'Chloé Ng' });
  const outsider = await makeUser(db, { role: 'AGENT', teamId: team.id, name: 'Only Pending' });
  const catalog = await loadCatalog(db, team.id);
  const id = (list: { id: string; name: string }[], name: string) => list.find((i) => i.name === name)!.id;
  const ids = {
    phone: id(catalog.channels, 'Phone'),
    chat: id(catalog.channels, 'Chat'),
    csat: id(catalog.kpis, 'CSAT'),
    backlog: id(catalog.kpis, 'Backlog'),
  };
  const write = (month: string, phone: number, csat: number, backlog: number) => {
    const change: MonthChange = {
      volumes: { [ids.phone]: { received: phone, handled: phone }, [ids.chat]: { received: CHAT, handled: CHAT } },
      reasons: {},
      segments: {},
      kpis: { [ids.csat]: csat, [ids.backlog]: backlog },
    };
    return db.$transaction((tx) =>
      writeMonthTx(tx, { actor: leader, teamId: team.id, month, change, mode: 'replace', catalog, source: 'test' }),
    );
  };
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    await write(`2024-${mm}`, 900, 85, 150);
    if (m !== 7) await write(`2025-${mm}`, PHONE(m), CSAT_2025[m - 1]!, BACKLOG_2025[m - 1]!);
  }
  return { team: { id: team.id, name: team.name, slug: team.slug }, leader, zoe, adam, chloe, outsider, ids, write };
}

async function thank(reviewId: string, teamId: string, count: number) {
  for (let i = 0; i < count; i++) {
    const user = await makeUser(db, { role: 'COLLEAGUE' });
    await db.reviewThanks.create({ data: { teamId, reviewId, userId: user.id } });
  }
}

const yearFields = (version: number, featured: string[] = []) => ({
  version,
  title: 'Our 2025',
  highlights: 'A year to remember.',
  asks: '',
  distribution: '',
  featured,
});

describe('the year in review', () => {
  it('freezes the year: months that sum to the total, KPIs against targets, thanked editions, outcomes and credits', async () => {
    const s = await setup();
    const quote = await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.zoe.id,
      status: 'APPROVED',
      receivedOn: new Date('2025-03-04'),
      pullQuote: 'Best service all year',
      creditIds: [s.zoe.id],
    });
    await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.outsider.id,
      status: 'PENDING',
      receivedOn: new Date('2025-05-04'),
      creditIds: [s.outsider.id],
    });
    await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.outsider.id,
      status: 'APPROVED',
      receivedOn: new Date('2024-12-30'),
      creditIds: [s.outsider.id],
    });
    const win = await makeWin(db, {
      teamId: s.team.id,
      recordedById: s.adam.id,
      occurredOn: new Date('2025-09-10'),
      title: 'Chat wait halved',
      creditIds: [s.adam.id, s.chloe.id],
    });
    const deleted = await makeWin(db, {
      teamId: s.team.id,
      recordedById: s.outsider.id,
      occurredOn: new Date('2025-10-10'),
      creditIds: [s.outsider.id],
    });
    await db.win.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const outcome = (occurredOn: string, text: string, deletedAt: Date | null = null) =>
      db.outcome.create({
        data: { teamId: s.team.id, kind: 'PROJECT_FUNDED', occurredOn: new Date(occurredOn), text, deletedAt },
      });
    await outcome('2025-11-02', 'Self-service portal funded');
    await outcome('2025-04-15', 'Consulted on the new invoice');
    await outcome('2025-06-01', 'Withdrawn outcome', new Date());
    await outcome('2024-06-01', 'Last year’s outcome');
    // Monthly editions of 2025 with thanks; one of 2024 thanked more, which is not this year's.
    const march = await makeReview(db, { teamId: s.team.id, month: '2025-03', status: 'PUBLISHED', title: 'March' });
    const june = await makeReview(db, { teamId: s.team.id, month: '2025-06', status: 'PUBLISHED', title: 'June' });
    const sept = await makeReview(db, { teamId: s.team.id, month: '2025-09', status: 'PUBLISHED', title: 'Sept' });
    const oct = await makeReview(db, { teamId: s.team.id, month: '2025-10', status: 'PUBLISHED', title: 'Oct' });
    const old = await makeReview(db, { teamId: s.team.id, month: '2024-11', status: 'PUBLISHED', title: 'Old' });
    await thank(march.id, s.team.id, 2);
    await thank(june.id, s.team.id, 5);
    await thank(sept.id, s.team.id, 3);
    await thank(oct.id, s.team.id, 1);
    await thank(old.id, s.team.id, 9);

    const started = await startYearReview(s.leader, s.team, '2025');
    expect(started).toMatchObject({ month: '2025', status: 'DRAFT' });
    // Starting again returns the same draft; monthly editions are untouched.
    expect((await startYearReview(s.leader, s.team, '2025')).id).toBe(started.id);
    const draft = await db.review.findUniqueOrThrow({ where: { id: started.id }, include: { quotes: true } });
    expect(draft.kind).toBe('YEAR');
    expect(draft.title).toBe(`${s.team.name}: 2025 in review`);
    expect(draft.quotes.map((q) => q.quoteId)).toEqual([quote.id]);

    const published = await publishReview(
      s.leader,
      s.team,
      '2025',
      { ...yearFields(1, [quote.id]), highlights: draft.highlights },
      '',
    );
    expect(published).toMatchObject({ revision: 1 });
    const colleague = await makeUser(db, { role: 'COLLEAGUE' });
    const edition = await readEdition(colleague, s.team.slug, '2025');
    const year = edition.snapshot.year!;
    expect(year.year).toBe('2025');

    // Twelve months, July a gap (never 0); the parts sum to the total, and the chart table agrees.
    expect(year.months).toHaveLength(12);
    expect(year.months[6]).toEqual({ month: '2025-07', contacts: null });
    const expected = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12].reduce((a, m) => a + PHONE(m) + CHAT, 0);
    expect(year.total).toBe(expected);
    expect(year.months.reduce((a, m) => a + (m.contacts ?? 0), 0)).toBe(year.total);
    const contacts = year.charts.find((c) => c.id === 'contacts')!;
    const table = chartTable(contacts);
    const totalColumn = table.header.indexOf('Total');
    expect(table.rows).toHaveLength(12);
    expect(table.rows.reduce((a, r) => a + Number(r[totalColumn] ?? 0), 0)).toBe(year.total);
    expect(year.lastYearTotal).toBe(12 * (900 + CHAT));
    expect(edition.snapshot.content.total).toMatchObject({ value: year.total, lastYear: year.lastYearTotal });

    // CSAT: the average of the 11 months with a value; Backlog: the year's last value.
    const csat = year.kpis.find((k) => k.label === 'CSAT')!;
    const present = CSAT_2025.filter((_, i) => i !== 6);
    expect(csat).toMatchObject({ method: 'average', monthsWithValue: 11, target: 90 });
    expect(csat.value).toBeCloseTo(present.reduce((a, b) => a + b, 0) / 11, 2);
    expect(csat.monthsMet).toBe(present.filter((v) => v >= 90).length);
    const backlog = year.kpis.find((k) => k.label === 'Backlog')!;
    expect(backlog).toMatchObject({ method: 'last', value: 60, lastYear: 150, meetsTarget: true });
    expect(backlog.monthsMet).toBe(BACKLOG_2025.filter((v, i) => i !== 6 && v <= 100).length);

    // The three most-thanked monthly editions of the year, most first; 2024's is not this year's.
    expect(year.mostThanked).toEqual([
      { month: '2025-06', title: 'June', thanks: 5 },
      { month: '2025-09', title: 'Sept', thanks: 3 },
      { month: '2025-03', title: 'March', thanks: 2 },
    ]);
    // Outcomes of the year in date order, the deleted one and last year's left out.
    expect(year.outcomes.map((o) => o.text)).toEqual(['Consulted on the new invoice', 'Self-service portal funded']);
    // Everyone an approved quote or a live win of the year credits: alphabetical, names only.
    expect(year.people.map((p) => p.name)).toEqual(['adam Brown', 'Chloé Ng', 'Zoe Adams']);
    expect(edition.snapshot.content.quotes.map((q) => q.id)).toEqual([quote.id]);
    expect(edition.snapshot.content.wins.map((w) => w.id)).toEqual([win.id]);

    // The story written from the numbers says what the table says.
    expect(draft.highlights).toContain(`**${formatMetric(year.total)} contacts**`);
    expect(draft.highlights).toContain('Figures are missing for July 2025');
    expect(draft.highlights).toContain(`on target (target 90.0%) in ${csat.monthsMet} of 11 months`);
    expect(draft.highlights).toContain('Backlog ended the year at 60');
    expect(draft.highlights).toContain('thanked the June 2025 edition most (5 thank-yous)');
    const busiest = year.months.filter((m) => m.contacts !== null).sort((a, b) => b.contacts! - a.contacts!)[0]!;
    expect(busiest.month).toBe('2025-12');
    expect(draft.highlights).toContain(`The busiest month was December 2025, with ${formatMetric(busiest.contacts)}`);

    // The email says what the page says: the year's total, every month (July without figures), the credits.
    const email = await renderEditionEmail(edition.snapshot, `https://review.example.com/reviews/${s.team.slug}/2025`);
    expect(email.subject).toBe(`${s.team.name} — 2025 year in review`);
    expect(email.text).toContain(`${formatMetric(year.total)} contacts in 2025`);
    expect(email.text).toMatch(/2025-07 +–/);
    expect(email.text).toContain('People credited this year\n\nadam Brown, Chloé Ng, Zoe Adams');
    expect(email.text).toContain('Self-service portal funded');
    expect(email.text).not.toMatch(/Withdrawn outcome|Only Pending|vs last month/);
    expect(email.html).toContain('Best service all year');

    // Read, thanked and listed apart in the archive, like any edition.
    await thankReview(colleague, edition.id, 'What a year');
    const archive = await listArchive(colleague);
    expect(archive.find((e) => e.id === edition.id)).toMatchObject({ kind: 'YEAR', month: '2025', thanks: 1 });
    // Two years of figures, a publish and an email: slow on a shared two-core machine.
  }, 90_000);

  it('saves with the version check and publishes corrections as revisions', async () => {
    const s = await setup();
    await startYearReview(s.leader, s.team, '2025');
    await saveReview(s.leader, s.team, '2025', yearFields(1));
    await expect(saveReview(s.leader, s.team, '2025', yearFields(1))).rejects.toBeInstanceOf(ReviewConflictError);
    await publishReview(s.leader, s.team, '2025', yearFields(2), '');
    await expect(publishReview(s.leader, s.team, '2025', yearFields(3), '')).rejects.toBeInstanceOf(ValidationError);
    const corrected = await publishReview(s.leader, s.team, '2025', yearFields(3), 'Spelling');
    expect(corrected.revision).toBe(2);
    // A quote of another year cannot be featured.
    const other = await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.zoe.id,
      status: 'APPROVED',
      receivedOn: new Date('2024-03-04'),
    });
    await expect(saveReview(s.leader, s.team, '2025', yearFields(4, [other.id]))).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('is refused to agents, other teams’ leaders, future years and years without figures', async () => {
    const s = await setup();
    const elsewhere = await makeTeam(db);
    const otherLeader = await makeUser(db, { role: 'LEADER', teamId: elsewhere.id });
    const exec = await makeUser(db, { role: 'EXEC' });
    for (const actor of [s.zoe, otherLeader, exec]) {
      await expect(startYearReview(actor, s.team, '2025')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listYearReviewChoices(actor, s.team)).rejects.toBeInstanceOf(ForbiddenError);
    }
    const next = String(new Date().getUTCFullYear() + 1);
    await expect(startYearReview(s.leader, s.team, next)).rejects.toBeInstanceOf(ValidationError);
    await expect(startYearReview(s.leader, s.team, '2019')).rejects.toBeInstanceOf(ValidationError);
    await expect(startYearReview(s.leader, s.team, '25')).rejects.toBeInstanceOf(ValidationError);
    expect(await db.review.count({ where: { teamId: s.team.id } })).toBe(0);
    // The current year and the past years with figures are offered, newest first.
    const choices = await listYearReviewChoices(s.leader, s.team);
    expect(choices.map((c) => c.year)).toEqual([String(new Date().getUTCFullYear()), '2025', '2024']);
    // A draft is not readable.
    await startYearReview(s.leader, s.team, '2025');
    await expect(readEdition(s.zoe, s.team.slug, '2025')).rejects.toThrow();
  });

  it('leaves monthly editions alone: drift and reach keep to the months', async () => {
    const s = await setup();
    await startReview(s.leader, s.team, '2025-12');
    await publishReview(s.leader, s.team, '2025-12', { ...yearFields(1), title: 'December' }, '');
    await startYearReview(s.leader, s.team, '2025');
    await publishReview(s.leader, s.team, '2025', yearFields(1), '');
    // Figures of the year change after both were published: only the month is said to drift.
    await s.write('2025-12', 5000, 90, 60);
    const drift = await listPublishedDrift(s.leader, [s.team.id]);
    expect(drift.map((d) => d.month)).toEqual(['2025-12']);
    const reach = await getReach(s.leader, s.team.slug);
    expect(reach.editions.map((e) => e.month)).toEqual(['2025-12']);
  });
});
