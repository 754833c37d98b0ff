import { UnauthenticatedError } from '@/lib/errors';
import { jsonError } from '@/lib/figures/api';
import { headerFor } from '@/lib/header';
import { getActor } from '@/lib/session';

/** The signed-in header of a kept page (lib/kept/gate.ts): the reader's name, role and navigation. Anyone signed in. */
export async function GET() {
  try {
    const actor = await getActor();
    if (!actor) throw new UnauthenticatedError();
    return Response.json({ header: await headerFor(actor) }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return jsonError(error);
  }
}
