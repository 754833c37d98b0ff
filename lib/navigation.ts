import type { Role } from './generated/prisma/enums';

/** What the signed-in header shows its reader (lib/header.ts builds it). */
export type HeaderReader = {
  name: string;
  roleLabel: string;
  items: { href: string; label: string; badge?: number; badgeLabel?: string }[];
};

export type NavItem = { href: string; label: string; roles: readonly Role[] | 'all' };

/** What each role sees in the navigation; every page still checks the role itself. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Home', roles: 'all' },
  { href: '/reviews', label: 'Reviews', roles: 'all' },
  { href: '/quotes', label: 'Quotes', roles: 'all' },
  { href: '/wins', label: 'Wins', roles: 'all' },
  { href: '/projects', label: 'Projects', roles: 'all' },
  { href: '/asks', label: 'Asks', roles: 'all' },
  { href: '/trends', label: 'Trends', roles: 'all' },
  { href: '/tv', label: 'TV', roles: 'all' },
  { href: '/departments', label: 'Departments', roles: ['ADMIN', 'EXEC'] },
  { href: '/manage', label: 'Figures', roles: ['ADMIN', 'LEADER'] },
  { href: '/quotes/moderation', label: 'Moderation', roles: ['LEADER'] },
  { href: '/admin/users', label: 'Users', roles: ['ADMIN'] },
  { href: '/admin/teams', label: 'Teams', roles: ['ADMIN'] },
  { href: '/admin/audit', label: 'Audit log', roles: ['ADMIN'] },
  { href: '/admin/people', label: 'Data rights', roles: ['ADMIN'] },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles === 'all' || item.roles.includes(role));
}
