'use server';
import { revalidatePath } from 'next/cache';
import { expireDashboard } from '../expiry/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../errors';
import { handleForm, typedValues } from '../form';
import { getManagedTeam } from '../team-access';
import { receiptSearch } from './publish-receipt';
import type { FactChange } from '../editions/basis';
import { countRecipients, retryReviewEmail, sendTestEmail, smtpFromEnv } from '../distribution/email';
import { hideThanks, setEmailOptOut, thankReview } from '../readership/readers';
import {
  confirmReviewText,
  publishReview,
  ReviewConflictError,
  rewriteReviewText,
  saveReview,
  StaleTextError,
  startReview,
} from './reviews';
import {
  featuredFrom,
  omissionsFrom,
  hideThanksSchema,
  optOutSchema,
  retryEmailSchema,
  saveReviewSchema,
  thanksSchema,
} from './schemas';
import { teamMonthSchema } from '../fields';
import { ANY_ROLE } from '../authz';
import { formatInstant, zoneLabel } from '../dates/zone';
import { formatDraftSaves } from '../format';
import { teamTimeZone } from '../time-zone';
import { scheduleInstant, scheduleReview, unscheduleReview } from './schedule';

const MANAGERS = ['ADMIN', 'LEADER'] as const;

const editionPaths = (slug: string, month: string) => {
  revalidatePath(`/manage/${slug}/reviews`, 'layout');
  revalidatePath(`/reviews/${slug}/${month}`);
  revalidatePath('/reviews');
  // Publishing and corrections change the dashboard's and TV's headline cards.
  expireDashboard();
};

export async function startReviewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await handleForm(formData, { roles: [...MANAGERS], schema: teamMonthSchema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    await startReview(actor, team, data.month);
    revalidatePath(`/manage/${team.slug}/reviews`, 'layout');
    return { ok: true, message: 'Started.', values: { team: team.slug, month: data.month } } satisfies FormState;
  });
  // Outside handleForm: redirect() works by throwing.
  if (result.ok && result.values?.team && result.values.month)
    redirect(`/manage/${result.values.team}/reviews/${result.values.month}`);
  return result;
}

export type SaveReviewState = FormState & {
  conflict?: { version: number; by: string | null; title: string; highlights: string; asks: string };
  version?: number;
  published?: boolean;
  /** After publishing: the published edition's address with what went out (lib/publishing/publish-receipt.ts). */
  landing?: string;
  /** What changed under the generated text; null once rewritten or confirmed. */
  stale?: FactChange[] | null;
};

/**
 * Every button of the composer: save the draft; save and publish (a correction when already
 * published); rewrite the parts written from the figures; confirm the text stands with changed
 * figures; save and send a test email to oneself.
 */
export async function saveReviewAction(prev: SaveReviewState, formData: FormData): Promise<SaveReviewState> {
  const state = await runSaveReview(prev, formData);
  // Outside handleForm: redirect() works by throwing. Publishing lands on the published edition.
  if ('landing' in state && state.landing) redirect(state.landing);
  return state;
}

