import { form, unique, type Context, type MatrixArea } from './types';

const MANAGERS = ['ADMIN', 'LEADER'] as const;

// A public address given as an IP literal: creating a destination checks it without DNS and
// without posting anything.
const PUBLIC_HOOK = 'https://93.184.216.34/hooks/matrix';

function deliveryActions(which: 'team' | 'otherTeam') {
  const allowed = which === 'team' ? MANAGERS : (['ADMIN'] as const);
  const label = which === 'otherTeam' ? "another team's" : undefined;
  return [
    {
      action: 'lib/deliveries/actions.ts#destinationAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const team = c[which];
        const name = `Matrix hook ${unique()}`;
        return {
          args: form({ team: team.slug, op: 'create', kind: 'WEBHOOK', name, url: PUBLIC_HOOK }),
          probe: () => c.db.deliveryDestination.count({ where: { teamId: team.id, name } }),
        };
      },
    },
    {
      action: 'lib/deliveries/actions.ts#reminderAction',
      allowed,
      label,
      prepare: async (c: Context) => {
        const team = c[which];
        const current = (await c.db.team.findUniqueOrThrow({ where: { id: team.id } })).reminderDays;
        const days = String(current === 3 ? 5 : 3);
        return {
          args: form({ team: team.slug, days }),
          probe: async () => (await c.db.team.findUniqueOrThrow({ where: { id: team.id } })).reminderDays,
        };
      },
    },
  ];
}

export const deliveries: MatrixArea = {
  actions: [...deliveryActions('team'), ...deliveryActions('otherTeam')],
};
