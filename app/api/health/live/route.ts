import { appVersion } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Liveness: the process answers. It never touches the database, so a database outage does not get the instance restarted. */
export async function GET() {
  return Response.json({ status: 'ok', version: await appVersion() }, { headers: { 'Cache-Control': 'no-store' } });
}
