import { jsonError } from '@/lib/figures/api';
import { addMonths, currentMonth, MONTH_RE } from '@/lib/dates/month';
import { exportMonthlyCsv } from '@/lib/figures/export';
import { UnauthenticatedError } from '@/lib/errors';
import { getActor } from '@/lib/session';
import { findTeamBySlug } from '@/lib/team-access';
import { csvResponse } from '@/lib/csv';

/** CSV download of a team's figures for a month range, in the monthly import layout. */
export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new UnauthenticatedError();
    const team = await findTeamBySlug((await params).team);
    const url = new URL(request.url);
    const to = url.searchParams.get('to') ?? currentMonth();
    const from = url.searchParams.get('from') ?? addMonths(to, -11);
    if (!MONTH_RE.test(from) || !MONTH_RE.test(to) || from > to) {
      return Response.json(
        {
          error: 'invalid',
          errors: [{ path: 'from', message: 'Give from and to as months like 2026-01, from ≤ to.' }],
        },
        { status: 400 },
      );
    }
    const csv = await exportMonthlyCsv(actor, team.id, from, to);
    return csvResponse(`${team.slug}-figures-${from}-to-${to}.csv`, csv);
  } catch (error) {
    return jsonError(error);
  }
}
