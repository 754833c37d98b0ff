/**
 * Server actions sent from another site are refused here. Next's own check compares Origin with
 * X-Forwarded-Host when present, and a request can carry any X-Forwarded-Host it likes; this check
 * accepts only an Origin whose host is PUBLIC_URL's or the Host header's (the address the browser
 * itself connected to, which a page on another site cannot change). X-Forwarded-Host is ignored.
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
  const allowed = [publicUrl ? new URL(publicUrl).host : null, headers.get('host')];
  return allowed.includes(host) ? null : origin;
}
