import { resolveApiPrincipal, jsonError, zodErrors } from '@/lib/figures/api';
import { monthSchema } from '@/lib/dates/month';
import { figuresPayloadSchema } from '@/lib/figures/schemas';
import { assertPrincipalForTeam, getMonthForApi, putMonthFromApi } from '@/lib/figures/api-months';
import { findTeamBySlug } from '@/lib/team-access';
import { expireDashboard } from '@/lib/expiry/cache';

type Params = { params: Promise<{ team: string; month: string }> };

/** Who asks, for which team and month: refusals (401/403/404) before any input is read. */
async function resolveTarget(request: Request, { params }: Params) {
  const principal = await resolveApiPrincipal(request);
  const { team: slug, month } = await params;
  const team = await findTeamBySlug(slug);
  assertPrincipalForTeam(principal, team.id);
  const parsed = monthSchema().safeParse(month);
  const invalid = parsed.success
    ? null
    : Response.json(
        { error: 'invalid', errors: zodErrors(parsed.error.issues.map((i) => ({ ...i, path: ['month'] }))) },
        { status: 400 },
      );
  return { principal, team, month: parsed.data ?? '', invalid };
}

export async function GET(request: Request, context: Params) {
  try {
    const { principal, team, month, invalid } = await resolveTarget(request, context);
    if (invalid) return invalid;
    const figures = await getMonthForApi(principal, team.id, month);
    if (!figures)
      return Response.json({ error: 'not_found', message: `No figures for ${month} yet.` }, { status: 404 });
    return Response.json(figures);
  } catch (error) {
    return jsonError(error);
  }
}

export async function PUT(request: Request, context: Params) {
  try {
    const { principal, team, month, invalid } = await resolveTarget(request, context);
    if (invalid) return invalid;
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return Response.json(
        { error: 'invalid', errors: [{ path: '', message: 'The body must be JSON.' }] },
        { status: 400 },
      );
    }
    const payload = figuresPayloadSchema.safeParse(body);
    if (!payload.success)
      return Response.json({ error: 'invalid', errors: zodErrors(payload.error.issues) }, { status: 400 });
    const result = await putMonthFromApi(principal, team.id, month, payload.data);
    if (result.outcome !== 'unchanged') expireDashboard();
    return Response.json(
      { outcome: result.outcome, ...result.figures },
      { status: result.outcome === 'new' ? 201 : 200 },
    );
  } catch (error) {
    return jsonError(error);
  }
}
