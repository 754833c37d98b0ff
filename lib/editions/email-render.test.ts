import { describe, expect, it } from 'vitest';
import { buildContent } from './content';
import { editionSubject, forRecipient, renderEditionEmail } from './email-render';

const content = buildContent({
  team: { name: 'Care', slug: 'care' },
  month: '2025-03',
  catalog: { channels: [], reasons: [], segments: [], kpis: [] },
  records: [],
  quotes: [],
  wins: [],
  updates: [],
});
const link = 'https://review.example.com/reviews/care/2025-03';

describe('the edition email', () => {
  it('follows the page’s Markdown rule in both parts: image alt text only, http(s)/mailto links, site links made absolute', async () => {
    const highlights =
      'Read **this**: ![tracker](https://evil.example/pixel.png) [ok](https://intranet.example/a) [mail](mailto:care@example.test) [sneaky](//evil.example/x) [script](javascript:alert(1)) [inside](/trends)\n\n- one\n- two';
    const { html, text } = await renderEditionEmail({ title: 'T', highlights, asks: '', content }, link);
    for (const part of [html, text]) {
      expect(part).not.toContain('evil.example');
      expect(part).not.toContain('javascript:');
    }
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://intranet.example/a">ok</a>');
    expect(html).toContain('<a href="mailto:care@example.test">mail</a>');
    expect(html).toContain('<a href="https://review.example.com/trends">inside</a>');
    expect(text).toContain(
      'Read this: tracker ok (https://intranet.example/a) mail (care@example.test) sneaky script inside (https://review.example.com/trends)',
    );
    expect(text).toContain('- one\n- two');
  });

  it('names team and month once in the subject and gives each recipient their own unsubscribe link', async () => {
    expect(editionSubject('Customer Care', '2026-11')).toBe('Customer Care — November 2026 review');
    const rendered = await renderEditionEmail(
      { title: 'Customer Care: November 2026', highlights: 'Hi', asks: '', content },
      link,
    );
    const mine = forRecipient(rendered, 'https://review.example.com/unsubscribe/abc.def');
    expect(mine.html).toContain('href="https://review.example.com/unsubscribe/abc.def"');
    expect(mine.text).toMatch(
      /To stop Care’s editions by email \(one click, no sign-in\): https:\/\/review\.example\.com\/unsubscribe\/abc\.def$/,
    );
  });
});
