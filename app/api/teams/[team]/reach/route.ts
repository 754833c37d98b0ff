import { UnauthenticatedError } from '@/lib/errors';
import { jsonError } from '@/lib/figures/api';
import { getReach, reachCsv } from '@/lib/readership/reach';
import { getActor } from '@/lib/session';

/** CSV of a team's Reach chart and per-edition counts: the same people may download it as see the page. */
export async function GET(_request: Request, { params }: { params: Promise<{ team: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new UnauthenticatedError();
    const { team } = await params;
    const { filename, csv } = reachCsv(await getReach(actor, team));
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}
