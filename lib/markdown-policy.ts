// One rule for links in Markdown people write, shared by the pages and the edition email:
// http(s) and mailto links, and links within the site ("/path", "#part"). Protocol-relative
// links ("//host/…") would leave the site on whatever scheme the reader uses: they are refused.
// Images are never loaded from anywhere (callers show the alt text instead).
const SAFE_URL = /^(https?:|mailto:|#|\/(?!\/))/i;

export function isSafeMarkdownUrl(url: string): boolean {
  const trimmed = url.trim();
  // Browsers ignore tabs and line breaks inside a URL and treat "\" like "/": "/\host" is "//host".
  if (/[\t\n\r]|^\/\\/.test(trimmed)) return false;
  return SAFE_URL.test(trimmed);
}
