// Every demo team can be walked through by its own leader: each team the demo seeds has a leader
// who signs in with the README's demo password and is listed in the README's table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { db } from '../lib/db';
import { verifyPassword } from '../lib/password';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedOrganisation } from './demo';

it('each demo team’s leader signs in with the demo password and is in the README table', async () => {
  const org = await seedOrganisation(db);
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  expect(readme).toContain(`**\`${DEMO_PASSWORD}\`**`);
  for (const team of Object.values(org.teams)) {
    const leaders = DEMO_ACCOUNTS.filter((a) => a.role === 'LEADER' && org.teams[a.team!]?.id === team.id);
    expect(leaders, team.name).not.toHaveLength(0);
    for (const leader of leaders) {
      expect(readme, leader.email).toMatch(
        new RegExp(`^\\| \`${leader.email.replace(/\./g, '\\.')}\` \\| Team leader, ${team.name} \\|`, 'm'),
      );
      const user = await db.user.findUniqueOrThrow({ where: { email: leader.email } });
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash), leader.email).toBe(true);
    }
  }
});
