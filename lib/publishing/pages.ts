import 'server-only';
import { db } from '../db';
import type { Actor } from '../authz';
import { NotFoundError } from '../errors';
import type { TeamRef } from '../team-access';
import { parseBasis } from '../editions/basis';
import { correctionNoteFor, listPublishedDrift } from '../editions/drift';
import { countRecipients, listReviewEmails, smtpFromEnv } from '../distribution/email';
import { listEditionDeliveries } from '../deliveries/deliveries';
import { listMonthEvents, listMonthQuotes } from '../editions/load';
import { buildSnapshotUnchecked } from '../editions/snapshot';
import { readershipFor } from '../readership/readers';
import { draftStaleness, draftValues, getReviewDraft } from './reviews';
import { listYearQuotes, listYearWins } from '../editions/year-load';

/** Everything the composer shows for a started edition, or null when it has not been started. */
export async function loadComposer(actor: Actor, team: TeamRef, month: string) {
  const draft = await getReviewDraft(actor, team, month);
  if (!draft) return null;
  const year = draft.kind === 'YEAR';
  const quotes = await (year ? listYearQuotes : listMonthQuotes)(db, team.id, month);
  const emails = await listReviewEmails(actor, team.id, draft.id);
  const deliveries = await listEditionDeliveries(actor, team.id, draft.id);
  const published = draft.status === 'PUBLISHED';
  const readership = published ? await readershipFor(actor, draft.id) : null;
  const events = year
    ? { wins: await listYearWins(db, team.id, month), updates: [] }
    : await listMonthEvents(db, team.id, month);
  const stale = await draftStaleness(draft, team);
  const drift = published
    ? ((await listPublishedDrift(actor, [team.id])).find((d) => d.reviewId === draft.id) ?? null)
    : null;
  const basis = parseBasis(draft.textBasis);
  const values = draftValues(draft);
  // One click from "figures changed since publishing" to a correction: the note is written for them.
  if (drift) values.note = correctionNoteFor(drift.changes);
  return {
    draft,
    values,
    quotes,
    emails,
    deliveries,
    emailOn: smtpFromEnv() !== null,
    readership,
    events,
    omitted: new Set([...draft.omittedWinIds, ...draft.omittedUpdateIds]),
    stale,
    drift,
    generated: { highlights: basis?.highlights.map((b) => b.text) ?? [], asks: basis?.asks.map((b) => b.text) ?? [] },
    everyone: published ? 0 : await countRecipients(actor, team, ''),
  };
}

/** The saved draft over the data as it is now: exactly what publishing would freeze. */
export async function loadPreview(actor: Actor, team: TeamRef, month: string) {
  const draft = await getReviewDraft(actor, team, month);
  if (!draft) throw new NotFoundError('Start the edition first.');
  // The saved draft is what publishing freezes: the same builder, so the preview is the edition.
  const snapshot = await buildSnapshotUnchecked(db, team, month, draft);
  const stale = await draftStaleness(draft, team);
  const recipients = draft.status === 'PUBLISHED' ? 0 : await countRecipients(actor, team, draft.distribution);
  return {
    snapshot,
    version: draft.version,
    draft,
    values: draftValues(draft),
    stale,
    recipients,
    emailOn: smtpFromEnv() !== null,
  };
}
