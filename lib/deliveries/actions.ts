'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, type FormState } from '../errors';
import { handleForm } from '../form';
import { nameField } from '../names';
import { getManagedTeam } from '../team-access';
import { setReminderDays } from '../distribution/reminder';
import { createDestination, deleteDestination, sendDestinationTest } from './destinations';

const base = { team: z.string().min(1).max(80) };

export type DestinationState = FormState & { secret?: string };

const destinationSchema = z.discriminatedUnion('op', [
  z.object({
    ...base,
    op: z.literal('create'),
    kind: z.enum(['SLACK', 'TEAMS', 'WEBHOOK'], 'Choose where to post.'),
    name: nameField({ max: 80, empty: 'Name it, e.g. “#support-news”.', tooLong: 'Keep names under 80 characters.' }),
    url: z.string().trim().min(1, 'Paste the webhook address.').max(2000, 'That address is too long.'),
  }),
  z.object({ ...base, op: z.enum(['delete', 'test']), id: z.string().min(1).max(64) }),
]);

/** Add, remove or test a team's Slack, Teams or webhook destination. */
export async function destinationAction(_prev: DestinationState, formData: FormData): Promise<DestinationState> {
  return handleForm(formData, { roles: ['ADMIN', 'LEADER'], schema: destinationSchema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    if (data.op === 'test') {
      try {
        const { name } = await sendDestinationTest(actor, team.id, data.id);
        return { ok: true, message: `Test message sent to “${name}”.` };
      } catch (error) {
        if (error instanceof NotFoundError || error instanceof ForbiddenError) throw error;
        return {
          ok: false,
          message: `The test was not delivered: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    }
    revalidatePath(`/manage/${team.slug}/settings`);
    if (data.op !== 'create') {
      await deleteDestination(actor, team.id, data.id);
      return { ok: true, message: 'Destination removed: editions are no longer posted there.' };
    }
    const { secret } = await createDestination(actor, team.id, data);
    return {
      ok: true,
      message: `Added “${data.name}”: new editions are posted there when published.`,
      values: {},
      ...(secret ? { secret } : {}),
    } satisfies DestinationState;
  });
}

const reminderSchema = z.object({
  ...base,
  days: z.union([
    z.literal(''),
    z.coerce.number().int('Whole days only.').min(1, 'At least 1 day.').max(30, 'At most 30 days.'),
  ]),
});

/** Off, or one reminder N days after publishing to those who have not opened the edition. */
export async function reminderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['ADMIN', 'LEADER'], schema: reminderSchema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    const days = data.days === '' ? null : data.days;
    await setReminderDays(actor, team.id, days);
    revalidatePath(`/manage/${team.slug}/settings`);
    return {
      ok: true,
      message: days
        ? `Reminders on: ${days} day${days === 1 ? '' : 's'} after publishing, people who have not opened the edition get one reminder.`
        : 'Reminders off.',
    };
  });
}
