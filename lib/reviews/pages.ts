import 'server-only';
import { db } from '../db';
import type { Actor } from '../authz';
import { NotFoundError } from '../errors';
import type { TeamRef } from '../team-access';
import type { EditionSnapshot } from './content';
import { listReviewEmails, smtpFromEnv } from './email';
import { listMonthQuotes, loadContent } from './load';
import { readershipFor } from './readers';
import { draftValues, getReviewDraft } from './reviews';

/** Everything the composer shows for a started edition, or null when it has not been started. */
export async function loadComposer(actor: Actor, team: TeamRef, month: string) {
  const draft = await getReviewDraft(actor, team, month);
  if (!draft) return null;
  const quotes = await listMonthQuotes(db, team.id, month);
  const emails = await listReviewEmails(actor, team.id, draft.id);
  const readership = draft.status === 'PUBLISHED' ? await readershipFor(draft.id, true) : null;
  return { draft, values: draftValues(draft), quotes, emails, emailOn: smtpFromEnv() !== null, readership };
}

/** The saved draft over the data as it is now: exactly what publishing would freeze. */
export async function loadPreview(actor: Actor, team: TeamRef, month: string): Promise<{ snapshot: EditionSnapshot; version: number }> {
  const draft = await getReviewDraft(actor, team, month);
  if (!draft) throw new NotFoundError('Start the edition first.');
  const content = await loadContent(db, team, month, draft.quotes.map((q) => q.quoteId));
  return { snapshot: { title: draft.title, highlights: draft.highlights, asks: draft.asks, content }, version: draft.version };
}
