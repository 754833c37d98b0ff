import 'server-only';
import type { NextRequest } from 'next/server';
import { handlers } from '../auth';
import { hasControlCharacter } from '../callback-url';

// Auth.js's own endpoints (/api/auth/*), with two rules of the app in front of them.

function refusal() {
  return new Response('This address holds a control character and was refused.\n', {
    status: 400,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * The session endpoint answers `null` for a cookie the jwt callback refused (lib/auth.ts). Auth.js
 * then also sends Set-Cookie headers; this answer sends none at all, so the endpoint never writes a
 * session cookie for a session that does not stand.
 */
async function withoutCookiesWhenNoSession(request: NextRequest, response: Response): Promise<Response> {
  if (!request.nextUrl.pathname.endsWith('/session') || !response.headers.has('set-cookie')) return response;
  const body = await response.clone().text();
  if (body !== 'null') return response;
  const headers = new Headers(response.headers);
  headers.delete('set-cookie');
  return new Response(body, { status: response.status, headers });
}

async function GET(request: NextRequest): Promise<Response> {
  if (hasControlCharacter(request.nextUrl.pathname + request.nextUrl.search)) return refusal();
  return withoutCookiesWhenNoSession(request, await handlers.GET(request));
}

async function POST(request: NextRequest): Promise<Response> {
  if (hasControlCharacter(request.nextUrl.pathname + request.nextUrl.search)) return refusal();
  return withoutCookiesWhenNoSession(request, await handlers.POST(request));
}

export const authEndpoints = { GET, POST };
