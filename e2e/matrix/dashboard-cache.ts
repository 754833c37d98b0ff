// The kept dashboard page and the reader's part of it (lib/dashboard/gate.ts). The page / itself,
// which the gate serves from that cache, is in its own area's rows.
import { encode } from 'next-auth/jwt';
import { E2E_AUTH_SECRET } from '../fixtures/auth-secret';
import { SIGNED_IN, type Context, type MatrixArea } from './types';

const SALT = 'authjs.session-token';
const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

/** The kept page's real, current address: where the gate rewrites `/` for the run's admin. */
async function keptPath(c: Context) {
  const token = await encode({ token: { sub: c.users.ADMIN.id, sv: 0 }, secret: E2E_AUTH_SECRET, salt: SALT });
  const res = await fetch(`${BASE}/`, { headers: { cookie: `${SALT}=${token}` }, redirect: 'manual' });
  await res.arrayBuffer();
  const rewrite = res.headers.get('x-middleware-rewrite');
  if (!rewrite?.startsWith('/kept-dashboard/')) throw new Error(`the gate did not open / to the admin: ${rewrite}`);
  return rewrite;
}

export const dashboardCache: MatrixArea = {
  pages: [
    {
      route: '/kept-dashboard/[version]/[team]',
      // Its real, current address: still refused to everyone who asks for it by that address.
      path: keptPath,
      allowed: [],
      refusedStatus: 404,
    },
  ],
  routes: [
    {
      route: '/api/dashboard/reader',
      method: 'GET',
      path: () => '/api/dashboard/reader',
      allowed: SIGNED_IN,
    },
  ],
};
