// A year in review with tracked asks and Meet the team shows both on every face: the page (and so
// print, which is the page with print styles), the email's HTML and its text. The composer offers
// both for a year and publishing freezes them; before one edition model, the year page and email
// rendered neither.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EditionView } from '@/components/reviews/edition-view';
import { db } from '../db';
import { makeCatalog, makeDepartment, makeTeam, makeUser } from '../../prisma/factories';
import { createAsk } from '../asks/asks';
import { loadCatalog, writeMonthTx } from '../figures/figures';
import { setMeetTheTeam } from '../profiles/meet-the-team';
import { announcementFor, slackPayload, teamsPayload } from '../deliveries/messages';
import { renderEditionEmail } from '../editions/email-render';
import { readEdition } from '../readership/readers';
import { publishReview } from '../publishing/reviews';
import { editionSections } from '../editions/sections';
import { startYearReview } from './year-review';

/** The HTML from a section's mark to the next section's, as text. */
function sectionText(html: string, kind: string): string {
  const start = html.indexOf(`data-section="${kind}"`);
  expect(start, `${kind} is rendered`).toBeGreaterThan(-1);
  const end = html.indexOf('data-section="', start + 1);
  return html
    .slice(start, end === -1 ? undefined : end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('a year in review with tracked asks and Meet the team', () => {
  it('shows both on the page, in print and in both parts of the email, under the page’s headings', async () => {
    const team = await makeTeam(db);
    const ref = { id: team.id, name: team.name, slug: team.slug };
    await makeCatalog(db, team.id, { channels: ['Phone'], kpis: [] });
    const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });
    const amira = await makeUser(db, { role: 'AGENT', teamId: team.id, name: `Amira Year ${team.slug}` });
    await db.teamProfile.create({
      data: {
        userId: amira.id,
        title: 'Billing specialist',
        bio: 'I untangle invoices.',
        teamSince: new Date('2021-04-01'),
      },
    });
    const catalog = await loadCatalog(db, team.id);
    const phone = catalog.channels[0]!.id;
    for (const month of ['2025-01', '2025-02', '2025-03'])
      await db.$transaction((tx) =>
        writeMonthTx(tx, {
          actor: leader,
          teamId: team.id,
          month,
          change: { volumes: { [phone]: { received: 1000, handled: 1000 } }, reasons: {}, segments: {}, kpis: {} },
          mode: 'replace',
          catalog,
          source: 'test',
        }),
      );

    await startYearReview(leader, ref, '2025');
    const finance = await makeDepartment(db, `Finance ${team.slug}`);
    const ask = `Fund a second line for the winter ${team.slug}`;
    await createAsk(leader, ref, '2025', { title: ask, departmentId: finance.id, details: 'Two more people.' });
    await setMeetTheTeam(leader, ref, '2025', [amira.id]);
    await publishReview(
      leader,
      ref,
      '2025',
      {
        version: 1,
        title: 'Our 2025',
        highlights: 'A year to remember.',
        asks: '',
        distribution: '',
        featured: [],
      },
      '',
    );

    const reader = await makeUser(db, { role: 'COLLEAGUE' });
    const { snapshot } = await readEdition(reader, team.slug, '2025');
    const sections = editionSections(snapshot);
    const heading = (kind: string) => sections.find((s) => s.kind === kind)!.title;
    expect(sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['meetTheTeam', 'asks']));

    const page = renderToStaticMarkup(createElement(EditionView, { snapshot, zone: 'Europe/London' }));
    const email = await renderEditionEmail(snapshot, `https://review.example.com/reviews/${team.slug}/2025`);
    for (const [face, html] of [
      ['page', page],
      ['email', email.html],
    ] as const) {
      const people = sectionText(html, 'meetTheTeam');
      expect(people, `Meet the team on the ${face}`).toContain(heading('meetTheTeam'));
      expect(people, `Meet the team on the ${face}`).toContain(amira.name);
      expect(people, `Meet the team on the ${face}`).toContain('Billing specialist');
      const asks = sectionText(html, 'asks');
      expect(asks, `the asks on the ${face}`).toContain(heading('asks'));
      expect(asks, `the asks on the ${face}`).toContain(ask);
      expect(asks, `the asks on the ${face}`).toContain(finance.name);
    }
    // Print is the page with print styles: neither section is hidden from it.
    for (const kind of ['meetTheTeam', 'asks']) {
      const open = new RegExp(`<section[^>]*data-section="${kind}"[^>]*>`).exec(page)?.[0] ?? '';
      expect(open, `${kind} is a section of the page`).not.toBe('');
      expect(open, `${kind} prints`).not.toMatch(/print:hidden|hidden/);
    }
    // The text part: each under its heading, in the page's order.
    const text = email.text.replace(/\s+/g, ' ');
    for (const [kind, words] of [
      ['meetTheTeam', amira.name],
      ['asks', ask],
    ] as const) {
      const at = text.indexOf(heading(kind));
      expect(at, `${kind} heading in the text part`).toBeGreaterThan(-1);
      expect(text.indexOf(words, at), `${kind} words under their heading`).toBeGreaterThan(at);
    }
    expect(text.indexOf(heading('meetTheTeam'))).toBeLessThan(text.indexOf(heading('asks')));
    // The year is named as its page names it ("2025 year in review"), in the subject and in chat too.
    expect(page).toContain('2025 year in review');
    expect(email.subject).toBe(`${team.name} — 2025 year in review`);
    const post = announcementFor(snapshot, `https://review.example.com/reviews/${team.slug}/2025`);
    expect(slackPayload(post).text).toBe(`${team.name} · 2025 year in review: Our 2025`);
    expect(JSON.stringify(teamsPayload(post))).toContain(`${team.name} · 2025 year in review: Our 2025`);
    // Long: a year's edition is built and published, on machines that may be busy.
  }, 90_000);
});
