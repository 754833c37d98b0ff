// Serves the app: Next.js inside a plain node:http server, so that two things Next cannot do for a
// self-hosted app are done before Next sees the request.
//
// 1. The client address. Route handlers and server actions never see the TCP socket, and Next
//    only fills X-Forwarded-For from the socket when the request has none (`??=`), so a client
//    that sends its own header chooses its address. Here the peer address is always appended, as
//    a proxy would: the right-most entry is the socket, the one before it what the nearest proxy
//    appended, and so on. lib/client-address.ts reads TRUST_PROXY_HOPS entries from the right.
// 2. Server-action bodies over the limit. Next answers them with a 500 and no message; here a
//    declared Content-Length over the limit gets 413 and a sentence, and a body sent without one
//    (chunked) is read here up to the limit: 413 past it, else handed on with its length.
// 3. AUTH_URL. Auth.js derives callback URLs from it when set, else from each request's host, which
//    can differ between the sign-in redirect and the provider's callback (localhost vs 127.0.0.1,
//    or a proxy). One PUBLIC_URL makes them agree (env.js insists on it with single sign-on). Auth.js
//    reads process.env at request time and takes the URL nowhere else, so it is set here, once,
//    before Next loads, rather than by a module as a side effect of being imported.
// 4. Bytes, not strings. Next sends a kept page (a published edition, /about) with
//    `res.end(html)`, the whole page as one string. Node writes a string to a socket by reserving
//    three bytes per character and encoding into it, on every request: for a 270 KB edition that
//    cost about 4 ms of the 10 a view cost, twice what encoding it into a Buffer costs. Large
//    strings are encoded here first; what is sent is the same bytes.
// 5. TRACE, TRACK and CONNECT. Next throws on TRACE (a 500 on every path), Node's parser refuses
//    TRACK as malformed (400) and drops CONNECT without an answer; no page or route serves any of
//    them, so each gets 405 here.
//
// Usage: node scripts/serve.mjs [--dev] [-p PORT] [-H HOST]
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { jsonConsole, unavailableNot500 } from './production-output.mjs';

const ACTION_BODY_LIMIT = 1024 * 1024; // Next's default serverActions.bodySizeLimit (1 MB)

const args = process.argv.slice(2);
/** @type {(flag: string, fallback: string | undefined) => string | undefined} */
const option = (flag, fallback) => {
  const at = args.indexOf(flag);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const dev = args.includes('--dev');
if (process.env.PUBLIC_URL && !process.env.AUTH_URL) process.env.AUTH_URL = process.env.PUBLIC_URL;
const port = Number(option('-p', process.env.PORT ?? '3000'));
const hostname = option('-H', process.env.HOSTNAME || undefined);
const dir = path.resolve(import.meta.dirname, '..');

/**
 * Appends the socket's address to X-Forwarded-For (see 1 above).
 * @param {import('node:http').IncomingMessage} req
 */
function appendPeer(req) {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const existing = req.headers['x-forwarded-for'];
  const prior = Array.isArray(existing) ? existing.join(', ') : existing;
  req.headers['x-forwarded-for'] = prior && prior.trim() ? `${prior}, ${peer}` : peer;
}

/** @param {import('node:http').IncomingMessage} req */
const isAction = (req) => req.method === 'POST' && Boolean(req.headers['next-action']);

/** @param {import('node:http').IncomingMessage} req */
function tooLarge(req) {
  const length = Number(req.headers['content-length']);
  return isAction(req) && Number.isFinite(length) && length > ACTION_BODY_LIMIT;
}

/** What is read and dropped past the limit before the connection is cut instead. */
const DRAIN_LIMIT = 16 * ACTION_BODY_LIMIT;

/**
 * An action body without a Content-Length (chunked), read here: a copy of the request carrying it
 * with its length, or null when it passed the limit. Past the limit the rest is read and dropped
 * (up to DRAIN_LIMIT) before answering, so the client finishes sending and reads the 413.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<import('node:http').IncomingMessage | null>}
 */
function bufferedAction(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    let chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= ACTION_BODY_LIMIT) chunks.push(chunk);
      else chunks = [];
      if (size > DRAIN_LIMIT) req.destroy();
    });
    req.on('end', () => resolve(size > ACTION_BODY_LIMIT ? null : withBody(req, Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => reject(new Error('closed')));
  });
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {Buffer} body
 */
