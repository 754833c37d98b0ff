import type { ReactElement } from 'react';
import renderMarkdown, { defaultUrlTransform, type Options } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import { isSafeMarkdownUrl } from '@/lib/markdown-policy';
import { recentlyUsed } from '@/lib/recent';

const OPTIONS: Omit<Options, 'children'> = {
  rehypePlugins: [rehypeSanitize],
  urlTransform: (url) => (isSafeMarkdownUrl(url) ? defaultUrlTransform(url) : ''),
  components: {
    // Images would load third-party content into an internal page: show the alt text instead.
    img: ({ alt }) => <span>{alt}</span>,
    a: ({ href, children }) =>
      href ? (
        <a href={href} rel="noopener noreferrer nofollow">
          {children}
        </a>
      ) : (
        <span>{children}</span>
      ),
  },
};

// Parsing and sanitizing is the costly part, and the same texts (an edition's story, a win) are
// shown over and over: the rendered tree depends on nothing but the text, so recent ones are kept.
const rendered = recentlyUsed<ReactElement>(500);

/**
 * Markdown people wrote (win stories, project summaries and updates). Raw HTML is never
 * interpreted (no rehype-raw), rehype-sanitize strips anything outside GitHub's safe subset, and
 * links other than http(s), mailto and relative ones lose their address.
 */
export function Markdown({ text, className = '' }: { text: string; className?: string }) {
  return (
    <div
      className={`space-y-2 text-sm leading-relaxed text-ink [&_a]:text-accent [&_a]:underline [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc ${className}`}
    >
      {rendered.get(text) ?? rendered.set(text, renderMarkdown({ ...OPTIONS, children: text }))}
    </div>
  );
}
