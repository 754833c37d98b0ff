// The client's address for sign-in throttling and the audit log. scripts/serve.mjs appends the TCP
// peer to X-Forwarded-For on every request, so the right-most entry is always the socket. With
// TRUST_PROXY_HOPS = N, the socket is the nearest of N trusted proxies and the client is the entry
// N places from the right: the one the outermost trusted proxy appended. Entries further left are
// whatever the client sent and are never used.
export function clientAddressFrom(forwardedFor: string | null, trustedHops: number): string {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!entries.length) return 'unknown';
  // Fewer entries than trusted proxies: the request bypassed them; the socket is all we know.
  const index = entries.length - 1 - trustedHops;
  return normaliseAddress(index >= 0 ? entries[index]! : entries[entries.length - 1]!);
}

/** One spelling per address, so "::ffff:127.0.0.1" and "127.0.0.1" share their budget. */
export function normaliseAddress(raw: string): string {
  const value = raw.trim().toLowerCase().slice(0, 100);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  return mapped ? mapped[1]! : value;
}
