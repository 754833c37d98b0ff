import 'server-only';
import { request } from 'undici';
import { log } from '../log';
import { describeErrorCause } from '../error-cause';
import { INTERNAL_ADDRESS_MESSAGE, destinationAgent, networkFromEnv, type Network } from './connect';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from './messages';
import { destinationUrlSyntaxProblem } from './url';

const TIMEOUT_MS = 10_000;

/**
 * A post that did not arrive. `message` is what the leader sees (a status and a sentence, never
 * the destination's own words: with internal addresses allowed, those could be an internal
 * service's error page); `cause` keeps the underlying error for the log.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}

function statusSentence(status: number): string {
  if (status >= 300 && status < 400)
    return 'it redirects elsewhere, and redirects are not followed: paste the final webhook address';
  if (status === 401 || status === 403) return 'it refused the message; the webhook may have been revoked';
  if (status === 404 || status === 410) return 'no webhook at that address; it may have been deleted or mistyped';
  if (status === 413) return 'it found the message too large';
  if (status === 429) return 'it is limiting how often it accepts messages';
  if (status >= 500) return 'a fault at its end';
  return 'it refused the message';
}

const NETWORK_SENTENCES: Record<string, string> = {
  EINTERNAL: INTERNAL_ADDRESS_MESSAGE,
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'its name could not be looked up just now',
  ECONNREFUSED: 'nothing accepted the connection',
  ECONNRESET: 'the connection was dropped',
  EHOSTUNREACH: 'its host cannot be reached',
  ENETUNREACH: 'its network cannot be reached',
  ETIMEDOUT: `it did not answer within ${TIMEOUT_MS / 1000} seconds`,
  UND_ERR_CONNECT_TIMEOUT: `it did not answer within ${TIMEOUT_MS / 1000} seconds`,
  UND_ERR_HEADERS_TIMEOUT: `it did not answer within ${TIMEOUT_MS / 1000} seconds`,
  UND_ERR_ABORTED: `it did not answer within ${TIMEOUT_MS / 1000} seconds`,
  ABORT_ERR: `it did not answer within ${TIMEOUT_MS / 1000} seconds`,
  ENOTESTROUTE: 'the server runs with test-only webhook routes, which list no route to it',
};

function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as Error).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if ((e as Error).name === 'TimeoutError' || (e as Error).name === 'AbortError') return 'ABORT_ERR';
  }
  return undefined;
}

function networkFailure(error: unknown, host: string): DeliveryError {
  const code = errorCode(error);
  let sentence = code ? NETWORK_SENTENCES[code] : undefined;
  if (!sentence && code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    sentence = 'its certificate could not be verified';
  if (code === 'EINTERNAL') return new DeliveryError(INTERNAL_ADDRESS_MESSAGE, null, { cause: error });
  return new DeliveryError(
    `could not reach ${host}: ${sentence ?? 'the connection failed'}${code ? ` (${code})` : ''}.`,
    null,
    {
      cause: error,
    },
  );
}

async function readStart(body: AsyncIterable<Buffer>): Promise<string> {
  let text = '';
  try {
    for await (const chunk of body) {
      text += chunk.toString('utf8');
      if (text.length >= 200) break; // leaving the loop destroys the stream: the rest is never read
    }
  } catch {
    // a body cut short says nothing more
  }
  return text.slice(0, 200);
}

/**
 * Posts one payload, for the test send and for each attempt of a delivery alike. The host is
 * resolved once at connect time and every answer vetted (connect.ts); redirects are not followed;
 * anything but a 2xx is an error to retry.
 */
export async function postPayload(
  url: string,
  payload: object,
  signingSecret: string | null,
  network: Network = networkFromEnv(),
): Promise<void> {
  const problem = destinationUrlSyntaxProblem(url);
  if (problem) throw new DeliveryError(problem, null);
  const host = new URL(url).host;
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'ServiceReview/1' };
  if (signingSecret) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    headers[TIMESTAMP_HEADER] = timestamp;
    headers[SIGNATURE_HEADER] = signBody(signingSecret, timestamp, body);
  }
  const agent = destinationAgent(network);
  try {
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(url, {
        method: 'POST',
        headers,
        body,
        dispatcher: agent,
        headersTimeout: TIMEOUT_MS,
        bodyTimeout: TIMEOUT_MS,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const failure = networkFailure(error, host);
      log.warn({ event: 'delivery.post_failed', host, reason: describeErrorCause(error), err: error }, failure.message);
      throw failure;
    }
    const status = response.statusCode;
    if (status >= 200 && status < 300) {
      await response.body.dump().catch(() => undefined);
      return;
    }
    // The start of the body goes to the log for the operator (Slack says why in a word or two); never to the leader.
    const start = await readStart(response.body);
    log.warn({ event: 'delivery.post_refused', host, status, bodyStart: start }, 'destination refused the post');
    throw new DeliveryError(`${host} answered ${status}: ${statusSentence(status)}.`, status);
  } finally {
    await agent.close().catch(() => undefined);
  }
}
