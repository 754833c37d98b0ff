// The kept pages (lib/kept/gate.ts) — the dashboard, trends and the quote wall — and the reader's
// part of them. The pages /, /trends and /quotes themselves, which the gate serves from that
// cache, are in their own areas' rows.
import { encode } from 'next-auth/jwt';
import { E2E_AUTH_SECRET } from '../fixtures/auth-secret';
import { SIGNED_IN, type Context, type MatrixArea } from './types';

const SALT = 'authjs.session-token';
const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

/** A kept page's real, current address: where the gate rewrites `path` for the run's colleague (or leader). */
function keptPath(path: string, role: 'COLLEAGUE' | 'LEADER' = 'COLLEAGUE') {
  return async (c: Context) => {
    const token = await encode({ token: { sub: c.users[role].id, sv: 0 }, secret: E2E_AUTH_SECRET, salt: SALT });
    let rewrite: string | null = null;
    // A leader's home is the dynamic page while drift is left to compare (figures written by another
    // spec meanwhile): that view compares it, and the next is kept.
    for (let attempt = 0; attempt < 3 && !rewrite?.startsWith('/kept/'); attempt++) {
      const res = await fetch(`${BASE}${path}`, { headers: { cookie: `${SALT}=${token}` }, redirect: 'manual' });
      await res.arrayBuffer();
      rewrite = res.headers.get('x-middleware-rewrite');
    }
    if (!rewrite?.startsWith('/kept/')) throw new Error(`the gate did not open ${path} to the ${role}: ${rewrite}`);
    return rewrite;
  };
}

export const keptPages: MatrixArea = {
  pages: [
    // Their real, current addresses: still refused to everyone who asks for them by those addresses.
    { route: '/kept/dashboard/[version]/[team]', path: keptPath('/'), allowed: [], refusedStatus: 404 },
    // A leader's home, named after their "Needs you".
    {
      route: '/kept/dashboard/[version]/[team]/[needs]',
      path: keptPath('/', 'LEADER'),
      allowed: [],
      refusedStatus: 404,
    },
    {
      route: '/kept/trends/[version]/[team]/[query]',
      path: keptPath('/trends?team=customer-care&range=24'),
      allowed: [],
      refusedStatus: 404,
    },
    {
      route: '/kept/quotes/[version]/[submit]/[query]',
      path: keptPath('/quotes?channel=EMAIL'),
      allowed: [],
      refusedStatus: 404,
    },
    // Addresses ending like a file: the proxy's general rule skips those, its kept-page rule not.
    {
      route: '/kept/quotes/[version]/[submit]/[query]',
      label: 'ending like an image',
      path: async (c) => `${await keptPath('/quotes?channel=EMAIL')(c)}.png`,
      allowed: [],
      refusedStatus: 404,
    },
    {
      route: '/kept/dashboard/[version]/[team]',
      label: 'ending like a picture',
      path: async (c) => `${await keptPath('/')(c)}.svg`,
      allowed: [],
      refusedStatus: 404,
    },
    {
      route: '/editions/[review]/[version]',
      label: 'ending like a spreadsheet',
      path: () => '/editions/any/version.csv',
      allowed: [],
      refusedStatus: 404,
    },
  ],
  routes: [{ route: '/api/reader', method: 'GET', path: () => '/api/reader', allowed: SIGNED_IN }],
};
