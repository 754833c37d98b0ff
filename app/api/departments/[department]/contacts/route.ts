import { UnauthenticatedError } from '@/lib/errors';
import { jsonError } from '@/lib/figures/api';
import { departmentCsv, getDepartmentPage } from '@/lib/departments/page';
import { getActor } from '@/lib/session';
import { csvResponse } from '@/lib/csv';

/** CSV of a department page's chart: the same people may download it as see the page. */
export async function GET(_request: Request, { params }: { params: Promise<{ department: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new UnauthenticatedError();
    const { department } = await params;
    const { filename, csv } = departmentCsv(await getDepartmentPage(actor, department));
    return csvResponse(filename, csv);
  } catch (error) {
    return jsonError(error);
  }
}
