import { NextResponse, type NextRequest } from 'next/server';
import { env } from './lib/env.js';
import { foreignActionOrigin } from './lib/action-origin';
import { databaseState } from './lib/database-state';
import { KEPT_PAGE_PATHS, KEPT_PREFIX, keptPagePath } from './lib/kept/gate';
import { keptEditionPath } from './lib/readership/edition-gate';
import { KEPT_EDITION_PREFIX } from './lib/editions/version';

// Sends readers without a session cookie to sign-in with a way back (API routes answer 401
// themselves). It decides no access on its own: every page, action and route handler asks lib/ and
// lib/ checks the database. The pages it serves itself are kept ones — a published edition (one
// rendering per revision), the dashboard, trends and the quote wall (one per generation and
// minute) — and only when lib/'s gate opens them (lib/readership/edition-gate.ts, lib/kept/gate.ts);
// otherwise the request goes on to the dynamic page, whose guards answer.
// The unsubscribe page opens from an email, signed by its token: it must work without a session.
const PUBLIC = [/^\/sign-in$/, /^\/about$/, /^\/api\//, /^\/unsubscribe\/[^/]+$/];

// Every request gets an id that its log lines carry (a load balancer's own, when it sent a sane one).
// Marks the gate's own rewrite. Next routes a same-origin rewrite internally without running the
// proxy again, so this is defence in depth for any path that would: random per process, so no
// client can forge it.
const GATE_PASS = crypto.randomUUID();

function withRequestId(request: NextRequest, rewrite?: URL) {
  const given = request.headers.get('x-request-id');
  const id = given && /^[\w.:-]{1,100}$/.test(given) ? given : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set('x-request-id', id);
  if (rewrite) headers.set('x-edition-gate', GATE_PASS);
  else headers.delete('x-edition-gate');
  const response = rewrite
    ? NextResponse.rewrite(rewrite, { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', id);
  // A kept page is still one reader's page: no shared cache may keep it for the next.
  // no-store, as the dynamic page: no back/forward or history copy after signing out either.
  if (rewrite) response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

function notFound() {
  return new NextResponse('Not found.\n', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** The kept page (an edition, the dashboard, trends, the wall) for this reader, or null to let the dynamic page answer. */
async function keptPage(request: NextRequest): Promise<URL | null> {
  // A form on an edition posts its server action to the page's address. The action's answer
  // carries the page again: the kept one, so the forms (and what they just said) stay as they are.
  const action = request.method === 'POST' && request.headers.has('next-action');
  if (request.method !== 'GET' && request.method !== 'HEAD' && !action) return null;
  // While PostgreSQL is not answering, a gate query would only add its timeout to the page's.
  if (databaseState.down) return null;
  const { pathname } = request.nextUrl;
  const cookie = request.headers.get('cookie');
  // A database that does not answer is the dynamic page's to report (503), not the proxy's.
  // Only an edition's actions answer with the page; elsewhere only reads are kept.
  const path = await (
    action || !KEPT_PAGE_PATHS.includes(pathname)
      ? keptEditionPath(cookie, pathname)
      : keptPagePath(cookie, pathname, request.nextUrl.search)
  ).catch(() => null);
  if (!path) return null;
  // From request.url, not nextUrl: Next serves a rewrite internally only when its origin is the
  // one the server listens on (skipProxyUrlNormalize keeps request.url so); any other origin it
  // would fetch over HTTP, through this proxy again.
  return new URL(path, request.url);
}

export async function proxy(request: NextRequest) {
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
  // Reached only through the gate's rewrite below, never by its own address — nor through the
  // pages router's data URLs (/_next/data/<build>/editions/….json), which Next would route to it
  // after this proxy ran: the app has no pages router, so no such request is legitimate.
  if (pathname.startsWith('/_next/data/') || request.headers.has('x-nextjs-data')) return notFound();
  if (pathname.startsWith(KEPT_EDITION_PREFIX) || pathname.startsWith(KEPT_PREFIX)) {
    if (request.headers.get('x-edition-gate') === GATE_PASS) return NextResponse.next();
    return notFound();
  }
  if (PUBLIC.some((re) => re.test(pathname))) return withRequestId(request);
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith('authjs.session-token'));
  if (hasSession) return withRequestId(request, (await keptPage(request)) ?? undefined);
  if (request.method !== 'GET') return withRequestId(request);
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = pathname === '/' ? '' : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: [
    '/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:svg|png|jpg|csv|ico)$).*)',
    // Kept pages whatever their address ends in: the rule above skips "….png", and only this proxy
    // refuses them by their own address (a kept page renders whatever its address names).
    '/kept/:path*',
    '/editions/:path*',
  ],
};
