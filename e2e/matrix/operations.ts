// Operations (issue 14): health probes for orchestrators, and an admin's data-rights tools.
import { PUBLIC, type MatrixArea } from './types';

export const operations: MatrixArea = {
  routes: [
    { route: '/api/health/live', method: 'GET', path: () => '/api/health/live', allowed: PUBLIC },
    { route: '/api/health/ready', method: 'GET', path: () => '/api/health/ready', allowed: PUBLIC },
  ],
};
