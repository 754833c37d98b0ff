import { describe, expect, it } from 'vitest';
import { slackPayload, teamsEscape, teamsPayload, type Announcement } from './messages';

const hostile = '<!channel> <!here|x> <@U0123> & <https://evil.example|click> *b* _i_ [a](https://evil.example)';

const announcement: Announcement = {
  team: { name: `Care ${hostile}`, slug: 'care' },
  month: '2026-11',
  title: hostile,
  url: 'https://review.example.com/reviews/care/2026-11',
  headlines: [{ label: `Calls ${hostile}`, value: '1,234', change: '+4.0\u00a0pts vs last month' }],
  quote: { text: `- ${hostile}`, cite: `Customer ${hostile}` },
  test: false,
};
// The same, with the sections' chat parts an edition carries (and one it leaves out).
const withSummary: Announcement = {
  ...announcement,
  summary: {
    parts: [{ kind: 'wins', title: `Wins ${hostile}`, lines: [hostile, `- ${hostile}`] }],
    leftOut: [`Asks ${hostile}`],
  },
};

describe('announcements show what people typed, as typed', () => {
  it.each([
    ['headlines', announcement],
    ['sections', withSummary],
  ])('Slack (%s): nothing typed becomes a mention, a link or a channel ping, in `text` or any mrkdwn field', (_, a) => {
    const payload = slackPayload(a);
    const mrkdwn = payload.blocks.flatMap((b) => [
      ...('text' in b && b.text?.type === 'mrkdwn' ? [b.text.text] : []),
      ...('elements' in b && b.elements ? b.elements.map((e) => e.text) : []),
    ]);
    expect(mrkdwn.length).toBeGreaterThan(1);
    for (const text of [payload.text, ...mrkdwn]) {
      expect(text).not.toMatch(/<[!@#]/);
      expect(text).not.toContain('<https://evil');
    }
    expect(payload.text).toContain(
      '&lt;!channel&gt; &lt;!here|x&gt; &lt;@U0123&gt; &amp; &lt;https://evil.example|click&gt;',
    );
    // The link Slack shows is the edition's own, and the only one.
    expect(mrkdwn.join('\n').match(/<https?:/g)).toEqual(['<https:']);
    expect(mrkdwn.at(-1)).toBe('<https://review.example.com/reviews/care/2026-11|Read the edition>');
  });

  it.each([
    ['headlines', announcement],
    ['sections', withSummary],
  ])('Teams (%s): no HTML, mention, Markdown link or list is formed from typed text', (_, a) => {
    const card = teamsPayload(a).attachments[0]!.content;
    const texts = [
      ...card.body.flatMap((b) => ('text' in b ? [b.text] : [])),
      ...card.body.flatMap((b) => ('facts' in b ? (b.facts ?? []).flatMap((f) => [f.title, f.value]) : [])),
    ];
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const text of texts) {
      expect(text).not.toMatch(/</);
      expect(text).not.toMatch(/(^|[^\\])\[/);
      expect(text).not.toMatch(/(^|[^\\])\*/);
    }
    expect(card.body[0]).toMatchObject({ text: expect.stringContaining('&lt;!channel&gt;') });
    expect(teamsEscape('- item\n1. first\n  + more')).toBe('\\- item\n\\1. first\n  \\+ more');
  });
});
