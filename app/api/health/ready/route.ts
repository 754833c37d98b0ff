import { appBuild, appVersion, checkReadiness } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Readiness: the database answers and every migration of this version is applied. */
export async function GET() {
  const [readiness, version, build] = await Promise.all([checkReadiness(), appVersion(), appBuild()]);
  const body = {
    status: readiness.ready ? 'ready' : 'unavailable',
    ...(readiness.database === 'unreachable' ? { reason: 'database unreachable' } : {}),
    version,
    build: build.id,
    commit: build.commit,
    database: readiness.database,
    migrations: readiness.pending ? { applied: readiness.applied, pending: readiness.pending } : null,
  };
  return Response.json(body, {
    status: readiness.ready ? 200 : 503,
    headers: { 'Cache-Control': 'no-store', ...(readiness.ready ? {} : { 'Retry-After': '30' }) },
  });
}
