// Operations (issue 14): health probes for orchestrators, and an admin's data-rights tools.
import { makeQuote, makeUser } from '../../prisma/factories';
import { form, PUBLIC, unique, type MatrixArea } from './types';

export const operations: MatrixArea = {
  pages: [
    { route: '/admin/people', path: () => '/admin/people', allowed: ['ADMIN'] },
    {
      route: '/admin/people',
      path: (c) => `/admin/people?user=${c.users.AGENT.id}&customer=Priya`,
      allowed: ['ADMIN'],
      label: 'with a person and a customer search',
    },
  ],
  routes: [
    { route: '/api/health/live', method: 'GET', path: () => '/api/health/live', allowed: PUBLIC },
    { route: '/api/health/ready', method: 'GET', path: () => '/api/health/ready', allowed: PUBLIC },
    {
      route: '/api/admin/people/[userId]/export',
      method: 'GET',
      path: (c) => `/api/admin/people/${c.users.COLLEAGUE.id}/export`,
      allowed: ['ADMIN'],
      // The export is audited: allowed calls add a record, refused ones add none.
      probe: (c) => c.db.auditEvent.count({ where: { action: 'user.export_data', entityId: c.users.COLLEAGUE.id } }),
    },
  ],
  actions: [
    {
      action: 'lib/privacy/actions.ts#erasePersonAction',
      allowed: ['ADMIN'],
      prepare: async (c) => {
        const target = await makeUser(c.db, { role: 'COLLEAGUE' });
        return {
          args: form({ userId: target.id, confirmEmail: target.email }),
          probe: async () => (await c.db.user.findUniqueOrThrow({ where: { id: target.id } })).email,
        };
      },
    },
    {
      action: 'lib/privacy/actions.ts#removeCustomerNameAction',
      allowed: ['ADMIN'],
      prepare: async (c) => {
        const quote = await makeQuote(c.db, {
          teamId: c.team.id,
          submitterId: c.users.AGENT.id,
          attribution: 'NAMED',
          customerName: `Matrix Customer ${unique()}`,
        });
        return {
          args: form({ quoteId: quote.id }),
          probe: async () => (await c.db.quote.findUniqueOrThrow({ where: { id: quote.id } })).customerName,
        };
      },
    },
  ],
};
