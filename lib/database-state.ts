// Whether PostgreSQL answered the last query this process sent, for turning the 500 a failed page
// would get into a 503 with Retry-After (scripts/serve.mjs reads it from globalThis: it runs
// outside the bundle, so the symbol is the contract). No 'server-only': scripts/serve.mjs and
// tests read it too.
import type pg from 'pg';

export const DATABASE_STATE = Symbol.for('service-review.database-state');

export type DatabaseState = { down: boolean; since: number };

const g = globalThis as unknown as { [DATABASE_STATE]?: DatabaseState };
export const databaseState: DatabaseState = (g[DATABASE_STATE] ??= { down: false, since: Date.now() });

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * A failure of the database, not of the query: refused or cut connections, timeouts (a frozen or
 * overloaded server), a server shutting down or starting (57P0x), out of connections (53300),
 * a statement cancelled by statement_timeout (57014). Anything else is the query's own fault.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (NETWORK_CODES.has(code)) return true;
      if (/^(08|57P0|53300$|57014$)/.test(code)) return true;
      // Prisma's own: P1001 can't reach, P1002 timed out, P1017 closed, P2024 pool timeout.
      if (/^P(1001|1002|1017|2024)$/.test(code)) return true;
    }
    if (typeof message === 'string' && /timeout|Connection terminated|connection error|ECONNREFUSED/i.test(message))
      return true;
  }
  return false;
}

function record<T>(work: Promise<T>): Promise<T> {
  return work.then(
    (value) => {
      if (databaseState.down) Object.assign(databaseState, { down: false, since: Date.now() });
      return value;
    },
    (error: unknown) => {
      if (isDatabaseUnavailable(error) && !databaseState.down)
        Object.assign(databaseState, { down: true, since: Date.now() });
      throw error;
    },
  );
}

/** Records every query's and connection's outcome on a pool in databaseState. */
export function trackPool(pool: pg.Pool): pg.Pool {
  // An idle connection cut by a restarting or stopped server must never be an uncaught error.
  pool.on('error', (error) => {
    if (isDatabaseUnavailable(error)) Object.assign(databaseState, { down: true, since: Date.now() });
  });
  const connect = pool.connect.bind(pool);
  const query = pool.query.bind(pool);
  pool.connect = ((callback?: unknown) =>
    typeof callback === 'function' ? connect(callback as never) : record(connect())) as typeof pool.connect;
  pool.query = ((...args: unknown[]) => {
    const result = (query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? record(result) : result;
  }) as typeof pool.query;
  // Queries inside a transaction run on a client taken from the pool. Prisma sends a read's
  // relations (a month's volumes, reasons, segments and KPIs) at once; on a transaction's one
  // connection pg queues them itself, with a deprecation warning (removed in pg 9). They are
  // queued here instead, in the same order, so each is sent when the one before has answered.
  pool.on('connect', (client) => {
    const clientQuery = client.query.bind(client) as (...a: unknown[]) => unknown;
    let previous: Promise<unknown> = Promise.resolve();
    client.query = ((...args: unknown[]) => {
      const streamed = typeof (args[0] as { submit?: unknown } | undefined)?.submit === 'function';
      if (streamed || typeof args.at(-1) === 'function') return clientQuery(...args);
      const result = previous.then(() => clientQuery(...args) as Promise<unknown>);
      previous = result.catch(() => {});
      return record(result);
    }) as typeof client.query;
  });
  return pool;
}
