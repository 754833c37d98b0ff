'use server';
import { revalidatePath } from 'next/cache';
import { expireDashboard } from '../expiry/cache';
import { z } from 'zod';
import type { FormState } from '../errors';
import { handleForm } from '../form';
import { LIST_KINDS } from './list-kinds';
import { nameField } from '../names';
import { getManagedTeam } from '../team-access';
import { kpiFields, withKpiTarget } from './kpi-schemas';
import { createKpi, setKpiArchived, updateKpi } from './kpis';
import { addListItem, deleteListItem, moveListItem, renameListItem, setListItemArchived } from './lists';
import { isTimeZone } from '../dates/zone';
import { setTeamTimeZone } from './time-zone';
import { createApiToken, revokeApiToken } from './tokens';

const itemName = nameField({ max: 80, empty: 'Enter a name.', tooLong: 'Keep names under 80 characters.' });
const base = { team: z.string().min(1).max(80) };

const listSchema = z.discriminatedUnion('op', [
  z.object({ ...base, kind: z.enum(LIST_KINDS), op: z.literal('add'), name: itemName }),
  z.object({
    ...base,
    kind: z.enum(LIST_KINDS),
    op: z.literal('rename'),
    id: z.string().min(1).max(64),
    name: itemName,
  }),
  z.object({
    ...base,
    kind: z.enum(LIST_KINDS),
    op: z.enum(['up', 'down', 'archive', 'restore', 'delete']),
    id: z.string().min(1).max(64),
  }),
]);

/** Every change to a channel, reason or segment list: add, rename, reorder, archive, restore, delete. */
export async function listItemAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['ADMIN', 'LEADER'], schema: listSchema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    if (data.op === 'add') await addListItem(actor, team.id, data.kind, data.name);
    else if (data.op === 'rename') await renameListItem(actor, team.id, data.kind, data.id, data.name);
    else if (data.op === 'up' || data.op === 'down')
      await moveListItem(actor, team.id, data.kind, data.id, data.op === 'up' ? -1 : 1);
    else if (data.op === 'delete') await deleteListItem(actor, team.id, data.kind, data.id);
    else await setListItemArchived(actor, team.id, data.kind, data.id, data.op === 'archive');
    revalidatePath(`/manage/${team.slug}`, 'layout');
    expireDashboard();
    return { ok: true, message: data.op === 'add' ? `Added “${data.name}”.` : 'Saved.' };
  });
}

// Discriminated, so a save's field errors (a target refused) stay at their fields.
const kpiSchema = z.discriminatedUnion('op', [
  z
    .object({ ...base, op: z.literal('save'), id: z.string().max(64).optional(), ...kpiFields })
    .transform(withKpiTarget),
  z.object({ ...base, op: z.enum(['archive', 'restore']), id: z.string().min(1).max(64) }),
]);

export async function kpiAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['ADMIN', 'LEADER'], schema: kpiSchema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    if (data.op === 'save') {
      if (data.id) await updateKpi(actor, team.id, data.id, data);
      else await createKpi(actor, team.id, data);
    } else {
      await setKpiArchived(actor, team.id, data.id, data.op === 'archive');
    }
    revalidatePath(`/manage/${team.slug}`, 'layout');
    expireDashboard();
    return { ok: true, message: data.op === 'save' ? `Saved “${data.name}”.` : 'Saved.' };
  });
}

export type TokenState = FormState & { token?: string };

const tokenSchema = z.discriminatedUnion('op', [
  z.object({
    ...base,
    op: z.literal('create'),
    name: z.string().trim().min(1, 'Name the token after what uses it, e.g. “Zendesk export”.').max(80),
  }),
  z.object({ ...base, op: z.literal('revoke'), id: z.string().min(1).max(64) }),
]);

export async function apiTokenAction(_prev: TokenState, formData: FormData): Promise<TokenState> {
  return handleForm(formData, { roles: ['ADMIN', 'LEADER'], schema: tokenSchema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    revalidatePath(`/manage/${team.slug}/settings`);
    if (data.op === 'revoke') {
      await revokeApiToken(actor, team.id, data.id);
      return { ok: true, message: 'Revoked: requests with it are refused from now on.' };
    }
    const token = await createApiToken(actor, team.id, data.name);
    return { ok: true, message: `Token “${data.name}” created.`, token } satisfies TokenState;
  });
}

const timeZoneSchema = z.object({
  ...base,
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((zone) => zone === '' || isTimeZone(zone), 'Choose a time zone from the list.'),
});

/** A team's own time zone, or '' for the organisation's. */
export async function teamTimeZoneAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['ADMIN', 'LEADER'], schema: timeZoneSchema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    await setTeamTimeZone(actor, team.id, data.timeZone || null);
    revalidatePath(`/manage/${team.slug}`, 'layout');
    return {
      ok: true,
      message: data.timeZone
        ? `Months now begin and end in ${data.timeZone}.`
        : 'Months now follow the organisation’s time zone.',
    };
  });
}
