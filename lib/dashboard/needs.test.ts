import { describe, expect, it } from 'vitest';
import { sessionCookieFor } from '../../scripts/testing/session-cookie';
import { db } from '../db';
import { makeCatalog, makeQuote, makeTeam, makeUser } from '../../prisma/factories';
import { addMonths, currentMonth } from '../dates/month';
import { loadCatalog, writeMonthTx } from '../figures/figures';
import { listPublishedDrift } from '../editions/drift';
import { bumpDashboardGeneration } from '../expiry/generation';
import { keptPagePath } from '../kept/gate';
import { listUncreditedTeammates } from '../profiles/recognition';
import { publishReview, startReview } from '../publishing/reviews';
import { approveQuote, countPendingQuotes, submitQuote } from '../quotes/quotes';
import { submitQuoteSchema } from '../quotes/schemas';
import { getDashboardNeeds } from './dashboard';
import { segmentNeeds, type DashboardNeeds } from './needs';

const MONTH = addMonths(currentMonth(), -1);

async function setup() {
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, { kpis: [{ name: 'CSAT', unit: 'PERCENT', target: 90 }] });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id, name: 'Lead One' });
  const agent = await makeUser(db, { role: 'AGENT', teamId: team.id, name: 'Agent Ada' });
  const catalog = await loadCatalog(db, team.id);
  const csat = catalog.kpis[0]!.id;
  const write = (value: number) =>
    db.$transaction((tx) =>
      writeMonthTx(tx, {
        actor: leader,
        teamId: team.id,
        month: MONTH,
        change: { volumes: {}, reasons: {}, segments: {}, kpis: { [csat]: value } },
        mode: 'merge',
        catalog,
        source: 'test',
      }),
    );
  const cookie = await sessionCookieFor(leader);
  /** Where the gate sends the leader's `GET /`, without the version (the minute may turn meanwhile). */
  const home = async () => {
    const path = await keptPagePath(cookie, '/', '');
    return path?.replace(/^\/kept\/dashboard\/[^/]+\//, '/kept/dashboard/V/') ?? null;
  };
  const needsOf = (path: string | null): DashboardNeeds => segmentNeeds(path!.split('/').at(-1)!);
  return { team: { id: team.id, name: team.name, slug: team.slug }, leader, agent, write, home, needsOf };
}

