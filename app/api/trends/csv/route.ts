import { UnauthenticatedError } from '@/lib/errors';
import { jsonError } from '@/lib/figures/api';
import { getActor } from '@/lib/session';
import { trendsQuerySchema } from '@/lib/trends/query';
import { trendCsv } from '@/lib/trends/trends';
import { csvResponse } from '@/lib/csv';

/** CSV of one chart on /trends: the same parameters as the page, plus `chart`. */
export async function GET(request: Request) {
  try {
    const actor = await getActor();
    if (!actor) throw new UnauthenticatedError();
    const url = new URL(request.url);
    const params = Object.fromEntries(
      [...new Set(url.searchParams.keys())].map((k) => [
        k,
        url.searchParams.getAll(k).length > 1 ? url.searchParams.getAll(k) : url.searchParams.get(k)!,
      ]),
    );
    const query = trendsQuerySchema.parse(params);
    const result = await trendCsv(actor, query, url.searchParams.get('chart') ?? '');
    if (!result) return Response.json({ error: 'not_found', message: 'No such chart for that team.' }, { status: 404 });
    return csvResponse(result.filename, result.csv);
  } catch (error) {
    return jsonError(error);
  }
}
