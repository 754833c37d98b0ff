'use server';
// The figures page's two declarations about sources (lib/figures/sources.ts).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { expireDashboard } from '../expiry/cache';
import type { FormState } from '../errors';
import { handleForm } from '../form';
import { getManagedTeam } from '../team-access';
import { monthSchema } from '../dates/month';
import { monthLabel } from '../dates/month';
import { declareSourceBreak, setComparableAcrossBreak } from './sources';

/** "We changed help desk in <month>", with a sentence of why. */
export async function declareSourceBreakAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const schema = z.object({ team: z.string().min(1).max(80), month: monthSchema(), reason: z.string().max(300) });
  return handleForm(formData, { roles: ['ADMIN', 'LEADER'], schema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    await declareSourceBreak(actor, team.id, { month: data.month, reason: data.reason });
    revalidatePath(`/manage/${team.slug}`, 'layout');
    expireDashboard();
    return {
      ok: true,
      message: `Marked: changes across ${monthLabel(data.month)} now read “not comparable — source changed”.`,
    };
  });
}

/** One part (the counts or a KPI) stays comparable across a break, or no longer does. */
export async function comparableAcrossBreakAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const schema = z.object({
    team: z.string().min(1).max(80),
    month: monthSchema(),
    part: z.string().min(1).max(40),
    comparable: z.enum(['yes', 'no']),
  });
  return handleForm(formData, { roles: ['ADMIN', 'LEADER'], schema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    await setComparableAcrossBreak(actor, team.id, {
      month: data.month,
      part: data.part,
      comparable: data.comparable === 'yes',
    });
    revalidatePath(`/manage/${team.slug}`, 'layout');
    expireDashboard();
    return { ok: true, message: 'Saved.' };
  });
}
