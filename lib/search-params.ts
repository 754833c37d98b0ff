/**
 * A query string as a page's `searchParams` receives it: a key given once is a string, a key
 * given more than once an array. The kept pages (lib/kept/gate.ts) parse their address this way,
 * so they read exactly what the dynamic page would.
 */
export function searchParamsRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

/**
 * A query string as one path segment of a kept page's address, and back: base64url, so nothing in
 * it needs (or gets) percent-decoding on the way ("-" for none).
 */
export function querySegment(query: string): string {
  if (!query) return '-';
  return btoa(query).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The query string a segment names; "" for none and for anything that is not one. */
export function segmentQuery(segment: string): string {
  if (segment === '-' || !/^[A-Za-z0-9_-]+$/.test(segment)) return '';
  try {
    return atob(segment.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return '';
  }
}
