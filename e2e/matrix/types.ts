// Row types for the authorization matrix (e2e/authorization-matrix.spec.ts). Each area of the
// product lists its pages, route handlers and server actions in its own file in this folder.
import type { PrismaClient } from '../../lib/generated/prisma/client';
import type { Role } from '../../lib/generated/prisma/enums';
import { ANY_ROLE } from '../../lib/authz';

export type Actor = Role | 'ANONYMOUS';
// The product's own list, so a new role is in every row's refusals without touching this file.
export const ROLES: Role[] = [...ANY_ROLE];
export const SIGNED_IN: readonly Role[] = ROLES;
export const PUBLIC = 'public' as const;
export type Allowed = readonly Role[] | typeof PUBLIC;

/**
 * One user per role, made fresh for the run. LEADER and AGENT belong to `team`; `otherTeam` has
 * its own leader and agent, for rows that must refuse another team's leader.
 */
export type Context = {
  db: PrismaClient;
  team: { id: string; slug: string };
  otherTeam: { id: string; slug: string };
  users: Record<Role, { id: string; email: string; teamId: string | null }>;
  otherTeamUsers: { LEADER: { id: string; email: string }; AGENT: { id: string; email: string } };
};

/** `path` may depend on data made for the run; `expectAllowedStatus` when not 200. */
export type PageRow = {
  route: string;
  path: (c: Context) => Promise<string> | string;
  allowed: Allowed;
  label?: string;
  allowedStatus?: number[];
  /** Refused to everyone, signed in or not, with this status (a page no one may open by its address). */
  refusedStatus?: number;
  /** A labelled row whose page is still checked with axe (the same route with another path shape). */
  axe?: boolean;
};

/** Route handlers: `allowed` roles get `expectStatus` (200 by default); everyone else 401/403. */
export type RouteRow = {
  route: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: (c: Context) => Promise<string> | string;
  allowed: Allowed;
  expectStatus?: number | number[];
  label?: string;
  body?: (c: Context) => Promise<unknown> | unknown;
  /** What must not change when refused (and must change when allowed, for mutating routes). */
  probe?: (c: Context) => Promise<unknown>;
};

export type Prepared = { args: unknown[]; probe: () => Promise<unknown> };
/**
 * Server actions, named `file#export`. `prepare` makes fresh input for one call by `actor` and a
 * probe of what the call would change: allowed actors must change it, everyone else must not.
 * Rows without `prepare` are public by nature (signing in and out).
 */
export type ActionRow = {
  action: string;
  allowed: Allowed;
  label?: string;
  prepare?: (c: Context, actor: Actor) => Promise<Prepared>;
};

export type MatrixArea = { pages?: PageRow[]; routes?: RouteRow[]; actions?: ActionRow[] };

/** The arguments React sends for a `useActionState` form action: (previous state, FormData). */
export function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) data.append(k, value);
  return [{ ok: false }, data];
}

export const unique = () => Math.random().toString(36).slice(2, 10);

/**
 * A past month no other row has used in this run for that table and team: (team, month) is
 * unique for figures and for editions, so every allowed call creates something a probe can see.
 * Each (table, team) pair counts on its own, so the 299 months from 2002-01 go a long way; the
 * year 2001 is left to the rows that name a fixed month (the API's GET and PUT).
 */
const monthCounters = new Map<string, number>();
export function freshMonth(table: 'figures' | 'review', teamId: string): string {
  const key = `${table}:${teamId}`;
  const n = monthCounters.get(key) ?? 0;
  monthCounters.set(key, n + 1);
  const month = `${2002 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  if (month >= new Date().toISOString().slice(0, 7)) throw new Error(`freshMonth ran out of past months at ${month}`);
  return month;
}
