import { NotFoundError } from '@/lib/errors';
import { unsubscribeByToken } from '@/lib/distribution/unsubscribe';

// The List-Unsubscribe target of every edition email (RFC 8058). Public on purpose: the signed
// token is the proof, and a mail client's one-click POST carries no session.
export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** One-click: `List-Unsubscribe=One-Click` in a form body unsubscribes; nothing else is needed. */
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const { teamName } = await unsubscribeByToken(token);
    return new Response(`Unsubscribed from ${teamName}’s editions.\n`, {
      status: 200,
      headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  } catch (error) {
    if (error instanceof NotFoundError)
      return new Response(`${error.message}\n`, {
        status: 404,
        headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' },
      });
    throw error;
  }
}

/**
 * A GET never unsubscribes (link scanners and previews open every link in a message): it shows
 * the page that asks the person to confirm.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Relative: the request's own URL names the listening host, not the address people use.
  return new Response(null, {
    status: 303,
    headers: { ...NO_STORE, Location: `/unsubscribe/${encodeURIComponent(token)}` },
  });
}
