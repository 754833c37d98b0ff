import { UnauthenticatedError } from '@/lib/errors';
import { jsonError } from '@/lib/figures/api';
import { headerFor } from '@/lib/header';
import { readEditionReaderState } from '@/lib/readership/readers';
import { getActor } from '@/lib/session';

/**
 * The reader's part of a published edition's page (the page itself is the same for everyone and
 * served from the per-revision cache): their header, their thanks, their email choice and — for
 * the team and admins — the readership. Anyone signed in; counts them as a reader.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ review: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new UnauthenticatedError();
    const { review } = await params;
    const [header, state] = await Promise.all([headerFor(actor), readEditionReaderState(actor, review)]);
    return Response.json(
      {
        header,
        thanks: state.myThanks ? { note: state.myThanks.note } : null,
        optedOut: state.optedOut,
        team: { slug: state.team.slug, name: state.team.name },
        readership: state.readership,
        canModerate: state.canModerate,
        reachHref: state.reachHref,
      },
      { headers: { 'Cache-Control': 'private, no-store' } },
    );
  } catch (error) {
    return jsonError(error);
  }
}
