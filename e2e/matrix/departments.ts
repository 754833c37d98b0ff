// The department lens: a department's page and its CSV (every signed-in user), the exec map
// (executives and admins), and linking a team's reasons to departments (the team's leaders and
// admins; another team's leader is refused).
import { makeDepartment } from '../../prisma/factories';
import { form, SIGNED_IN, unique, type Context, type MatrixArea } from './types';

const department = async (c: Context) => (await makeDepartment(c.db, `Matrix dept ${unique()}`)).id;

async function reason(c: Context, teamId: string) {
  const name = `Matrix reason ${unique()}`;
  return c.db.contactReason.create({ data: { teamId, name, nameKey: name.toLowerCase(), position: 0 } });
}

function linkAction(which: 'team' | 'otherTeam') {
  return {
    action: 'lib/departments/actions.ts#reasonDepartmentsAction',
    allowed: which === 'team' ? (['ADMIN', 'LEADER'] as const) : (['ADMIN'] as const),
    label: which === 'otherTeam' ? "another team's" : undefined,
    prepare: async (c: Context) => {
      const team = c[which];
      const [r, departmentId] = [await reason(c, team.id), await department(c)];
      return {
        args: form({ team: team.slug, [`reason:${r.id}`]: departmentId }),
        probe: async () =>
          (await c.db.contactReason.findUniqueOrThrow({ where: { id: r.id }, select: { departmentId: true } }))
            .departmentId,
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
  actions: [linkAction('team'), linkAction('otherTeam')],
};
