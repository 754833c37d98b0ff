import { resolveApiPrincipal, jsonError } from '@/lib/figures/api';
import { addMonths, currentMonth, MONTH_RE } from '@/lib/dates/month';
import { assertPrincipalForTeam, listMonthsForApi } from '@/lib/figures/api-months';
import { findTeamBySlug } from '@/lib/team-access';

export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }) {
  try {
    const principal = await resolveApiPrincipal(request);
    const team = await findTeamBySlug((await params).team);
    assertPrincipalForTeam(principal, team.id);
    const url = new URL(request.url);
    const to = url.searchParams.get('to') ?? currentMonth();
    const from = url.searchParams.get('from') ?? addMonths(to, -11);
    const errors = [
      ...(MONTH_RE.test(from) ? [] : [{ path: 'from', message: 'Use a month like 2026-01.' }]),
      ...(MONTH_RE.test(to) ? [] : [{ path: 'to', message: 'Use a month like 2026-12.' }]),
    ];
    if (!errors.length && from > to) errors.push({ path: 'from', message: '`from` is after `to`.' });
    if (errors.length) return Response.json({ error: 'invalid', errors }, { status: 400 });
    return Response.json({ team: team.slug, from, to, months: await listMonthsForApi(principal, team.id, from, to) });
  } catch (error) {
    return jsonError(error);
  }
}
