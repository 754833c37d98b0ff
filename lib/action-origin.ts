/**
 * Server actions sent from another site are refused here. Next's own check compares Origin with
 * X-Forwarded-Host when present, and a request can carry any X-Forwarded-Host it likes; this check
 * compares Origin with PUBLIC_URL when set (it must be whenever a proxy is in front), else with
 * the Host header the connection itself was made to.
 */
export function foreignActionOrigin(headers: Headers, publicUrl: string | undefined): string | null {
  if (!headers.get('next-action')) return null;
  const origin = headers.get('origin');
  if (!origin) return null; // same-origin requests from old browsers; Next decides those
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return origin;
  }
  const expected = publicUrl ? new URL(publicUrl).host : headers.get('host');
  return host === expected ? null : origin;
}
