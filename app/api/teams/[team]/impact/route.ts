import { UnauthenticatedError } from '@/lib/errors';
import { jsonError } from '@/lib/figures/api';
import { impactCsv, IMPACT_TABLES, type ImpactTable } from '@/lib/impact/csv';
import { getImpact } from '@/lib/impact/impact';
import { getActor } from '@/lib/session';
import { csvResponse } from '@/lib/csv';

/** CSV of one table of a team's impact view (`?table=editions|asks|departments|outcomes`): anyone signed in. */
export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new UnauthenticatedError();
    const { team } = await params;
    const asked = new URL(request.url).searchParams.get('table') ?? 'editions';
    // An unknown table is the default one, not an error: the link was hand-edited.
    const table: ImpactTable = (IMPACT_TABLES as readonly string[]).includes(asked)
      ? (asked as ImpactTable)
      : 'editions';
    const { filename, csv } = impactCsv(await getImpact(actor, team), table);
    return csvResponse(filename, csv);
  } catch (error) {
    return jsonError(error);
  }
}