describe("the leader's home page, kept and named after their to-do", () => {
  it('names another page after every write that changes "Needs you", and the same page otherwise', async () => {
    const s = await setup();
    let last: string | null = null;
    /** The page now: a kept one, not the one named before the write, and what the dynamic page shows. */
    const next = async () => {
      const path = await s.home();
      expect(path).toMatch(new RegExp(`^/kept/dashboard/V/${s.team.id}/[A-Za-z0-9_-]+$`));
      expect(path).not.toBe(last);
      last = path;
      // Nothing written: the same page again.
      expect(await s.home()).toBe(path);
      const needs = s.needsOf(path);
      expect(await getDashboardNeeds(s.leader)).toEqual(needs);
      // The same rules as the lib reads they stand for.
      expect(needs.pendingQuotes).toBe(await countPendingQuotes(s.leader));
      expect(needs.uncredited).toEqual(await listUncreditedTeammates(s.leader));
      expect(needs.drifts).toEqual(await listPublishedDrift(s.leader, [s.team.id]));
      return needs;
    };

    let needs = await next();
    expect(needs.missingFigures).toEqual([{ team: s.team.name, slug: s.team.slug, month: MONTH }]);
    expect(needs.editions).toEqual([{ team: s.team.name, slug: s.team.slug, month: MONTH, status: 'none' }]);
    expect(needs.uncredited).toEqual([{ id: s.agent.id, name: 'Agent Ada' }]);

    // An agent submits a quote: one to moderate.
    const { id: quoteId } = await submitQuote(
      s.agent,
      submitQuoteSchema.parse({
        submissionKey: `needs-${s.team.id}`,
        text: 'Ada sorted my refund in five minutes.',
        attribution: 'ANONYMOUS',
        channel: 'EMAIL',
        receivedOn: new Date().toISOString().slice(0, 10),
        creditIds: s.agent.id,
      }),
    );
    needs = await next();
    expect(needs.pendingQuotes).toBe(1);

    // The leader approves it: nothing to moderate, and Ada has been credited lately.
    await approveQuote(s.leader, { quoteId, pullQuote: '' });
    // (Its action raises the generation, as every write to what the kept pages show does.)
    bumpDashboardGeneration();
    needs = await next();
    expect(needs.pendingQuotes).toBe(0);
    expect(needs.uncredited).toEqual([]);

    // The month's figures arrive.
    await s.write(88);
    needs = await next();
    expect(needs.missingFigures).toEqual([]);

    // A draft, then the edition published.
    await startReview(s.leader, s.team, MONTH);
    needs = await next();
    expect(needs.editions[0]?.status).toBe('DRAFT');
    const fields = {
      version: 1,
      title: 'The month',
      highlights: 'Our words.',
      asks: '',
      distribution: '',
      featured: [],
    };
    await publishReview(s.leader, s.team, MONTH, fields, '');
    needs = await next();
    expect(needs.editions[0]?.status).toBe('PUBLISHED');
    const published = last;

    // Figures corrected under the published edition: the dynamic page compares them first (the
    // gate leaves that to it), then the kept page names the drift.
    await s.write(86);
    expect(await s.home()).toBeNull();
    await getDashboardNeeds(s.leader);
    needs = await next();
    expect(needs.drifts).toMatchObject([
      { month: MONTH, changes: [{ label: 'CSAT', before: '88.0%', after: '86.0%' }] },
    ]);

    // A correction publishes them: no drift left.
    await publishReview(s.leader, s.team, MONTH, { ...fields, version: 2 }, 'CSAT corrected.');
    needs = await next();
    expect(needs.drifts).toEqual([]);
    // The same to-do as before the figures changed: the same page, shared.
    expect(last).toBe(published);
  });

  it("gives each leader their own to-do, and an admin every team's", async () => {
    const s = await setup();
    const other = await makeUser(db, { role: 'LEADER', teamId: s.team.id, name: 'Lead Two' });
    // Each leader is told about the other, never about themselves.
    expect(s.needsOf(await s.home()).uncredited.map((u) => u.name)).toEqual(['Agent Ada', 'Lead Two']);
    const theirs = await keptPagePath(await sessionCookieFor(other), '/', '');
    expect(s.needsOf(theirs).uncredited.map((u) => u.name)).toEqual(['Agent Ada', 'Lead One']);

    const admin = await sessionCookieFor(await makeUser(db, { role: 'ADMIN' }));
    const before = await keptPagePath(admin, '/', '');
    expect(before).toMatch(/^\/kept\/dashboard\/[^/]+\/all\/[A-Za-z0-9_-]+$/);
    const adminNeeds = s.needsOf(before);
    expect(adminNeeds.missingFigures.map((m) => m.slug)).toContain(s.team.slug);
    expect(adminNeeds.pendingQuotes).toBe(0);
    expect(adminNeeds.uncredited).toEqual([]);
    await s.write(90);
    const after = await keptPagePath(admin, '/', '');
    expect(s.needsOf(after).missingFigures.map((m) => m.slug)).not.toContain(s.team.slug);
  });

  it('keeps "not credited lately" per generation: a moderation through the app shows at once', async () => {
    const s = await setup();
    expect(s.needsOf(await s.home()).uncredited.map((u) => u.name)).toEqual(['Agent Ada']);
    await makeQuote(db, { teamId: s.team.id, submitterId: s.agent.id, status: 'APPROVED', creditIds: [s.agent.id] });
    // Written without raising the generation (a script), it would show when the minute turns; raised
    // (every action that approves, credits or records a win does), it shows at once.
    bumpDashboardGeneration();
    expect(s.needsOf(await s.home()).uncredited).toEqual([]);
  });

  it('refuses an address the gate could not have written', () => {
    expect(() => segmentNeeds(Buffer.from('{"pendingQuotes":-1}').toString('base64url'))).toThrow();
    expect(() => segmentNeeds('not-json')).toThrow();
  });
});
