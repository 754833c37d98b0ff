import { UnauthenticatedError } from '@/lib/errors';
import { jsonError } from '@/lib/figures/api';
import { departmentCsv, getDepartmentPage } from '@/lib/departments/page';
import { getActor } from '@/lib/session';

/** CSV of a department page's chart: the same people may download it as see the page. */
export async function GET(_request: Request, { params }: { params: Promise<{ department: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new UnauthenticatedError();
    const { department } = await params;
    const { filename, csv } = departmentCsv(await getDepartmentPage(actor, department));
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
