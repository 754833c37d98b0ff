import 'server-only';
import { checkDestinationUrl } from './url';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from './messages';

const TIMEOUT_MS = 10_000;

/**
 * Posts one payload. The URL is checked again at send time (a host name may now resolve to an
 * internal address), redirects are not followed, and anything but a 2xx is an error to retry.
 */
export async function postPayload(url: string, payload: object, signingSecret: string | null): Promise<void> {
  const problem = await checkDestinationUrl(url);
  if (problem) throw new Error(problem);
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'ServiceReview/1' };
  if (signingSecret) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    headers[TIMESTAMP_HEADER] = timestamp;
    headers[SIGNATURE_HEADER] = signBody(signingSecret, timestamp, body);
  }
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (response.status < 200 || response.status >= 300) {
    const text = (await response.text().catch(() => '')).slice(0, 200);
    throw new Error(`the destination answered ${response.status}${text ? `: ${text}` : ''}`);
  }
  await response.body?.cancel().catch(() => undefined);
}
