import { env } from '../env';

// Where sign-in may send people afterwards: only pages of this app. The value is resolved the way a
// browser would resolve it against PUBLIC_URL and kept only when the origin stays the same.
// Browsers silently drop tabs and newlines and read "\" as "/", so "/\t/evil.example" or
// "/\evil.example" would leave the site; such values (and any non-ASCII, which a Location header
// cannot carry unencoded) are refused outright rather than repaired.
const UNSAFE = /[^\x21-\x7e]|\\/;

export function safeCallbackUrl(
  value: FormDataEntryValue | null | undefined,
  base: string = env().PUBLIC_URL ?? 'http://localhost',
): string {
  const raw = typeof value === 'string' ? value : '';
  if (!raw || raw.length > 2048 || UNSAFE.test(raw)) return '/';
  const origin = new URL(base).origin;
  if (!raw.startsWith('/') && !raw.startsWith(`${origin}/`)) return '/';
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  if (url.origin !== origin || !path.startsWith('/') || path.startsWith('//')) return '/';
  return path;
}