async function runSaveReview(_prev: SaveReviewState, formData: FormData): Promise<SaveReviewState> {
  return handleForm(formData, { roles: [...MANAGERS], schema: saveReviewSchema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    const fields = {
      version: data.version,
      title: data.title,
      highlights: data.highlights,
      asks: data.asks,
      distribution: data.distribution,
      followUps: data.followUps,
      featured: featuredFrom(formData),
      ...omissionsFrom(formData),
    };
    const typed = typedValues(formData);
    try {
      if (data.intent === 'rewrite') {
        const { version, highlights, asks } = await rewriteReviewText(actor, team, data.month, fields);
        editionPaths(team.slug, data.month);
        return {
          ok: true,
          stale: null,
          message: `Rewrote the parts written from the figures with today’s figures; your own sentences are unchanged. Saved (${formatDraftSaves(version)}).`,
          version,
          values: { ...typed, highlights, asks, version: String(version) },
        } satisfies SaveReviewState;
      }
      if (data.intent === 'confirm') {
        const { version } = await confirmReviewText(actor, team, data.month, fields);
        editionPaths(team.slug, data.month);
        return {
          ok: true,
          stale: null,
          message: `Noted: the text stands with today’s figures. Saved (${formatDraftSaves(version)}).`,
          version,
          values: { ...typed, version: String(version) },
        } satisfies SaveReviewState;
      }
      if (data.intent === 'test') {
        const { version } = await saveReview(actor, team, data.month, fields);
        editionPaths(team.slug, data.month);
        const values = { ...typed, version: String(version) };
        try {
          const { to } = await sendTestEmail(actor, team, data.month);
          return {
            ok: true,
            message: `Saved (${formatDraftSaves(version)}) and sent a test email of the draft to ${to}. Nobody else was emailed.`,
            version,
            values,
          } satisfies SaveReviewState;
        } catch (error) {
          // Saved, but not sent: say so, and keep the new version so the next save is not a conflict.
          return {
            ok: false,
            message: `Saved (${formatDraftSaves(version)}), but the test email was not sent: ${error instanceof Error ? error.message : String(error)}`,
            version,
            values,
          } satisfies SaveReviewState;
        }
      }
      if (data.intent === 'schedule') {
        const at = await scheduleInstant(team.id, data.publishOn, data.publishAt);
        const { version } = await scheduleReview(actor, team, data.month, fields, at);
        editionPaths(team.slug, data.month);
        const zone = await teamTimeZone(team.id);
        return {
          ok: true,
          message: `Saved (${formatDraftSaves(version)}) and scheduled: it publishes on ${formatInstant(at, zone)} (${zoneLabel(zone, at)}). What you save until then is what readers get.`,
          version,
          values: { ...typed, version: String(version) },
        } satisfies SaveReviewState;
      }
      if (data.intent === 'unschedule') {
        const { version } = await saveReview(actor, team, data.month, fields);
        await unscheduleReview(actor, team, data.month);
        editionPaths(team.slug, data.month);
        return {
          ok: true,
          message: `Saved (${formatDraftSaves(version)}). No longer scheduled: it stays a draft until you publish it.`,
          version,
          values: { ...typed, version: String(version) },
        } satisfies SaveReviewState;
      }
      if (data.intent === 'publish') {
        // The email's outbox row commits with the publish; the job queue sends it (lib/jobs).
        const { version, revision, emailId, deliveries } = await publishReview(
          actor,
          team,
          data.month,
          fields,
          data.note,
        );
        editionPaths(team.slug, data.month);
        // The first publish lands on the edition, which says what went out, counted now as the
        // queued email will count them. A correction (not emailed or posted) stays here with its note.
        const emailed = !emailId || !smtpFromEnv() ? null : await countRecipients(actor, team, fields.distribution);
        const landing =
          revision === 1
            ? `/reviews/${team.slug}/${data.month}${receiptSearch({ revision, emailed, posted: deliveries })}`
            : undefined;
        const message =
          revision === 1 ? 'Published. Readers can open it now.' : `Correction published as revision ${revision}.`;
        return {
          ok: true,
          published: true,
          landing,
          message,
          version,
          values: { ...typed, version: String(version), note: '' },
        } satisfies SaveReviewState;
      }
      const { version } = await saveReview(actor, team, data.month, fields);
      editionPaths(team.slug, data.month);
      return {
        ok: true,
        message: `Saved (${formatDraftSaves(version)}).`,
        version,
        values: { ...typed, version: String(version) },
      } satisfies SaveReviewState;
    } catch (error) {
      if (error instanceof StaleTextError)
        return { ok: false, message: error.message, stale: error.changes, values: typed } satisfies SaveReviewState;
      if (!(error instanceof ReviewConflictError)) throw error;
      const latest = error.latest;
      return {
        ok: false,
        message: error.message,
        values: { ...typed, version: String(latest.version) },
        conflict: {
          version: latest.version,
          by: latest.updatedBy?.name ?? null,
          title: latest.title,
          highlights: latest.highlights,
          asks: latest.asks,
        },
      } satisfies SaveReviewState;
    }
  });
}

export async function thankReviewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: [...ANY_ROLE], schema: thanksSchema }, async (actor, data) => {
    const review = await thankReview(actor, data.reviewId, data.note);
    revalidatePath(`/reviews/${review.team.slug}/${review.month}`);
    expireDashboard();
    return {
      ok: true,
      message: data.note ? 'Thank you: your note reached the team.' : 'Thank you: the team will see it.',
    } satisfies FormState;
  });
}

export async function hideThanksAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: [...MANAGERS], schema: hideThanksSchema }, async (actor, data) => {
    const review = await hideThanks(actor, data.thanksId);
    revalidatePath(`/reviews/${review.team.slug}/${review.month}`);
    expireDashboard();
    return { ok: true, message: 'Note hidden.' } satisfies FormState;
  });
}

export async function emailOptOutAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: [...ANY_ROLE], schema: optOutSchema }, async (actor, data) => {
    const team = await setEmailOptOut(actor, data.team, data.optOut === 'yes');
    revalidatePath('/reviews', 'layout');
    return {
      ok: true,
      message:
        data.optOut === 'yes'
          ? `You will no longer get ${team.name}’s editions by email.`
          : `You will get ${team.name}’s editions by email again.`,
    } satisfies FormState;
  });
}

export async function retryEmailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, { roles: [...MANAGERS], schema: retryEmailSchema }, async (actor, data) => {
    const { slug, month, status, error } = await retryReviewEmail(actor, data.emailId);
    revalidatePath(`/manage/${slug}/reviews/${month}`);
    return {
      ok: status === 'SENT',
      message: status === 'SENT' ? 'Email sent.' : `Email not sent: ${error ?? status}.`,
    } satisfies FormState;
  });
}
