import { appVersion, checkReadiness } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Readiness: the database answers and every migration of this version is applied. */
export async function GET() {
  const [readiness, version] = await Promise.all([checkReadiness(), appVersion()]);
  const body = {
    status: readiness.ready ? 'ready' : 'unavailable',
    version,
    database: readiness.database,
    migrations: { applied: readiness.applied, pending: readiness.pending },
  };
  return Response.json(body, { status: readiness.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
