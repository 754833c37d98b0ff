import type { Instrumentation } from 'next';

// Runs once per server start (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Traces only when a collector is named: @vercel/otel reads OTEL_EXPORTER_OTLP_ENDPOINT (and the
  // other standard OTEL_* variables) itself.
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { registerOTel } = await import('@vercel/otel');
    registerOTel({ serviceName: process.env.OTEL_SERVICE_NAME ?? 'service-review' });
  }
  // Edition emails, Slack/Teams/webhook deliveries, scheduled publishing and reminders (pg-boss).
  const { startJobWorkers } = await import('./lib/workers');
  startJobWorkers();
  const { startCacheListener } = await import('./lib/expiry/cache-sync');
  startCacheListener();
  const { startRetentionWorker } = await import('./lib/retention/worker');
  startRetentionWorker();
}

// Next reports one failure up to three times (the server components' render, their payload, the
// HTML render): the first report of a request is logged, the rest are the same failure.
const reported = new Map<string, number>();
function firstReport(key: string): boolean {
  const now = Date.now();
  if (reported.size > 10_000) for (const [k, at] of reported) if (now - at > 60_000) reported.delete(k);
  if (reported.has(key)) return false;
  reported.set(key, now);
  return true;
}

/** One JSON line per failed request, page render or server action, with the request's id and the error's digest. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const header = request.headers['x-request-id'];
  const requestId = (Array.isArray(header) ? header[0] : header) ?? null;
  const err = error as Error & { digest?: string };
  if (!firstReport(requestId ?? `${request.method} ${request.path} ${err.digest ?? err.message}`)) return;
  const { log } = await import('./lib/log');
  log.error(
    {
      event: context.routeType === 'action' ? 'action.failed' : 'request.failed',
      requestId,
      method: request.method,
      path: request.path,
      route: context.routePath,
      routeType: context.routeType,
      digest: err.digest,
      err,
    },
    context.routeType === 'action' ? 'server action failed' : 'request failed',
  );
};
