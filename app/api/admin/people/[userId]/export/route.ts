import { jsonError } from '@/lib/figures/api';
import { UnauthenticatedError } from '@/lib/errors';
import { exportPersonData } from '@/lib/privacy/export';
import { getActor } from '@/lib/session';

export const dynamic = 'force-dynamic';

/** Everything held about one person, as a JSON download (admins only; the export is audited). */
export async function GET(_request: Request, { params }: { params: Promise<{ userId: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new UnauthenticatedError();
    const { userId } = await params;
    const data = await exportPersonData(actor, userId);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="service-review-person-${userId.replace(/[^\w-]/g, '')}.json"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}
