import { SIGNED_IN, type MatrixArea } from './types';

export const trends: MatrixArea = {
  pages: [
    { route: '/trends', path: (c) => `/trends?team=${c.team.slug}&range=24`, allowed: SIGNED_IN },
    { route: '/tv', path: () => '/tv', allowed: SIGNED_IN },
  ],
  routes: [
    {
      route: '/api/trends/csv',
      method: 'GET',
      path: (c) => `/api/trends/csv?team=${c.team.slug}&range=12&chart=contacts`,
      allowed: SIGNED_IN,
    },
  ],
};
