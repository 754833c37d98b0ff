// What a production server writes: JSON lines only, one per event (lib/log.ts writes the app's
// own). Used by scripts/serve.mjs outside development.
//
// - console.* from anything (Next, a library) becomes one JSON line at its level, never plain text.
// - Node's process warnings (deprecations) likewise, instead of its plain-text stderr lines.
// - A 500 while PostgreSQL is not answering (lib/database-state.ts, shared through globalThis) is
//   a 503 with Retry-After: the outage is the database's, and a client or load balancer should
//   retry. API routes answer it in JSON.
import { format } from 'node:util';
import pino from 'pino';

const RETRY_AFTER_SECONDS = '30';
const DATABASE_STATE = Symbol.for('service-review.database-state');

/** Routes console and process warnings into JSON lines on stdout (the app's lines use the same shape). */
export function jsonConsole() {
  const log = pino({
    level: process.env.LOG_LEVEL || 'info',
    base: { service: 'service-review' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
  /** @param {'debug' | 'info' | 'warn' | 'error'} level */
  const to =
    (level) =>
    (/** @type {unknown[]} */ ...args) => {
      const error = args.find((a) => a instanceof Error);
      log[level]({ event: 'console', ...(error ? { err: error } : {}) }, format(...args));
    };
  console.log = to('info');
  console.info = to('info');
  console.debug = to('debug');
  console.trace = to('debug');
  console.warn = to('warn');
  console.error = to('error');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => log.warn({ event: 'process.warning', err: warning }, warning.message));
  return log;
}

const databaseDown = () =>
  /** @type {{ down?: boolean } | undefined} */ (/** @type {Record<symbol, unknown>} */ (globalThis)[DATABASE_STATE])
    ?.down === true;

const UNAVAILABLE_JSON = JSON.stringify({
  error: 'unavailable',
  message: 'The database is not answering. Try again in a minute.',
});

/**
 * See the top: a 500 sent while the database is down goes out as 503 with Retry-After. Server
 * actions keep Next's answer, which its client reads whatever the status.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function unavailableNot500(req, res) {
  if (req.headers['next-action']) return;
  const api = (req.url ?? '').startsWith('/api/');
  const writeHead = /** @type {(...args: unknown[]) => import('node:http').ServerResponse} */ (res.writeHead);
  const end = /** @type {(...args: unknown[]) => import('node:http').ServerResponse} */ (res.end);
  const convert = (/** @type {unknown} */ status) => status === 500 && !res.headersSent && databaseDown();
  res.writeHead = /** @type {typeof res.writeHead} */ (
    (/** @type {unknown} */ status, /** @type {unknown[]} */ ...rest) => {
      if (!convert(status)) return writeHead.call(res, status, ...rest);
      res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
      res.setHeader('Cache-Control', 'no-store');
      return writeHead.call(res, 503, ...rest.filter((r) => typeof r !== 'string'));
    }
  );
  if (!api) return;
  // A route handler that threw ends with no body: answer the JSON an API client can read.
  res.end = /** @type {typeof res.end} */ (
    (/** @type {unknown[]} */ ...args) => {
      if (!convert(res.statusCode)) return end.call(res, ...args);
      res.removeHeader('content-length');
      res.setHeader('content-type', 'application/json');
      return end.call(res, UNAVAILABLE_JSON, ...args.filter((a) => typeof a === 'function'));
    }
  );
}
