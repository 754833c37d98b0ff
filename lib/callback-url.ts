import { env } from './env';

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

/**
 * A control character (U+0000–U+001F, U+007F) in the path or query, written as it is or
 * percent-encoded. Auth.js copies parameters such as `error` and `callbackUrl` into a Location
 * header, which Node refuses with a 500; no address of these endpoints needs one.
 */
export function hasControlCharacter(pathAndQuery: string): boolean {
  for (let i = 0; i < pathAndQuery.length; i++) {
    let code = pathAndQuery.charCodeAt(i);
    if (code === 0x25 && /^[0-9a-f]{2}$/i.test(pathAndQuery.slice(i + 1, i + 3))) {
      // Byte by byte: every byte of a longer UTF-8 character is 0x80 or above, never a C0 control.
      code = parseInt(pathAndQuery.slice(i + 1, i + 3), 16);
      i += 2;
    }
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
