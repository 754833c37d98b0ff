'use server';
import { revalidatePath } from 'next/cache';
import { ANY_ROLE } from '../authz';
import type { FormState } from '../errors';
import { handleForm, joinRepeated } from '../form';
import { getManagedTeam } from '../team-access';
import { setMeetTheTeam } from './meet-the-team';
import { removeProfile, saveProfile } from './profiles';
import { meetTheTeamSchema, profileSchema, removeProfileSchema } from './schemas';

export async function saveProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: ['AGENT', 'LEADER'], schema: profileSchema }, async (actor, data) => {
    await saveProfile(actor, actor.id, data);
    revalidatePath('/account/profile');
    revalidatePath(`/people/${actor.id}`);
    return {
      ok: true,
      message: 'Saved. Your profile shows on your page, and in an edition when your leader features you.',
      values: { title: data.title, bio: data.bio, teamSince: data.teamSince, consent: 'yes' },
    };
  });
}

/** Your own profile, or (an admin, on request) someone else's. */
export async function removeProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: [...ANY_ROLE], schema: removeProfileSchema }, async (actor, data) => {
    const userId = data.userId ?? actor.id;
    await removeProfile(actor, userId);
    revalidatePath('/account/profile');
    revalidatePath(`/people/${userId}`);
    revalidatePath('/manage', 'layout');
    return {
      ok: true,
      message:
        userId === actor.id
          ? 'Your profile is removed. No future edition will show it; editions already published stay as they were sent.'
          : 'The profile is removed.',
      values: {},
    };
  });
}

export async function saveMeetTheTeamAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(
    joinRepeated(formData, ['userIds']),
    { roles: ['ADMIN', 'LEADER'], schema: meetTheTeamSchema },
    async (actor, data) => {
      const team = await getManagedTeam(actor, data.team);
      const { count } = await setMeetTheTeam(actor, team, data.month, data.userIds);
      revalidatePath(`/manage/${team.slug}/reviews`, 'layout');
      return {
        ok: true,
        message: count
          ? `Saved: ${count === 1 ? 'one person' : `${count} people`} in “Meet the team”. See the preview; readers get it when you publish.`
          : 'Saved: no “Meet the team” section in this edition.',
        values: { userIds: data.userIds.join(',') },
      };
    },
  );
}
