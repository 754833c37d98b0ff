import { UnauthenticatedError } from '@/lib/errors';
import { jsonError } from '@/lib/figures/api';
import { getReach, reachCsv } from '@/lib/readership/reach';
import { getActor } from '@/lib/session';
import { csvResponse } from '@/lib/csv';

/** CSV of a team's Reach chart and per-edition counts: the same people may download it as see the page. */
export async function GET(_request: Request, { params }: { params: Promise<{ team: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new UnauthenticatedError();
    const { team } = await params;
    const { filename, csv } = reachCsv(await getReach(actor, team));
    return csvResponse(filename, csv);
  } catch (error) {
    return jsonError(error);
  }
}
