// The department lens: a department's page and its CSV (every signed-in user), the exec map
// (executives and admins), and linking a team's reasons, segments and channels to departments (the
// team's leaders and admins; another team's leader is refused).
import { makeDepartment } from '../../prisma/factories';
import { form, SIGNED_IN, unique, type Context, type MatrixArea } from './types';

const department = async (c: Context) => (await makeDepartment(c.db, `Matrix dept ${unique()}`)).id;

type Kind = 'reason' | 'segment' | 'channel';

async function item(c: Context, teamId: string, kind: Kind) {
  const name = `Matrix ${kind} ${unique()}`;
  const data = { data: { teamId, name, nameKey: name.toLowerCase(), position: 0 } };
  if (kind === 'reason') return c.db.contactReason.create(data);
  if (kind === 'segment') return c.db.segment.create(data);
  return c.db.channel.create(data);
}

async function departmentOf(c: Context, kind: Kind, id: string) {
  const args = { where: { id }, select: { departmentId: true } };
  if (kind === 'reason') return (await c.db.contactReason.findUniqueOrThrow(args)).departmentId;
  if (kind === 'segment') return (await c.db.segment.findUniqueOrThrow(args)).departmentId;
  return (await c.db.channel.findUniqueOrThrow(args)).departmentId;
}

// One action links reasons, segments and channels: each kind is proved guarded.
function linkAction(which: 'team' | 'otherTeam', kind: Kind = 'reason') {
  const labels = [which === 'otherTeam' ? "another team's" : null, kind === 'reason' ? null : `a ${kind}`];
  return {
    action: 'lib/departments/actions.ts#reasonDepartmentsAction',
    allowed: which === 'team' ? (['ADMIN', 'LEADER'] as const) : (['ADMIN'] as const),
    label: labels.filter(Boolean).join(', ') || undefined,
    prepare: async (c: Context) => {
      const team = c[which];
      const [r, departmentId] = [await item(c, team.id, kind), await department(c)];
      return {
        args: form({ team: team.slug, [`${kind}:${r.id}`]: departmentId }),
        probe: () => departmentOf(c, kind, r.id),
      };
    },
  };
}

export const departments: MatrixArea = {
  pages: [
    { route: '/departments', path: () => '/departments', allowed: ['EXEC', 'ADMIN'] },
    {
      route: '/departments/[department]',
      path: async (c: Context) => `/departments/${await department(c)}`,
      allowed: SIGNED_IN,
    },
  ],
  routes: [
    {
      route: '/api/departments/[department]/contacts',
      method: 'GET' as const,
      path: async (c: Context) => `/api/departments/${await department(c)}/contacts`,
      allowed: SIGNED_IN,
    },
  ],
  actions: [
    linkAction('team'),
    linkAction('otherTeam'),
    linkAction('team', 'segment'),
    linkAction('otherTeam', 'channel'),
  ],
};
