import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeDepartment, makeQuote, makeTeam, makeUser } from '../../prisma/factories';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { loadCatalog, writeMonthTx } from '../figures/figures';
import { createAsk } from '../asks/asks';
import { publishReview, saveReview, startReview } from '../publishing/reviews';
import { readEdition } from '../readership/readers';
import { chatSummary, editionSections } from '../editions/sections';
import type { EditionSnapshot } from '../editions/content';
import { renderEditionEmailsUnchecked } from '../distribution/department-emails';
import { setReasonDepartments } from './links';

const REASONS = ['Delivery', 'Returns', 'Billing', 'Refunds', 'Other'];

/** A team whose Delivery and Returns are Logistics', Billing and Refunds Finance's, Other nobody's. */
async function setup() {
  const team = await makeTeam(db);
  const ref = { id: team.id, name: team.name, slug: team.slug };
  await makeCatalog(db, team.id, { reasons: REASONS, kpis: [] });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
  const catalog = await loadCatalog(db, team.id);
  const id = Object.fromEntries(catalog.reasons.map((r) => [r.name, r.id])) as Record<string, string>;
  const logistics = await makeDepartment(db, `Logistics ${team.slug}`);
  const finance = await makeDepartment(db, `Finance ${team.slug}`);
  const marketing = await makeDepartment(db, `Marketing ${team.slug}`);
  const write = (month: string, counts: number[]) =>
    db.$transaction((tx) =>
      writeMonthTx(tx, {
        actor: leader,
        teamId: team.id,
        month,
        change: {
          volumes: {},
          reasons: Object.fromEntries(REASONS.map((name, i) => [id[name]!, counts[i]!])),
          segments: {},
          kpis: {},
        },
        mode: 'replace',
        catalog,
        source: 'test',
      }),
    );
  await write('2024-05', [100, 10, 50, 5, 7]);
  await write('2025-04', [300, 20, 80, 10, 9]);
  await write('2025-05', [402, 30, 60, 12, 11]);
  return { team, ref, leader, id, logistics, finance, marketing };
}

