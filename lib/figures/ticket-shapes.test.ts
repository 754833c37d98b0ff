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
import { SPECS, truthOf } from './fixtures/truth';

// Each fixture is read from its bytes exactly as the import page reads a chosen file, every default
// accepted, imported, and the stored months compared with counts fixtures/truth.ts makes itself: its own
// decoding (Node's Buffer), its own small CSV splitter, and the lines it knows each desk writes
// before and after the tickets.

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
        ...(spec.subtotals ? { subtotal: spec.subtotals } : {}),
        ...(spec.footer ? { footer: spec.footer } : {}),
      });
      expect(truth.summaryLines).toBe(spec.subtotals ?? 0);
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
