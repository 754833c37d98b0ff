import type { DashboardReaderState } from '@/components/dashboard/dashboard-reader';
import { dashboardNeeds } from '@/lib/dashboard/dashboard';
import { UnauthenticatedError } from '@/lib/errors';
import { jsonError } from '@/lib/figures/api';
import { headerFor } from '@/lib/header';
import { getActor } from '@/lib/session';

/**
 * The reader's part of the kept dashboard (its cards are the same for everyone, lib/dashboard/gate.ts):
 * their header, their name for the greeting and, for leaders and admins, "Needs you". Anyone signed in.
 */
export async function GET() {
  try {
    const actor = await getActor();
    if (!actor) throw new UnauthenticatedError();
    const [header, needs] = await Promise.all([headerFor(actor), dashboardNeeds(actor)]);
    const body: DashboardReaderState = { header, name: actor.name, needs };
    return Response.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return jsonError(error);
  }
}
