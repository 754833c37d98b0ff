import { NextResponse, type NextRequest } from 'next/server';
import { env } from './lib/env.js';
import { foreignActionOrigin } from './lib/action-origin';

// Convenience only: sends readers without a session cookie to sign-in with a way back (API routes
// answer 401 themselves). It never
// decides access — every page, action and route handler asks lib/ and lib/ checks the database.
// The unsubscribe page opens from an email, signed by its token: it must work without a session.
const PUBLIC = [/^\/sign-in$/, /^\/about$/, /^\/api\//, /^\/unsubscribe\/[^/]+$/];

// Every request gets an id that its log lines carry (a load balancer's own, when it sent a sane one).
function withRequestId(request: NextRequest) {
  const given = request.headers.get('x-request-id');
  const id = given && /^[\w.:-]{1,100}$/.test(given) ? given : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set('x-request-id', id);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', id);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (request.method === 'POST') {
    const foreign = foreignActionOrigin(request.headers, env().PUBLIC_URL);
    if (foreign) {
      return new NextResponse(`This form was sent from another site (${foreign.slice(0, 100)}) and was refused.\n`, {
        status: 403,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
  }
  if (PUBLIC.some((re) => re.test(pathname))) return withRequestId(request);
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith('authjs.session-token'));
  if (hasSession || request.method !== 'GET') return withRequestId(request);
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = pathname === '/' ? '' : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:svg|png|jpg|csv|ico)$).*)'],
};
