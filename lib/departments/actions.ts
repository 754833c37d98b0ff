'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormState } from '../errors';
import { handleForm } from '../form';
import { getManagedTeam } from '../team-access';
import type { ItemLink } from '../team-settings/item-departments';
import { setItemDepartments } from './links';

const ITEM_FIELD = /^(reason|segment|channel):([A-Za-z0-9_-]{1,64})$/;

// One select per item, named `reason:<id>`, `segment:<id>` or `channel:<id>`: '' is "no department".
const linksSchema = z.looseObject({ team: z.string().min(1).max(80) }).transform((data, ctx) => {
  const links: ItemLink[] = [];
  for (const [key, value] of Object.entries(data)) {
    const match = ITEM_FIELD.exec(key);
    if (!match) continue;
    if (typeof value !== 'string' || value.length > 64) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'Choose a department from the list.' });
      continue;
    }
    links.push({ kind: match[1] as ItemLink['kind'], itemId: match[2]!, departmentId: value || null });
  }
  if (links.length > 1000) ctx.addIssue({ code: 'custom', path: ['team'], message: 'Too many items at once.' });
  return { team: data.team, links };
});

/** The team's reasons, segments and channels linked to the departments that cause them (Team settings). */
export async function reasonDepartmentsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['ADMIN', 'LEADER'], schema: linksSchema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    const { changed } = await setItemDepartments(actor, team.id, data.links);
    revalidatePath(`/manage/${team.slug}/settings`);
    return {
      ok: true,
      message: changed
        ? `Saved ${changed} link${changed === 1 ? '' : 's'}. Editions published from now on use them.`
        : 'Nothing changed.',
    };
  });
}