function withBody(req, body) {
  const copy = new http.IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  const headers = { ...req.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  copy.headers = headers;
  copy.rawHeaders = Object.entries(headers).flatMap(([k, v]) =>
    Array.isArray(v) ? v.flatMap((x) => [k, x]) : [k, String(v)],
  );
  copy.push(body);
  copy.push(null);
  // Whole already: otherwise destroying the copy when it ends (autoDestroy) would cut the socket
  // the response still needs, as it does for a message the parser has not finished.
  copy.complete = true;
  return copy;
}

/** @param {import('node:http').ServerResponse} res */
function refuseTooLarge(res) {
  res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end('This form sent more than 1 MB. Shorten the text or attach less, then try again.\n');
}

/** Strings this long or longer are encoded to a Buffer before Node writes them (see 4 above). */
const ENCODE_AT = 16 * 1024;

/**
 * See 4 above: `end(string)` becomes `end(Buffer)`, with the same bytes.
 * @param {import('node:http').ServerResponse} res
 */
function bytesNotStrings(res) {
  const end = /** @type {(...args: unknown[]) => import('node:http').ServerResponse} */ (res.end);
  /** @type {(chunk: unknown, ...rest: unknown[]) => import('node:http').ServerResponse} */
  const encodeFirst = (chunk, ...rest) => {
    if (typeof chunk === 'string' && chunk.length >= ENCODE_AT) {
      const encoding = typeof rest[0] === 'string' ? /** @type {BufferEncoding} */ (rest.shift()) : 'utf8';
      return end.call(res, Buffer.from(chunk, encoding), ...rest);
    }
    return end.call(res, chunk, ...rest);
  };
  res.end = /** @type {typeof res.end} */ (encodeFirst);
}

/** See 5 above: the answer to a method no page or route serves, as raw bytes for a bare socket. */
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const METHOD_REFUSED =
  `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOWED_METHODS}\r\n` +
  'Content-Type: text/plain; charset=utf-8\r\nContent-Length: 25\r\nConnection: close\r\n\r\n' +
  'This method is not used.\n';
/** Node's own answers to a request its parser refused (what it sends without a clientError listener). */
const PARSE_REFUSED = /** @type {Record<string, string>} */ ({
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: '413 Payload Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
});

/**
 * @param {Error & { code?: string; rawPacket?: Buffer }} error
 * @param {import('node:stream').Duplex} socket
 */
function onClientError(error, socket) {
  if (socket.writable && /** @type {import('node:net').Socket} */ (socket).bytesWritten === 0) {
    const track = error.code === 'HPE_INVALID_METHOD' && String(error.rawPacket ?? '').startsWith('TRACK ');
    const status = PARSE_REFUSED[error.code ?? ''] ?? '400 Bad Request';
    socket.write(track ? METHOD_REFUSED : `HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  }
  socket.destroy(error);
}

// Production writes JSON lines only, and a failed request once (instrumentation.ts): Next's own
// error printing is off (`quiet`), and anything else printed becomes JSON (production-output.mjs).
if (!dev) jsonConsole();
const app = next({ dev, dir, hostname, port, quiet: !dev });
const handle = app.getRequestHandler();
await app.prepare();

let stopping = false;
const server = http.createServer((req, res) => {
  // Stopping: this request is answered, and its connection closed after it, so a client that
  // kept the connection open comes back to whoever listens now (the next instance, or nobody).
  if (stopping) res.setHeader('connection', 'close');
  if (req.method === 'TRACE') {
    res.writeHead(405, { allow: ALLOWED_METHODS, 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    res.end('This method is not used.\n');
    req.resume();
    return;
  }
  appendPeer(req);
  bytesNotStrings(res);
  unavailableNot500(req, res);
  if (tooLarge(req)) {
    refuseTooLarge(res);
    req.resume();
    return;
  }
  if (isAction(req) && req.headers['content-length'] === undefined) {
    bufferedAction(req).then(
      (copy) => {
        if (copy) return handle(copy, res);
        refuseTooLarge(res);
      },
      () => req.destroy(),
    );
    return;
  }
  void handle(req, res);
});
// Node closes an idle keep-alive connection after 5 s, and a client that reuses it at that moment
// gets ECONNRESET (seen from a busy test run). A proxy or client keeps idle connections for up to
// a minute, so the server keeps them longer than that; headers must be allowed a little longer.
server.on('clientError', onClientError);
server.on('connect', (_req, socket) => socket.end(METHOD_REFUSED));
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`▲ Service Review listening on http://${hostname ?? '0.0.0.0'}:${port}${dev ? ' (development)' : ''}`);
});

// Background work (edition emails in flight, queue jobs) registers its drain from instrumentation.ts
// (lib/workers.ts): it takes no more work and waits, bounded, for sends in flight to finish.
// New connections are refused at once; open ones are closed as soon as they are idle (a client's
// keep-alive connection would otherwise hold the server for its 65 s); requests in flight get their
// answer, for at most STOP_REQUESTS_MS, then the process exits once the drain is done.
const STOP_REQUESTS_MS = 15_000;
const stop = () => {
  if (stopping) return;
  stopping = true;
  const drain = /** @type {{ serviceReviewDrain?: () => Promise<void> }} */ (globalThis).serviceReviewDrain;
  const drained = drain ? drain().catch(() => {}) : Promise.resolve();
  const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 200);
  const cutOff = setTimeout(() => server.closeAllConnections(), STOP_REQUESTS_MS);
  void Promise.all([closed, drained]).then(() => {
    clearInterval(idle);
    clearTimeout(cutOff);
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
