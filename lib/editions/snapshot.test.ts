import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { makeCatalog, makeDepartment, makeQuote, makeTeam, makeUser, makeWin } from '../../prisma/factories';
import { createAsk } from '../asks/asks';
import { deliverDueEmails, sendTestEmail, type SmtpSettings } from '../distribution/email';
import { loadPreview } from '../publishing/pages';
import { publishReview, saveReview, startReview } from '../publishing/reviews';
import type { EditionSnapshot } from './content';
import { mailParts as partsOf, startTestSmtp, type TestSmtp } from '../../scripts/testing/smtp';

let server: TestSmtp;
let smtp: SmtpSettings;

beforeAll(async () => {
  server = await startTestSmtp();
  smtp = { host: server.host, port: server.port, secure: false, from: 'Service Review <review@example.test>' };
});

afterAll(() => server.close());

describe('one snapshot builder', () => {
  it('the test email is the real email but for its "[Test]" marking: every section, both parts', async () => {
    const team = await makeTeam(db);
    await makeCatalog(db, team.id);
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const ref = { id: team.id, name: team.name, slug: team.slug };
    const month = '2025-03';
    const quote = await makeQuote(db, {
      teamId: team.id,
      submitterId: leader.id,
      status: 'APPROVED',
      receivedOn: new Date('2025-03-04'),
      text: `Quick and kind ${team.slug}.`,
    });
    await makeWin(db, {
      teamId: team.id,
      recordedById: leader.id,
      title: `Backlog cleared ${team.slug}`,
      occurredOn: new Date('2025-03-10'),
    });
    const draft = await startReview(leader, ref, month);
    const fields = {
      title: `Same email ${team.slug}`,
      highlights: 'Calls **rose**.',
      asks: 'Tell us early.',
      distribution: leader.email,
      featured: [quote.id],
      followUps: `Billing answered ${team.slug}.`,
    };
    const { version } = await saveReview(leader, ref, month, { ...fields, version: draft.version });
    const department = await makeDepartment(db, `Finance ${team.slug}`);
    await createAsk(leader, ref, month, {
      title: `Warn us before price changes ${team.slug}`,
      departmentId: department.id,
      details: 'Two weeks.',
    });

    const preview = await loadPreview(leader, ref, month);
    await sendTestEmail(leader, ref, month, { smtp, baseUrl: 'https://review.example.com' });
    await publishReview(leader, ref, month, { ...fields, version }, '');
    await deliverDueEmails({ smtp, baseUrl: 'https://review.example.com' });

    const mine = server.messages.filter((m) => m.raw.includes(team.slug));
    expect(mine).toHaveLength(2);
    const [test, real] = mine.map(partsOf) as [ReturnType<typeof partsOf>, ReturnType<typeof partsOf>];
    expect(test.subject).toBe(`[Test] ${real.subject}`);
    // The sections the old test email lacked are in both, and the two bodies are the same.
    for (const words of [`Billing answered ${team.slug}.`, `Warn us before price changes ${team.slug}`]) {
      expect(real.html).toContain(words);
      expect(real.text).toContain(words);
    }
    expect(real.html.length).toBeGreaterThan(1000);
    expect(test.html).toBe(real.html);
    expect(test.text).toBe(real.text);

    // The preview shows what was frozen.
    const frozen = await db.reviewRevision.findFirstOrThrow({
      where: { reviewId: draft.id, revision: 1 },
      select: { snapshot: true },
    });
    expect(preview.snapshot).toEqual(frozen.snapshot as EditionSnapshot);
  });
});