describe('the department lens', () => {
  it('links reasons to departments for the team’s leaders only, audited, refusing unknown departments', async () => {
    const s = await setup();
    const agent = await makeUser(db, { role: 'AGENT', teamId: s.team.id });
    const otherLeader = await makeUser(db, { role: 'LEADER', teamId: (await makeTeam(db)).id });
    const link = [{ reasonId: s.id.Delivery!, departmentId: s.logistics.id }];
    await expect(setReasonDepartments(agent, s.team.id, link)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setReasonDepartments(otherLeader, s.team.id, link)).rejects.toBeInstanceOf(ForbiddenError);
    const otherTeam = await makeTeam(db);
    await makeCatalog(db, otherTeam.id, { kpis: [] });
    const foreign = await db.contactReason.findFirstOrThrow({ where: { teamId: otherTeam.id } });
    await expect(
      setReasonDepartments(s.leader, s.team.id, [{ reasonId: foreign.id, departmentId: s.logistics.id }]),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      setReasonDepartments(s.leader, s.team.id, [{ reasonId: s.id.Delivery!, departmentId: 'no-such-department' }]),
    ).rejects.toBeInstanceOf(ValidationError);

    expect(await setReasonDepartments(s.leader, s.team.id, link)).toEqual({ changed: 1 });
    expect(await setReasonDepartments(s.leader, s.team.id, link)).toEqual({ changed: 0 });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'reason.department', entityId: s.id.Delivery! },
    });
    expect(audit.actorId).toBe(s.leader.id);
    expect(audit.before).toMatchObject({ reason: 'Delivery', department: null });
    expect(audit.after).toMatchObject({ reason: 'Delivery', department: s.logistics.name });
  });

  it('freezes each department’s contacts, changes, quote, asks at publish; later links change nothing', async () => {
    const s = await setup();
    await setReasonDepartments(s.leader, s.team.id, [
      { reasonId: s.id.Delivery!, departmentId: s.logistics.id },
      { reasonId: s.id.Returns!, departmentId: s.logistics.id },
      { reasonId: s.id.Billing!, departmentId: s.finance.id },
      { reasonId: s.id.Refunds!, departmentId: s.finance.id },
    ]);
    const quote = await makeQuote(db, {
      teamId: s.team.id,
      submitterId: s.leader.id,
      status: 'APPROVED',
      attribution: 'ANONYMOUS',
      receivedOn: new Date('2025-05-10'),
      text: `The delivery came a week late ${s.team.slug}.`,
    });
    const draft = await startReview(s.leader, s.ref, '2025-05');
    await createAsk(s.leader, s.ref, '2025-05', {
      title: `Tell us before a carrier changes ${s.team.slug}`,
      departmentId: s.logistics.id,
      details: '',
    });
    const fields = {
      title: 'May',
      highlights: 'Deliveries rose.',
      asks: '',
      distribution: '',
      featured: [quote.id],
      version: draft.version,
    };
    const { version } = await saveReview(s.leader, s.ref, '2025-05', fields);
    await publishReview(s.leader, s.ref, '2025-05', { ...fields, version }, '');

    const frozen = async () =>
      (
        await db.reviewRevision.findFirstOrThrow({
          where: { reviewId: draft.id, revision: 1 },
          select: { snapshot: true },
        })
      ).snapshot as EditionSnapshot;
    const snapshot = await frozen();
    const parts = snapshot.departments ?? [];
    // Only departments owning the team's reasons; "Other" counts for nobody.
    expect(parts.map((d) => d.departmentId).sort()).toEqual([s.finance.id, s.logistics.id].sort());
    const logistics = parts.find((d) => d.departmentId === s.logistics.id)!;
    const finance = parts.find((d) => d.departmentId === s.finance.id)!;
    expect(logistics).toMatchObject({ contacts: 432, lastMonth: 320, lastYear: 110 });
    expect(logistics.reasons).toEqual([
      { name: 'Delivery', count: 402 },
      { name: 'Returns', count: 30 },
    ]);
    expect(finance).toMatchObject({ contacts: 72, lastMonth: 90, lastYear: 55 });
    // The numbers are the month's reason counts: the section's reasons equal the reasons table.
    const table = new Map(snapshot.content.reasons.map((r) => [r.name, r.count]));
    for (const d of parts) for (const r of d.reasons) expect(r.count).toBe(table.get(r.name));
    expect(logistics.quoteId).toBe(quote.id);
    expect(finance.quoteId).toBeNull();
    expect(logistics.asks).toEqual([
      expect.objectContaining({ title: `Tell us before a carrier changes ${s.team.slug}`, status: 'OPEN' }),
    ]);
    expect(finance.asks).toEqual([]);

    // A link changed after publishing leaves the published words as they were.
    await setReasonDepartments(s.leader, s.team.id, [
      { reasonId: s.id.Billing!, departmentId: s.logistics.id },
      { reasonId: s.id.Other!, departmentId: s.marketing.id },
    ]);
    expect(await frozen()).toEqual(snapshot);

    // Each reader's edition opens with their department's part; the others' are as before.
    const inLogistics = await makeUser(db, { role: 'COLLEAGUE', departmentId: s.logistics.id });
    const edition = await readEdition(inLogistics, s.team.slug, '2025-05');
    const first = editionSections(edition.snapshot, { departmentId: s.logistics.id })[0];
    expect(first?.kind).toBe('department');
    expect(first?.title).toBe(`For your department: ${s.logistics.name}`);
    const general = editionSections(edition.snapshot).map((x) => x.id);
    expect(general).not.toContain('for-your-department');
    expect(editionSections(edition.snapshot, { departmentId: s.marketing.id }).map((x) => x.id)).toEqual(general);
    expect(editionSections(edition.snapshot, { departmentId: null }).map((x) => x.id)).toEqual(general);

    // Chat posts stay general: no department's part, and none named as left out.
    const chat = JSON.stringify(chatSummary(snapshot));
    expect(chat).not.toContain('For your department');
    expect(chat).not.toContain('came from reasons');

    // The email: a department's people get their part first; the rest of the email is the general one.
    const noDepartment = await makeUser(db, { role: 'COLLEAGUE' });
    const inFinance = await makeUser(db, { role: 'COLLEAGUE', departmentId: s.finance.id });
    const renderedFor = await renderEditionEmailsUnchecked(snapshot, 'https://review.example.com/r', [
      inLogistics.email,
      inFinance.email,
      noDepartment.email,
    ]);
    const [mailL, mailF, mailN] = [inLogistics, inFinance, noDepartment].map((u) => renderedFor(u.email));
    expect(mailN!.text).not.toContain('For your department');
    expect(mailL!.text).toContain(`For your department: ${s.logistics.name}`);
    expect(mailL!.text).toContain('432 contacts this month came from reasons');
    expect(mailF!.text).toContain(`For your department: ${s.finance.name}`);
    const withoutSection = (text: string) => text.replace(/For your department:[\s\S]*?(?=The month in numbers)/, '');
    expect(withoutSection(mailL!.text)).toBe(mailN!.text);
    expect(withoutSection(mailF!.text)).toBe(mailN!.text);
  });
});
