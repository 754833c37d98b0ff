// Markdown people wrote, for the email: the page's rule (raw HTML ignored, the result sanitized),
// as HTML for the HTML part and as plain text from the same tree.
import type { Element, ElementContent, Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { isSafeMarkdownUrl } from '../markdown-policy';

/**
 * The page's Markdown rule, applied to the email: an image becomes its alt text (no remote
 * content, no tracking pixels), a link keeps its address only when the page would keep it, and a
 * link within the site is made absolute (a mail client has no site to resolve it against).
 */
function emailLinkPolicy(baseUrl: string) {
  const fix = (nodes: ElementContent[]): ElementContent[] =>
    nodes.map((node) => {
      if (node.type !== 'element') return node;
      if (node.tagName === 'img')
        return { type: 'text', value: typeof node.properties.alt === 'string' ? node.properties.alt : '' };
      const el: Element = { ...node, children: fix(node.children) };
      if (el.tagName === 'a') {
        const href = typeof el.properties.href === 'string' ? el.properties.href : '';
        if (!href || !isSafeMarkdownUrl(href))
          return { type: 'element', tagName: 'span', properties: {}, children: el.children };
        el.properties = { href: /^[/#]/.test(href.trim()) ? new URL(href.trim(), baseUrl).toString() : href.trim() };
      }
      return el;
    });
  return () => (tree: Root) => {
    tree.children = tree.children.map((n) => (n.type === 'element' ? fix([n])[0]! : n));
  };
}

export function markdownHtml(text: string, baseUrl: string): string {
  return String(
    unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(rehypeSanitize)
      .use(emailLinkPolicy(baseUrl))
      .use(rehypeStringify)
      .processSync(text),
  );
}
